package io.tessera.bench.ingest;

import java.util.Map;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What the ingest benchmark asks Tessera over JMX, as HIS/RIS automation would (README, "JMX"): WildFly's
 * {@code service:jmx:remote+http} with a management user made by add-user.sh.
 * <ul>
 * <li>{@code add-calling-ae <title>}: {@code addOrUpdate} on {@code io.tessera.pacs:service=ApplicationEntities}, access
 * allowed — without the row the acceptance policy (seed 001 §2.2) rejects the association, "calling AE title not
 * recognized".</li>
 * <li>{@code add-destination <title> <port>}: the same with host 127.0.0.1, the port and storage destination set —
 * the C-MOVE destination of the retrieve benchmark (a dcmtk storescp).</li>
 * <li>{@code storage}: the counters and settings of {@code io.tessera.pacs:service=Storage} (issue 5), to cross-check
 * the benchmark's count of 0000 responses against what the server says it stored, and to record the settings the
 * figures were measured with.</li>
 * </ul>
 *
 * <p>Run by {@code bench/run} with the JDK's source launcher and WildFly's client jar, no build needed:
 * {@code java -cp .../bin/client/jboss-cli-client.jar TesseraJmx.java <host:port> <user> <password> <command> [arg]}.
 * Prints one line; exits 1 with the reason when the call fails, 3 when the MBean is not deployed.
 */
public final class TesseraJmx {
    private static final String[] ADD_OR_UPDATE = {String.class.getName(), String.class.getName(), int.class.getName(),
            boolean.class.getName(), String.class.getName(), boolean.class.getName(), boolean.class.getName(),
            boolean.class.getName(), boolean.class.getName(), String.class.getName()};

    private TesseraJmx() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || ("add-calling-ae".equals(args[3]) && args.length != 5)
                || ("add-destination".equals(args[3]) && args.length != 6)) {
            System.err.println("usage: TesseraJmx <host:managementPort> <user> <password> add-calling-ae <AE title>"
                    + " | add-destination <AE title> <port> | storage");
            System.exit(2);
        }
        Map<String, Object> environment = Map.of(
                JMXConnector.CREDENTIALS, new String[] {args[1], args[2]},
                // the remote+http provider lives in jboss-cli-client.jar on the class path
                JMXConnectorFactory.PROTOCOL_PROVIDER_CLASS_LOADER, ClassLoader.getSystemClassLoader());
        JMXServiceURL url = new JMXServiceURL("service:jmx:remote+http://" + args[0]);
        try (JMXConnector jmx = JMXConnectorFactory.connect(url, environment)) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            switch (args[3]) {
                case "add-calling-ae" -> addCallingAe(mbeans, args[4]);
                case "add-destination" -> addDestination(mbeans, args[4], Integer.parseInt(args[5]));
                case "storage" -> storage(mbeans);
                default -> {
                    System.err.println("unknown command " + args[3]);
                    System.exit(2);
                }
            }
        } catch (InstanceNotFoundException e) {
            System.out.println("MBean not deployed: " + e.getMessage());
            System.exit(3);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.out.println("JMX " + args[3] + " at " + url + " failed: " + cause);
            System.exit(1);
        }
    }

    private static void addCallingAe(MBeanServerConnection mbeans, String title) throws Exception {
        // port 0 = no port: the benchmark only calls Tessera, Tessera never calls it back
        CompositeData row = (CompositeData) mbeans.invoke(new ObjectName("io.tessera.pacs:service=ApplicationEntities"),
                "addOrUpdate", new Object[] {title, "127.0.0.1", 0, true, "", false, false, false, false,
                        "bench/run storescu"}, ADD_OR_UPDATE);
        System.out.println("added calling AE " + row.get("title") + " (access allowed)");
    }

    /** A C-MOVE destination: host and port, storage destination (the retrieve benchmark's storescp). */
    private static void addDestination(MBeanServerConnection mbeans, String title, int port) throws Exception {
        CompositeData row = (CompositeData) mbeans.invoke(new ObjectName("io.tessera.pacs:service=ApplicationEntities"),
                "addOrUpdate", new Object[] {title, "127.0.0.1", port, true, "", false, false, false, true,
                        "bench/run movescu destination"}, ADD_OR_UPDATE);
        System.out.println("added C-MOVE destination " + row.get("title") + " 127.0.0.1:" + port);
    }

    private static void storage(MBeanServerConnection mbeans) throws Exception {
        ObjectName storage = new ObjectName("io.tessera.pacs:service=Storage");
        StringBuilder line = new StringBuilder();
        line.append("instances=").append(mbeans.getAttribute(storage, "InstancesStored"));
        line.append(" bytes=").append(mbeans.getAttribute(storage, "BytesStored"));
        line.append(" failures=").append(failures(mbeans.getAttribute(storage, "FailuresByStatus")));
        line.append(" format=").append(mbeans.getAttribute(storage, "StorageFormat"));
        line.append(" duplicates=").append(mbeans.getAttribute(storage, "DuplicatePolicy"));
        line.append(" patientId=").append(mbeans.getAttribute(storage, "PatientIdPolicy"));
        System.out.println(line);
    }

    /** An MXBean's Map arrives as TabularData of (key, value) rows. */
    private static String failures(Object value) {
        if (!(value instanceof TabularData table)) {
            return String.valueOf(value);
        }
        StringBuilder s = new StringBuilder("{");
        for (Object row : table.values()) {
            CompositeData r = (CompositeData) row;
            s.append(s.length() > 1 ? "," : "").append(r.get("key")).append(':').append(r.get("value"));
        }
        return s.append('}').toString();
    }
}
