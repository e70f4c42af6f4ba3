package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The production option: the PACS on PostgreSQL, as README tells an operator to run it (TESSERA_DB=postgresql).
 * Flyway creates the schema in PostgreSQL, the console realm reads its users from there, and what the console
 * writes is in PostgreSQL's tables. Port offset 300 (console 8380), PostgreSQL on 127.0.0.1:15432.
 */
class PostgreSqlIT {

    @Test
    void thePacsRunsOnPostgreSql() throws IOException {
        Path data = TestEnvironment.dataDir().resolveSibling("postgresql-it");
        PostgreSqlServer.deleteTree(data);
        try (PostgreSqlServer postgres = new PostgreSqlServer(
                // under /tmp: the postgres system user must be able to reach it, wherever the checkout is
                Path.of(System.getProperty("java.io.tmpdir"), "tessera-postgresql-it"), 15432)) {
            postgres.start();
            Map<String, String> environment = Map.of("TESSERA_DB", "postgresql", "TESSERA_DB_HOST", "127.0.0.1",
                    "TESSERA_DB_PORT", Integer.toString(postgres.port()), "TESSERA_DB_NAME", PostgreSqlServer.DATABASE,
                    "TESSERA_DB_USER", PostgreSqlServer.USER, "TESSERA_DB_PASSWORD", PostgreSqlServer.PASSWORD);
            try (PacsServerProcess server = new PacsServerProcess(data, 300, 11512, environment);
                 Browser browser = new Browser()) {
                server.start();
                browser.login(server.consoleUrl(), TestEnvironment.ADMIN, TestEnvironment.adminPassword());
                browser.waitForText(By.id("welcome"), "Welcome, admin");
                browser.open(server.consoleUrl() + "admin/users.xhtml");
                browser.waitFor(By.id("users:add")).click();
                browser.waitFor(By.id("user-form:username")).sendKeys("pgreader");
                browser.driver().findElement(By.id("user-form:password")).sendKeys("pgreader-1");
                browser.driver().findElement(By.id("user-form:save")).click();
                browser.waitForText(By.id("users:table"), "pgreader");

                assertEquals("1", postgres.sql(PostgreSqlServer.DATABASE,
                        "SELECT count(*) FROM pacs_user WHERE username = 'pgreader'"));

                browser.driver().manage().deleteAllCookies();
                browser.login(server.consoleUrl(), "pgreader", "pgreader-1");
                browser.waitForText(By.id("welcome"), "Welcome, pgreader");
                browser.screenshot("09-postgresql");
            }
        }
    }
}
