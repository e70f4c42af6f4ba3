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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The network layer, the resource adapter and the application-entity table, against dcmtk and Orthanc:
 * association acceptance by the applentity table (001 §2.2), context rejection without rejecting the association,
 * PDU sizes, and our Verification SCU — all driven as HIS/RIS automation would, over JMX with a management user
 * made by WildFly's add-user.sh (README, "JMX").
 *
 * <p>The PACS runs as {@code ./tessera serve} on port offset 400 (management 10390, DICOM 11612).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerificationIT {
    private static final String USER = "his-robot";
    private static final String PASSWORD = "Tessera-JMX-1!";
    private static final int DICOM_PORT = 11612;
    private static final String[] ADD_OR_UPDATE = {String.class.getName(), String.class.getName(), int.class.getName(),
            boolean.class.getName(), String.class.getName(), boolean.class.getName(), boolean.class.getName(),
            boolean.class.getName(), boolean.class.getName(), String.class.getName()};

    private Path data;
    private PacsServerProcess server;
    private JMXConnector jmx;
    private MBeanServerConnection mbeans;
    private ObjectName applicationEntities;

    @BeforeAll
    void startThePacs() throws Exception {
        data = TestEnvironment.dataDir().resolveSibling("verification-it");
        PostgreSqlServer.deleteTree(data);
        addManagementUser(data.resolve("wildfly/configuration"));
        server = new PacsServerProcess(data, 400, DICOM_PORT);
        server.start();
        jmx = connect(10390);
        jmx.connect();
        mbeans = jmx.getMBeanServerConnection();
        applicationEntities = new ObjectName("io.tessera.pacs:service=ApplicationEntities");
    }

    @AfterAll
    void stopThePacs() throws IOException {
        if (jmx != null) {
            jmx.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private CompositeData addOrUpdate(String title, int port, boolean allowAccess) throws Exception {
        return (CompositeData) mbeans.invoke(applicationEntities, "addOrUpdate", new Object[] {
                title, port == 0 ? "" : "127.0.0.1", port, allowAccess, "", false, false, false, port != 0, "test peer"},
                ADD_OR_UPDATE);
    }

    private String echo(String title) throws Exception {
        return (String) mbeans.invoke(applicationEntities, "echo", new Object[] {title}, new String[] {String.class.getName()});
    }

    private static Dcmtk.Result echoscu(String callingAe, String... options) {
        String[] command = Stream.concat(Stream.of("echoscu", "-aet", callingAe, "-aec", "TESSERA"),
                Stream.concat(Stream.of(options), Stream.of("127.0.0.1", Integer.toString(DICOM_PORT)))).toArray(String[]::new);
        return Dcmtk.run(command);
    }

    @Test
    @Order(1)
    void anUnknownCallingAeIsRejectedWithThatReason() {
        Dcmtk.Result r = echoscu("STRANGER");
        assertFalse(r.ok(), r.output());
        assertTrue(r.output().contains("Rejected Permanent") && r.output().contains("Calling AE Title Not Recognized"),
                r.output());
    }

    @Test
    @Order(2)
    void anAeAddedOverJmxMayEchoAndItsTitleMatchesInAnyCase() throws Exception {
        CompositeData added = addOrUpdate("modality_1", 0, true);
        assertEquals("modality_1", added.get("title"));
        assertTrue(echoscu("MODALITY_1").ok(), "echoscu as MODALITY_1");
        assertTrue(echoscu("modality_1").ok(), "echoscu as modality_1");
    }

    @Test
    @Order(3)
    void anAeWithAccessRefusedIsRejected() throws Exception {
        addOrUpdate("MODALITY_2", 0, false);
        Dcmtk.Result r = echoscu("MODALITY_2");
        assertFalse(r.ok(), r.output());
        assertTrue(r.output().contains("Calling AE Title Not Recognized"), r.output());
    }

    @Test
    @Order(4)
    void contextsOfServicesNotServedYetAreRejectedOneByOneNotTheAssociation() {
        // Modality Worklist is not served (we are its SCU, 001 §3.3.6): its context is refused, the association is not
        Dcmtk.Result r = Dcmtk.run("findscu", "-d", "-W", "-k", "PatientName=*", "-aet", "MODALITY_1",
                "-aec", "TESSERA", "127.0.0.1", Integer.toString(DICOM_PORT));
        assertTrue(r.output().contains("PDU Type: Associate Accept"), r.output());
        assertTrue(r.output().contains("Abstract Syntax Not Supported"), r.output());
    }

    @Test
    @Order(5)
    void peersProposingMaxPdu4KbTo128KbAllEcho() {
        // 131072 is the largest maximum PDU dcmtk's tools will propose (ASC_MAXIMUMPDUSIZE)
        for (String pdu : new String[] {"4096", "8192", "16384", "65536", "131072"}) {
            Dcmtk.Result r = echoscu("MODALITY_1", "--max-pdu", pdu, "--repeat", "3");
            assertTrue(r.ok(), "max PDU " + pdu + ": " + r.output());
        }
    }

    @Test
    @Order(6)
    void ourScuEchoesDcmtkStorescp() throws Exception {
        int port = Dcmtk.freePort();
        Process storescp = Dcmtk.start(data.resolve("storescp.log"), "storescp", "-aet", "STORESCP", Integer.toString(port));
        try {
            Dcmtk.awaitPort(port, storescp);
            addOrUpdate("STORESCP", port, true);
            assertTrue(echo("STORESCP").startsWith("Success"), echo("STORESCP"));
        } finally {
            storescp.destroy();
            storescp.waitFor();
        }
        String refused = echo("STORESCP");
        assertTrue(refused.contains("Connection refused"), refused);
    }

    @Test
    @Order(7)
    void ourScuEchoesOrthanc() throws Exception {
        int dicomPort = Dcmtk.freePort();
        int httpPort = Dcmtk.freePort();
        Path orthancDir = data.resolve("orthanc");
        Files.createDirectories(orthancDir.resolve("storage"));
        Path config = orthancDir.resolve("orthanc.json");
        Files.writeString(config, """
                {
                  "Name": "Tessera test peer",
                  "StorageDirectory": "%s",
                  "IndexDirectory": "%s",
                  "DicomAet": "ORTHANC",
                  "DicomPort": %d,
                  "HttpPort": %d,
                  "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false,
                  "Plugins": []
                }
                """.formatted(orthancDir.resolve("storage"), orthancDir.resolve("storage"), dicomPort, httpPort));
        Process orthanc = Dcmtk.start(orthancDir.resolve("orthanc.log"), "/usr/sbin/Orthanc", config.toString());
        try {
            Dcmtk.awaitPort(dicomPort, orthanc);
            addOrUpdate("ORTHANC", dicomPort, true);
            String result = echo("ORTHANC");
            assertTrue(result.startsWith("Success"), result);
        } finally {
            orthanc.destroy();
            orthanc.waitFor();
        }
    }

    @Test
    @Order(8)
    void jmxRefusesABadTitleWithTheReasonAndRemoves() throws Exception {
        RuntimeMBeanException refused = assertThrows(RuntimeMBeanException.class, () -> addOrUpdate("BAD\\TITLE", 0, true));
        assertTrue(refused.getCause().getMessage().contains("without a backslash"), refused.getCause().getMessage());

        CompositeData[] all = (CompositeData[]) mbeans.getAttribute(applicationEntities, "ApplicationEntities");
        assertEquals(4, all.length, "MODALITY_1, MODALITY_2, ORTHANC, STORESCP");
        assertEquals(Boolean.TRUE, mbeans.invoke(applicationEntities, "remove", new Object[] {"modality_2"},
                new String[] {String.class.getName()}));
        assertNull(mbeans.invoke(applicationEntities, "find", new Object[] {"MODALITY_2"}, new String[] {String.class.getName()}));
    }

    /** What README tells the operator: add-user.sh into the data directory's configuration. */
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

    /** WildFly's own JMX client jar in a class loader of its own, as an operator's tool would use it. */
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
