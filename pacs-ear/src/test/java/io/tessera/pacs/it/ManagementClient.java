package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * JMX as README tells an operator to use it: a management user made by WildFly's add-user.sh in the data directory's
 * configuration, and WildFly's own client jar (bin/client/jboss-cli-client.jar) in a class loader of its own.
 */
public final class ManagementClient implements AutoCloseable {
    public static final String USER = "his-robot";
    public static final String PASSWORD = "Tessera-JMX-1!";
    private static final String[] ADD_OR_UPDATE = {String.class.getName(), String.class.getName(), int.class.getName(),
            boolean.class.getName(), String.class.getName(), boolean.class.getName(), boolean.class.getName(),
            boolean.class.getName(), boolean.class.getName(), String.class.getName()};

    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;

    private ManagementClient(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.mbeans = connector.getMBeanServerConnection();
    }

    /** Before the server's first start: the configuration it will copy keeps this user (./tessera serve). */
    public static void addUser(Path dataDir) throws IOException, InterruptedException {
        Path configuration = dataDir.resolve("wildfly/configuration");
        Path build = TestEnvironment.wildflyHome().resolve("standalone/configuration");
        Files.createDirectories(configuration);
        try (Stream<Path> files = Files.list(build)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, configuration.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Process p = new ProcessBuilder(TestEnvironment.wildflyHome().resolve("bin/add-user.sh").toString(),
                "-sc", configuration.toString(), "-u", USER, "-p", PASSWORD, "-s").redirectErrorStream(true).start();
        p.getInputStream().transferTo(System.out);
        assertEquals(0, p.waitFor(), "add-user.sh");
    }

    public static ManagementClient connect(int portOffset) throws IOException {
        Path client = TestEnvironment.wildflyHome().resolve("bin/client/jboss-cli-client.jar");
        ClassLoader loader = new URLClassLoader(new URL[] {client.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Map<String, Object> environment = Map.of(JMXConnector.CREDENTIALS, new String[] {USER, PASSWORD},
                JMXConnectorFactory.PROTOCOL_PROVIDER_CLASS_LOADER, loader);
        JMXConnector c = JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:remote+http://127.0.0.1:" + (9990 + portOffset)), environment);
        return new ManagementClient(c);
    }

    public MBeanServerConnection mbeans() {
        return mbeans;
    }

    /** ApplicationEntities.addOrUpdate; host 127.0.0.1 when a port is given. */
    public Object addOrUpdateAe(String title, int port, boolean allowAccess, String archiveDir) throws Exception {
        return mbeans.invoke(new ObjectName("io.tessera.pacs:service=ApplicationEntities"), "addOrUpdate", new Object[] {
                title, port == 0 ? "" : "127.0.0.1", port, allowAccess, archiveDir == null ? "" : archiveDir,
                false, false, false, port != 0, "test peer"}, ADD_OR_UPDATE);
    }

    /**
     * Routing.addRule (RoutingMXBean): key NONE, PATIENT_ID or REFERRING_PHYSICIAN_NAME; the window "HH:mm" or both
     * empty for immediately. Returns the rule (its "id" among the items); a refusal is a RuntimeMBeanException whose
     * cause says why.
     */
    public javax.management.openmbean.CompositeData addRoutingRule(String sourceAe, String key, String pattern,
            String destinationAe, String windowStart, String windowEnd, boolean autoPurge, String description) throws Exception {
        String text = String.class.getName();
        return (javax.management.openmbean.CompositeData) mbeans.invoke(new ObjectName("io.tessera.pacs:service=Routing"),
                "addRule", new Object[] {sourceAe, key, pattern, destinationAe, windowStart, windowEnd, autoPurge, description},
                new String[] {text, text, text, text, text, text, boolean.class.getName(), text});
    }

    public Object invoke(String service, String operation, Object... arguments) throws Exception {
        String[] signature = Stream.of(arguments).map(a -> String.class.getName()).toArray(String[]::new);
        return mbeans.invoke(new ObjectName("io.tessera.pacs:service=" + service), operation, arguments, signature);
    }

    public void set(String service, String attribute, Object value) throws Exception {
        mbeans.setAttribute(new ObjectName("io.tessera.pacs:service=" + service), new javax.management.Attribute(attribute, value));
    }

    public Object get(String service, String attribute) throws Exception {
        return mbeans.getAttribute(new ObjectName("io.tessera.pacs:service=" + service), attribute);
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
