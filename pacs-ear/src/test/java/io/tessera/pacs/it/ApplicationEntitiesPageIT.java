package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Application Entities page (001 §3.3.1) in headless Chromium: add, refuse a bad value, edit, delete. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplicationEntitiesPageIT {
    private static final String CONSOLE = TestEnvironment.CONSOLE;
    private static Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive pacs() {
        return TestEnvironment.ear();
    }

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
        browser.login(CONSOLE, TestEnvironment.ADMIN, TestEnvironment.adminPassword());
        browser.waitForText(By.id("welcome"), "Welcome, admin");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static void fill(String id, String value) {
        WebElement field = browser.waitFor(By.id("ae-form:" + id));
        field.clear();
        field.sendKeys(value);
    }

    @Test
    @Order(1)
    void aBadTitleIsRefusedWithAMessageAndAGoodOneIsAdded() {
        browser.open(CONSOLE + "ae.xhtml");
        browser.waitFor(By.id("aes:add")).click();
        fill("title", "CT\\ONE");
        fill("host", "127.0.0.1");
        fill("port", "11120");
        browser.driver().findElement(By.id("ae-form:save")).click();
        browser.waitForText(By.id("ae-form:form-messages"), "without a backslash");
        browser.screenshot("20-ae-refused");

        fill("title", "CT_ONE");
        browser.waitFor(By.cssSelector("[id='ae-form:storageDestination'] .ui-chkbox-box")).click();
        fill("description", "CT scanner, room 1 <b>not bold</b>");
        browser.driver().findElement(By.id("ae-form:save")).click();
        browser.waitForText(By.id("aes:table"), "CT_ONE");
        String table = browser.driver().findElement(By.id("aes:table")).getText();
        assertTrue(table.contains("Destination"), table);
        assertTrue(table.contains("<b>not bold</b>"), "user text is escaped, shown as typed: " + table);
        browser.screenshot("21-ae-added");
    }

    @Test
    @Order(2)
    void anEditRefusesAccess() {
        browser.open(CONSOLE + "ae.xhtml");
        browser.waitFor(By.cssSelector(".edit-CT_ONE")).click();
        browser.waitForText(By.id("ae-dialog"), "Edit application entity");
        browser.waitFor(By.cssSelector("[id='ae-form:allowAccess'] .ui-chkbox-box")).click();
        browser.driver().findElement(By.id("ae-form:save")).click();
        browser.waitForText(By.id("aes:table"), "refused");
    }

    @Test
    @Order(3)
    void deleteAsksFirst() {
        browser.open(CONSOLE + "ae.xhtml");
        browser.waitFor(By.cssSelector(".delete-CT_ONE")).click();
        browser.waitFor(By.id("aes:confirm-yes")).click();
        // other tests share this server's AE table, so the row's absence is what counts, not an empty table
        browser.waitForTextGone(By.id("aes:table"), "CT_ONE");
        assertFalse(browser.driver().findElement(By.id("aes:table")).getText().contains("CT_ONE"));
        browser.screenshot("22-ae-deleted");
    }

    @Test
    @Order(4)
    void pingShowsSuccessOrTheExactError() throws Exception {
        int port = Dcmtk.freePort();
        Process storescp = Dcmtk.start(TestEnvironment.dataDir().resolveSibling("ping-storescp.log"),
                "storescp", "-aet", "PING_ME", Integer.toString(port));
        try {
            Dcmtk.awaitPort(port, storescp);
            browser.open(CONSOLE + "ae.xhtml");
            browser.waitFor(By.id("aes:add")).click();
            fill("title", "PING_ME");
            fill("host", "127.0.0.1");
            fill("port", Integer.toString(port));
            browser.driver().findElement(By.id("ae-form:save")).click();
            browser.waitForText(By.id("aes:table"), "PING_ME");

            browser.waitFor(By.cssSelector(".ping-PING_ME")).click();
            browser.waitForText(By.id("aes:echo"), "Success: C-ECHO answered");
            browser.screenshot("23-ae-ping-ok");
        } finally {
            storescp.destroy();
            storescp.waitFor();
        }
        browser.waitFor(By.cssSelector(".ping-PING_ME")).click();
        browser.waitForText(By.id("aes:echo"), "Connection refused");
        browser.screenshot("24-ae-ping-refused");
    }
}
