package io.tessera.pacs.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The run path keeps its data: a user added in the console before a restart still logs in after it.
 * Runs the server as ./tessera serve does, on port offset 200 (console 8280), beside the Arquillian server.
 */
class RestartIT {

    @Test
    void aUserAddedBeforeARestartStillLogsInAfterIt() throws IOException {
        Path data = TestEnvironment.dataDir().resolveSibling("restart-it");
        deleteTree(data);
        try (PacsServerProcess server = new PacsServerProcess(data, 200, 11312); Browser browser = new Browser()) {
            server.start();
            browser.login(server.consoleUrl(), TestEnvironment.ADMIN, TestEnvironment.adminPassword());
            browser.waitForText(By.id("welcome"), "Welcome, admin");
            browser.open(server.consoleUrl() + "admin/users.xhtml");
            browser.waitFor(By.id("users:add")).click();
            browser.waitFor(By.id("user-form:username")).sendKeys("nightshift");
            browser.driver().findElement(By.id("user-form:password")).sendKeys("nightshift-1");
            browser.driver().findElement(By.id("user-form:save")).click();
            browser.waitForText(By.id("users:table"), "nightshift");

            server.stop();
            server.start();

            browser.driver().manage().deleteAllCookies();
            browser.login(server.consoleUrl(), "nightshift", "nightshift-1");
            browser.waitForText(By.id("welcome"), "Welcome, nightshift");
            browser.screenshot("08-after-restart");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
