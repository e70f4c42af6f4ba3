package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The home dashboard and the Settings page (issue 8) against the Arquillian server (DICOM port 11212): images sent
 * by dcmtk's storescu show up in today's counts, the ingest chart draws, storage used is above zero; the Settings
 * page shows our AE title and port and saves a preferred transfer syntax; a user without ADMIN gets no Save.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardIT {
    /** The Arquillian server's (arquillian.xml); overridable when that server runs on another port offset. */
    private static final String CONSOLE = System.getProperty("it.console", TestEnvironment.CONSOLE);
    private static final int DICOM_PORT = Integer.getInteger("it.dicom.port", 11212);
    private static final int IMAGES = 6;
    private static final int STUDIES = 2;

    @Deployment(testable = false)
    static EnterpriseArchive pacs() {
        return TestEnvironment.ear();
    }

    @Test
    void theDashboardCountsWhatArrivesAndTheSettingsPageShowsAndSaves() throws Exception {
        try (Browser browser = new Browser()) {
            browser.login(CONSOLE, TestEnvironment.ADMIN, TestEnvironment.adminPassword());
            browser.waitForText(By.id("welcome"), "Welcome, admin");
            long instancesBefore = number(browser, "instances-today");
            long studiesBefore = number(browser, "studies-today");

            // the calling AE must be known to be accepted (001 §3.3.1): add it on the AE page
            browser.open(CONSOLE + "ae.xhtml");
            browser.waitFor(By.id("aes:add")).click();
            fill(browser, "ae-form:title", "DASH_SCU");
            fill(browser, "ae-form:host", "127.0.0.1");
            fill(browser, "ae-form:port", "11299");
            browser.driver().findElement(By.id("ae-form:save")).click();
            browser.waitForText(By.id("aes:table"), "DASH_SCU");

            Path dir = TestEnvironment.dataDir().resolveSibling("dashboard-it");
            PostgreSqlServer.deleteTree(dir);
            List<Path> files = TestImages.ct(dir, "2.25." + System.currentTimeMillis() + "9", IMAGES, STUDIES, 64);
            List<String> command = new ArrayList<>(List.of("storescu", "-aet", "DASH_SCU", "-aec", "TESSERA",
                    "127.0.0.1", Integer.toString(DICOM_PORT)));
            files.forEach(f -> command.add(f.toString()));
            Dcmtk.Result sent = Dcmtk.run(command.toArray(String[]::new));
            assertTrue(sent.ok(), sent.output());

            browser.open(CONSOLE + "index.xhtml");
            browser.waitForText(By.id("welcome"), "Welcome, admin");
            assertEquals(instancesBefore + IMAGES, number(browser, "instances-today"));
            assertEquals(studiesBefore + STUDIES, number(browser, "studies-today"));
            assertTrue(number(browser, "instances-24h") >= IMAGES);
            assertFalse(browser.driver().findElements(By.cssSelector("[id='ingest-chart'] canvas")).isEmpty(),
                    "the ingest chart's canvas");
            assertFalse(browser.driver().findElements(By.cssSelector("[id='storage-chart'] canvas")).isEmpty(),
                    "the storage chart's canvas");
            long used = 0;
            for (WebElement e : browser.driver().findElements(By.cssSelector(".used-bytes"))) {
                used += Long.parseLong(e.getAttribute("textContent").strip());
            }
            assertTrue(used > 0, "storage used");
            assertTrue(browser.driver().findElement(By.id("refusals")).getText().length() > 0);
            browser.screenshot("60-dashboard");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('areas').scrollIntoView()");
            browser.screenshot("60-dashboard-storage");

            // Settings: the system properties read-only, the preferred transfer syntax saved (and a bad one refused)
            browser.open(CONSOLE + "settings.xhtml");
            assertEquals("TESSERA", browser.waitFor(By.id("settings:aetitle")).getText());
            assertEquals(Integer.toString(DICOM_PORT), browser.driver().findElement(By.id("settings:port")).getText());
            assertTrue(browser.pageSource().contains("after a restart"));
            fill(browser, "settings:ts", "not a uid");
            browser.driver().findElement(By.id("settings:save")).click();
            browser.waitForText(By.id("settings:form-messages"), "transfer syntax is a UID");

            fill(browser, "settings:ts", "1.2.840.10008.1.2.1");
            browser.driver().findElement(By.id("settings:save")).click();
            browser.waitForText(By.id("settings:form-messages"), "Settings saved");
            browser.screenshot("61-settings");
            browser.open(CONSOLE + "settings.xhtml");
            assertEquals("1.2.840.10008.1.2.1", browser.waitFor(By.id("settings:ts")).getAttribute("value"));
            browser.open(CONSOLE + "storage.xhtml");
            assertEquals("1.2.840.10008.1.2.1", browser.waitFor(By.id("storage:ts")).getAttribute("value"),
                    "the same setting as the Storage page's");
            browser.open(CONSOLE + "settings.xhtml");
            fill(browser, "settings:ts", "");
            browser.driver().findElement(By.id("settings:save")).click();
            browser.waitForText(By.id("settings:form-messages"), "Settings saved");

            // a user without ADMIN sees the settings but no Save
            browser.open(CONSOLE + "admin/users.xhtml");
            browser.waitFor(By.id("users:add")).click();
            browser.waitFor(By.id("user-form:username")).sendKeys("dashviewer");
            browser.driver().findElement(By.id("user-form:fullName")).sendKeys("Dash Viewer");
            browser.driver().findElement(By.id("user-form:password")).sendKeys("dashviewer-1");
            browser.driver().findElement(By.id("user-form:save")).click();
            browser.waitForText(By.id("users:table"), "dashviewer");
            browser.driver().manage().deleteAllCookies();
            browser.login(CONSOLE, "dashviewer", "dashviewer-1");
            browser.waitForText(By.id("welcome"), "Welcome, dashviewer");
            assertTrue(number(browser, "instances-today") >= IMAGES);
            browser.open(CONSOLE + "settings.xhtml");
            assertEquals("TESSERA", browser.waitFor(By.id("settings:aetitle")).getText());
            assertTrue(browser.driver().findElements(By.id("settings:save")).isEmpty(), "no Save for a non-admin");
            browser.waitForText(By.id("settings:read-only"), "Only an administrator");
            browser.screenshot("62-settings-read-only");
        }
    }

    private static long number(Browser browser, String id) {
        return Long.parseLong(browser.waitFor(By.id(id)).getText().strip());
    }

    private static void fill(Browser browser, String id, String value) {
        WebElement field = browser.waitFor(By.id(id));
        field.clear();
        field.sendKeys(value);
    }
}
