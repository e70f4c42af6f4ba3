package io.tessera.bench.ingest;

import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Puts the benchmark's calling AE into Tessera's application-entity table, as HIS/RIS automation does (README, "JMX"):
 * the MBean {@code io.tessera.pacs:service=ApplicationEntities}, operation {@code addOrUpdate}, over
 * {@code service:jmx:remote+http} with a management user made by add-user.sh. Without the row, the acceptance policy
 * (seed 001 §2.2) rejects the association with "calling AE title not recognized".
 *
 * <p>Run by {@code bench/run} with the source launcher and WildFly's client jar, no build needed:
 * {@code java -cp .../bin/client/jboss-cli-client.jar AddCallingAe.java <host:port> <user> <password> <AE title>}.
 * Prints the row as the MBean returned it; exits 1 with the reason if the call fails.
 */
public final class AddCallingAe {
    private static final String[] ADD_OR_UPDATE = {String.class.getName(), String.class.getName(), int.class.getName(),
            boolean.class.getName(), String.class.getName(), boolean.class.getName(), boolean.class.getName(),
            boolean.class.getName(), boolean.class.getName(), String.class.getName()};

    private AddCallingAe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: AddCallingAe <host:managementPort> <user> <password> <AE title>");
            System.exit(2);
        }
        Map<String, Object> environment = Map.of(
                JMXConnector.CREDENTIALS, new String[] {args[1], args[2]},
                // the remote+http provider lives in jboss-cli-client.jar on the class path
                JMXConnectorFactory.PROTOCOL_PROVIDER_CLASS_LOADER, ClassLoader.getSystemClassLoader());
        JMXServiceURL url = new JMXServiceURL("service:jmx:remote+http://" + args[0]);
        try (JMXConnector jmx = JMXConnectorFactory.connect(url, environment)) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            ObjectName applicationEntities = new ObjectName("io.tessera.pacs:service=ApplicationEntities");
            // port 0 = no port: the benchmark only calls us, we never call it back
            CompositeData row = (CompositeData) mbeans.invoke(applicationEntities, "addOrUpdate", new Object[] {
                    args[3], "127.0.0.1", 0, true, "", false, false, false, false, "bench/run storescu"}, ADD_OR_UPDATE);
            System.out.println("added calling AE " + row.get("title") + " (access allowed)");
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.err.println("JMX addOrUpdate at " + url + " failed: " + cause);
            System.exit(1);
        }
    }
}
