package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/**
 * HIS/RIS automation as README describes it: a management user made with WildFly's add-user.sh, then an external JMX
 * client on service:jmx:remote+http keeps the application-entity table. The client is WildFly's own
 * bin/client/jboss-cli-client.jar in a class loader of its own, as an operator's tool would use it.
 * Port offset 400 (management 10390).
 */
class ApplicationEntitiesJmxIT {
    private static final String USER = "his-robot";
    private static final String PASSWORD = "Tessera-JMX-1!";
    private static final String MBEAN = "io.tessera.pacs:service=ApplicationEntities";
    private static final String[] ADD_OR_UPDATE = {String.class.getName(), String.class.getName(), int.class.getName(),
            boolean.class.getName(), String.class.getName(), boolean.class.getName(), boolean.class.getName(),
            boolean.class.getName(), boolean.class.getName(), String.class.getName()};

    @Test
    void aJmxClientAddsListsAndRemovesApplicationEntities() throws Exception {
        Path data = TestEnvironment.dataDir().resolveSibling("jmx-it");
        PostgreSqlServer.deleteTree(data);
        addManagementUser(data.resolve("wildfly/configuration"));
        try (PacsServerProcess server = new PacsServerProcess(data, 400, 11612);
             JMXConnector jmx = connect(10390)) {
            server.start();
            jmx.connect();
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            ObjectName name = new ObjectName(MBEAN);

            CompositeData added = (CompositeData) mbeans.invoke(name, "addOrUpdate", new Object[] {
                    "ris_a", "127.0.0.1", 104, true, "", false, true, false, true, "RIS of ward A"}, ADD_OR_UPDATE);
            assertEquals("ris_a", added.get("title"));
            assertEquals(104, added.get("port"));

            // the title is matched case-insensitively (001 §2.2): RIS_A updates the same row
            mbeans.invoke(name, "addOrUpdate", new Object[] {
                    "RIS_A", "127.0.0.1", 4104, false, "", false, true, false, true, "RIS of ward A"}, ADD_OR_UPDATE);
            CompositeData[] all = (CompositeData[]) mbeans.getAttribute(name, "ApplicationEntities");
            assertEquals(1, all.length);
            assertEquals("RIS_A", all[0].get("title"));
            assertEquals(4104, all[0].get("port"));
            assertFalse((Boolean) all[0].get("allowAccess"));

            RuntimeMBeanException refused = assertThrows(RuntimeMBeanException.class, () -> mbeans.invoke(name, "addOrUpdate",
                    new Object[] {"BAD\\TITLE", "h", 104, true, "", false, false, false, false, ""}, ADD_OR_UPDATE));
            assertTrue(refused.getCause().getMessage().contains("without a backslash"), refused.getCause().getMessage());

            assertEquals(Boolean.TRUE, mbeans.invoke(name, "remove", new Object[] {"ris_a"}, new String[] {String.class.getName()}));
            assertNull(mbeans.invoke(name, "find", new Object[] {"RIS_A"}, new String[] {String.class.getName()}));
        }
    }

    /** What README tells the operator: add-user.sh into the data directory's configuration, before the start. */
    private static void addManagementUser(Path configuration) throws IOException, InterruptedException {
        Path build = TestEnvironment.wildflyHome().resolve("standalone/configuration");
        Files.createDirectories(configuration);
        try (Stream<Path> files = Files.list(build)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, configuration.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Process p = new ProcessBuilder(TestEnvironment.wildflyHome().resolve("bin/add-user.sh").toString(),
                "-sc", configuration.toString(), "-u", USER, "-p", PASSWORD, "-s")
                .redirectErrorStream(true).start();
        p.getInputStream().transferTo(System.out);
        assertEquals(0, p.waitFor(), "add-user.sh");
    }

    private static JMXConnector connect(int managementPort) throws IOException {
        Path client = TestEnvironment.wildflyHome().resolve("bin/client/jboss-cli-client.jar");
        ClassLoader loader = new URLClassLoader(new URL[] {client.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Map<String, Object> environment = Map.of(
                JMXConnector.CREDENTIALS, new String[] {USER, PASSWORD},
                JMXConnectorFactory.PROTOCOL_PROVIDER_CLASS_LOADER, loader);
        return JMXConnectorFactory.newJMXConnector(
                new JMXServiceURL("service:jmx:remote+http://127.0.0.1:" + managementPort), environment);
    }

}
