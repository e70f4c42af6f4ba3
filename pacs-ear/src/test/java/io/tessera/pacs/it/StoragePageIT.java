package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The Storage page: the administrator changes the storage format; a bad area is refused with a message. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StoragePageIT {

    @Deployment(testable = false)
    static EnterpriseArchive pacs() {
        return TestEnvironment.ear();
    }

    @Test
    void theAdministratorChangesTheStorageSettings() {
        try (Browser browser = new Browser()) {
            browser.login(TestEnvironment.CONSOLE, TestEnvironment.ADMIN, TestEnvironment.adminPassword());
            browser.waitForText(By.id("welcome"), "Welcome, admin");
            browser.open(TestEnvironment.CONSOLE + "storage.xhtml");
            browser.waitFor(By.id("storage:area"));
            String area = browser.driver().findElement(By.id("storage:area")).getAttribute("value");

            browser.driver().findElement(By.id("storage:area")).clear();
            browser.driver().findElement(By.id("storage:area")).sendKeys("relative/dir");
            browser.driver().findElement(By.id("storage:save")).click();
            browser.waitForText(By.id("storage:form-messages"), "absolute directory path");

            browser.open(TestEnvironment.CONSOLE + "storage.xhtml");
            new Select(browser.waitFor(By.id("storage:format_input"))).selectByValue("NATIVE");
            browser.driver().findElement(By.id("storage:save")).click();
            browser.waitForText(By.id("storage:form-messages"), "Storage settings saved");
            browser.screenshot("30-storage");

            browser.open(TestEnvironment.CONSOLE + "storage.xhtml");
            assertEquals("NATIVE", new Select(browser.waitFor(By.id("storage:format_input")))
                    .getFirstSelectedOption().getAttribute("value"));
            assertEquals(area, browser.driver().findElement(By.id("storage:area")).getAttribute("value"));

            new Select(browser.waitFor(By.id("storage:format_input"))).selectByValue("PART10");
            browser.driver().findElement(By.id("storage:save")).click();
            browser.waitForText(By.id("storage:form-messages"), "Storage settings saved");
        }
    }
}
