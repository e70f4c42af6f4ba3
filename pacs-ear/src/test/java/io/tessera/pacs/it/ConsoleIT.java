package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The console in real headless Chromium: log in, refusals, error pages, and the Users page. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {
    private static final String CONSOLE = TestEnvironment.CONSOLE;
    private static Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive pacs() {
        return TestEnvironment.ear();
    }

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static void logOut() {
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    @Order(1)
    void anUnauthenticatedRequestShowsTheLoginPage() {
        logOut();
        browser.open(CONSOLE + "admin/users.xhtml");
        browser.waitFor(By.id("login-button"));
        browser.screenshot("01-login");
        assertFalse(browser.pageSource().contains("Users</h2>"));
    }

    @Test
    @Order(2)
    void aWrongPasswordIsRefusedWithAMessage() {
        logOut();
        browser.login(CONSOLE, TestEnvironment.ADMIN, "not-the-password");
        WebElement error = browser.waitFor(By.id("login-error"));
        assertTrue(error.getText().contains("Wrong user name or password"), error.getText());
        browser.screenshot("02-login-failed");
    }

    @Test
    @Order(3)
    void theAdministratorLogsIn() {
        logOut();
        browser.login(CONSOLE, TestEnvironment.ADMIN, TestEnvironment.adminPassword());
        browser.waitForText(By.id("welcome"), "Welcome, admin");
        browser.screenshot("03-home");
    }

    @Test
    @Order(4)
    void anUnknownUrlGivesACleanErrorPage() {
        browser.open(CONSOLE + "no/such/page.xhtml");
        assertEquals("Page not found", browser.waitFor(By.id("error-title")).getText());
        String page = browser.pageSource();
        assertFalse(page.contains("Exception") || page.contains("\tat "), "no stack trace on the page");
        browser.screenshot("04-not-found");
    }

    @Test
    @Order(5)
    void theAdministratorAddsAUserOnTheUsersPage() {
        browser.open(CONSOLE + "admin/users.xhtml");
        browser.waitFor(By.id("users:add")).click();
        browser.waitFor(By.id("user-form:username")).sendKeys("radiographer");
        browser.driver().findElement(By.id("user-form:fullName")).sendKeys("Rita Radiographer");
        browser.driver().findElement(By.id("user-form:password")).sendKeys("short");
        browser.driver().findElement(By.id("user-form:save")).click();
        browser.waitForText(By.id("user-form:form-messages"), "at least 8 characters");
        browser.screenshot("05-users-refused");

        WebElement password = browser.driver().findElement(By.id("user-form:password"));
        password.clear();
        password.sendKeys("radiographer-1");
        browser.driver().findElement(By.id("user-form:save")).click();
        browser.waitForText(By.id("users:table"), "radiographer");
        assertTrue(browser.driver().findElement(By.id("users:table")).getText().contains("VIEW"));
        browser.screenshot("06-users");
    }

    @Test
    @Order(6)
    void aUserWithoutAdminCannotOpenTheUsersPageEvenByItsUrl() {
        logOut();
        browser.login(CONSOLE, "radiographer", "radiographer-1");
        browser.waitForText(By.id("welcome"), "Welcome, radiographer");
        assertTrue(browser.driver().findElements(By.id("menu:users")).isEmpty(), "no Users menu entry");

        browser.open(CONSOLE + "admin/users.xhtml");
        assertEquals("Not allowed", browser.waitFor(By.id("error-title")).getText());
        browser.screenshot("07-not-allowed");
    }

    @Test
    @Order(7)
    void aDisabledUserCanNoLongerLogIn() {
        logOut();
        browser.login(CONSOLE, TestEnvironment.ADMIN, TestEnvironment.adminPassword());
        browser.waitForText(By.id("welcome"), "Welcome, admin");
        browser.open(CONSOLE + "admin/users.xhtml");
        browser.waitFor(By.cssSelector(".edit-radiographer")).click();
        browser.waitForText(By.id("user-dialog"), "Edit user");
        // PrimeFaces draws the checkbox as a box over a hidden input: click the box
        browser.waitFor(By.cssSelector("[id='user-form:enabled'] .ui-chkbox-box")).click();
        browser.driver().findElement(By.id("user-form:save")).click();
        browser.waitForText(By.id("users:table"), "no");
        browser.screenshot("08-user-disabled");

        logOut();
        browser.login(CONSOLE, "radiographer", "radiographer-1");
        WebElement error = browser.waitFor(By.id("login-error"));
        assertTrue(error.getText().contains("Wrong user name or password"), error.getText());
    }
}
