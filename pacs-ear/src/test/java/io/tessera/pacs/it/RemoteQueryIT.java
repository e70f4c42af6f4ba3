package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The remote query page (issue 8, 001 §3.3.1–3.3.2) in headless Chromium against a dcmtk {@code dcmqrscp} the test
 * starts and fills with {@code storescu}: the AE page's Query/Retrieve link, a study-level C-FIND by a patient-name
 * wildcard, Retrieve (C-MOVE to TESSERA) with its progress until completed, then the study is in our index (findscu
 * against Tessera). Also a query to an AE that is down shows the error text. H2; port offset 1100 (management 11090),
 * DICOM 12312.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteQueryIT {
    static final int OFFSET = 1100;
    static final int DICOM_PORT = 12312;
    static final String ROOT = "1.2.826.0.1.3680043.10.1100";
    static final String STUDY_A = ROOT + ".1.1";
    static final String STUDY_B = ROOT + ".1.2";
    static final String STUDY_C = ROOT + ".1.3";
    private static final String[] ADD_OR_UPDATE = {String.class.getName(), String.class.getName(), int.class.getName(),
            boolean.class.getName(), String.class.getName(), boolean.class.getName(), boolean.class.getName(),
            boolean.class.getName(), boolean.class.getName(), String.class.getName()};

    private Path data;
    private PacsServerProcess server;
    private ManagementClient jmx;
    private Process dcmqrscp;
    private int qrPort;
    private Browser browser;
    private String console;

    @BeforeAll
    void start() throws Exception {
        data = TestEnvironment.dataDir().resolveSibling("remote-query-it");
        PostgreSqlServer.deleteTree(data);
        Files.createDirectories(data);
        ManagementClient.addUser(data);
        server = new PacsServerProcess(data, OFFSET, DICOM_PORT);
        server.start();
        console = server.consoleUrl();
        jmx = ManagementClient.connect(OFFSET);

        // dcmqrscp: its own archive, TESSERA as a move destination
        qrPort = Dcmtk.freePort();
        Path store = Files.createDirectories(data.resolve("dcmqrscp/store"));
        Path config = data.resolve("dcmqrscp/dcmqrscp.cfg");
        Files.writeString(config, String.join("\n",
                "NetworkTCPPort  = " + qrPort,
                "MaxPDUSize      = 16384",
                "MaxAssociations = 16",
                "",
                "HostTable BEGIN",
                "tessera = (TESSERA, 127.0.0.1, " + DICOM_PORT + ")",
                "HostTable END",
                "",
                "VendorTable BEGIN",
                "VendorTable END",
                "",
                "AETable BEGIN",
                "DCMQRSCP  " + store + "  RW  (200, 1024mb)  ANY",
                "AETable END", ""));
        dcmqrscp = Dcmtk.start(data.resolve("dcmqrscp/dcmqrscp.log"), "dcmqrscp", "-v", "-c", config.toString(),
                Integer.toString(qrPort));
        Dcmtk.awaitPort(qrPort, dcmqrscp);

        // Remote^Alice: study A (3 CT images), study B (1 MR image); Other^Bob: study C (1 CT image)
        Path work = Files.createDirectories(data.resolve("send"));
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "MODALITY", "-aec", "DCMQRSCP",
                "127.0.0.1", Integer.toString(qrPort)));
        for (int i = 1; i <= 3; i++) {
            command.add(image(work, i, "CT", "Remote^Alice", "RQ-ALICE", STUDY_A, "20240102", "RQACC1").toString());
        }
        command.add(image(work, 4, "MR", "Remote^Alice", "RQ-ALICE", STUDY_B, "20240305", "RQACC2").toString());
        command.add(image(work, 5, "CT", "Other^Bob", "RQ-BOB", STUDY_C, "20240102", "RQACC3").toString());
        Dcmtk.Result sent = Dcmtk.run(command.toArray(String[]::new));
        assertTrue(sent.ok(), sent.output());

        // the remote in our AE table: host/port and Q/R SCP for the link, access allowed for the C-MOVE's C-STOREs
        addAe("DCMQRSCP", qrPort, true, "dcmqrscp started by RemoteQueryIT");
        addAe("QR_DOWN", Dcmtk.freePort(), true, "nothing listens here");
        browser = new Browser();
    }

    private void addAe(String title, int port, boolean qrScp, String description) throws Exception {
        jmx.mbeans().invoke(new ObjectName("io.tessera.pacs:service=ApplicationEntities"), "addOrUpdate",
                new Object[] {title, "127.0.0.1", port, true, "", qrScp, false, false, false, description},
                ADD_OR_UPDATE);
    }

    private static Path image(Path dir, int n, String modality, String name, String pid, String study, String date,
                              String accession) throws Exception {
        Path dump = dir.resolve(n + ".dump");
        Path file = dir.resolve(n + ".dcm");
        Files.write(dump, List.of(
                "(0008,0016) UI =" + ("MR".equals(modality) ? "MRImageStorage" : "CTImageStorage"),
                "(0008,0018) UI [" + ROOT + ".3." + n + "]",
                "(0008,0020) DA [" + date + "]",
                "(0008,0030) TM [101500]",
                "(0008,0050) SH [" + accession + "]",
                "(0008,0060) CS [" + modality + "]",
                "(0008,1030) LO [Remote study " + accession + "]",
                "(0010,0010) PN [" + name + "]",
                "(0010,0020) LO [" + pid + "]",
                "(0020,000d) UI [" + study + "]",
                "(0020,000e) UI [" + study + ".2]",
                "(0020,0011) IS [1]",
                "(0020,0013) IS [" + n + "]",
                "(0028,0002) US 1", "(0028,0004) CS [MONOCHROME2]", "(0028,0010) US 4", "(0028,0011) US 4",
                "(0028,0100) US 16", "(0028,0101) US 12", "(0028,0102) US 11", "(0028,0103) US 0",
                "(7fe0,0010) OW 0001\\0002\\0003\\0004\\0005\\0006\\0007\\0008\\0009\\000a\\000b\\000c\\000d\\000e\\000f\\0010"));
        Dcmtk.Result r = Dcmtk.run("dump2dcm", "+te", "-g", dump.toString(), file.toString());
        assertTrue(r.ok(), r.output());
        return file;
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (dcmqrscp != null) {
            dcmqrscp.destroy();
            dcmqrscp.waitFor();
        }
        if (jmx != null) {
            jmx.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @Order(1)
    void queryByNameWildcardThenRetrieveAStudyIntoTessera() {
        browser.login(console, TestEnvironment.ADMIN, TestEnvironment.adminPassword());
        browser.waitForText(By.id("welcome"), "Welcome, admin");
        browser.open(console + "ae.xhtml");
        browser.waitFor(By.cssSelector(".qr-DCMQRSCP")).click();
        browser.waitForText(By.id("heading"), "Query/Retrieve: DCMQRSCP");
        browser.screenshot("50-remote-query");

        WebElement name = browser.waitFor(By.id("remote:patientName"));
        name.clear();
        name.sendKeys("Rem*");
        browser.driver().findElement(By.id("remote:search")).click();
        browser.waitForText(By.id("remote:results"), "2 matches");
        String table = browser.driver().findElement(By.id("remote:results")).getText();
        assertTrue(table.contains("RQACC1") && table.contains("RQACC2"), table);
        assertTrue(table.contains("Remote Alice") && table.contains("2024-01-02"), table);
        assertFalse(table.contains("RQACC3"), table);
        browser.screenshot("51-remote-query-results");

        browser.waitFor(By.xpath("//tr[contains(., 'RQACC1')]//button[contains(@class, 'retrieve-button')]")).click();
        browser.waitForText(By.id("remote:progress-text"), "Completed: 3 completed, 0 failed");
        browser.screenshot("52-remote-retrieve-completed");

        // the study is now ours: a study-level C-FIND against Tessera counts its three instances
        Dcmtk.Result find = Dcmtk.run("findscu", "-v", "-S", "-aet", "DCMQRSCP", "-aec", "TESSERA",
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + STUDY_A,
                "-k", "NumberOfStudyRelatedInstances", "-k", "PatientName", "127.0.0.1", Integer.toString(DICOM_PORT));
        assertTrue(find.ok(), find.output());
        assertTrue(find.output().matches("(?s).*\\(0020,1208\\) IS \\[3 ?\\].*"), find.output());
        assertTrue(find.output().contains("Remote^Alice"), find.output());
    }

    /** Types into a field and checks it took the text (a re-render must not have eaten it). */
    private void type(String id, String text) {
        WebElement field = browser.waitFor(By.id(id));
        field.clear();
        field.sendKeys(text);
        assertEquals(text, browser.driver().findElement(By.id(id)).getAttribute("value"), id);
    }

    @Test
    @Order(2)
    void dateRangeModalityPatientLevelAndAnAeThatIsDown() {
        browser.open(console + "ae.xhtml");
        browser.waitFor(By.cssSelector(".qr-DCMQRSCP")).click();
        browser.waitForText(By.id("heading"), "Query/Retrieve: DCMQRSCP");
        type("remote:dateFrom", "2024-01-01");
        type("remote:dateTo", "2024-01-31");
        type("remote:modality", "ct");
        browser.screenshot("53-remote-query-dates");
        browser.driver().findElement(By.id("remote:search")).click();
        browser.waitForText(By.id("remote:results"), "2 matches");
        String studies = browser.driver().findElement(By.id("remote:results")).getText();
        assertTrue(studies.contains("RQACC1") && studies.contains("RQACC3") && !studies.contains("RQACC2"), studies);
        browser.driver().findElement(By.id("remote:dateFrom")).sendKeys("x");
        browser.driver().findElement(By.id("remote:search")).click();
        browser.waitForText(By.id("remote:results"), "Not a date: 2024-01-01x");

        browser.open(console + "remote.xhtml?ae=DCMQRSCP");
        new Select(browser.waitFor(By.id("remote:level"))).selectByValue("PATIENT");
        WebElement name = browser.waitFor(By.id("remote:patientName"));
        name.clear();
        name.sendKeys("*");
        browser.driver().findElement(By.id("remote:search")).click();
        browser.waitForText(By.id("remote:results"), "2 matches");
        String table = browser.driver().findElement(By.id("remote:results")).getText();
        assertTrue(table.contains("RQ-ALICE") && table.contains("RQ-BOB"), table);
        browser.screenshot("54-remote-query-patients");

        // the patient's Patient ID lists its studies; a retrieve we refuse (DCMQRSCP no longer allowed to
        // associate, so its sub-operation C-STOREs fail) ends with the failure shown
        browser.waitFor(By.xpath("//a[contains(@class, 'patient-studies') and text() = 'RQ-BOB']")).click();
        browser.waitForText(By.id("remote:results"), "1 matches");
        assertTrue(browser.driver().findElement(By.id("remote:results")).getText().contains("RQACC3"));
        try {
            jmx.mbeans().invoke(new ObjectName("io.tessera.pacs:service=ApplicationEntities"), "addOrUpdate",
                    new Object[] {"DCMQRSCP", "127.0.0.1", qrPort, false, "", true, false, false, false, "refused"},
                    ADD_OR_UPDATE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        browser.waitFor(By.xpath("//tr[contains(., 'RQACC3')]//button[contains(@class, 'retrieve-button')]")).click();
        browser.waitForText(By.id("remote:progress-text"), "Failed: 0 completed, 1 failed");
        browser.screenshot("56-remote-retrieve-failed");

        browser.open(console + "remote.xhtml?ae=QR_DOWN");
        browser.waitFor(By.id("remote:search")).click();
        browser.waitForText(By.id("remote:results"), "Connection refused");
        browser.screenshot("55-remote-query-down");
    }
}
