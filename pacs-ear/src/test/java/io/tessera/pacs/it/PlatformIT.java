package io.tessera.pacs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.pacs.it.probe.UserServiceProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EAR deploys on the provisioned WildFly: schema migrated, the first administrator created, the console behind
 * its login, and user management refused by the EJB itself to anyone without ADMIN.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {
    private static final String PROBE = "http://127.0.0.1:8180/pacs-probe/users";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Deployment(name = "pacs", order = 1, testable = false)
    static EnterpriseArchive pacs() {
        return TestEnvironment.ear();
    }

    @Deployment(name = "probe", order = 2, testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "pacs-probe.war")
                .addClass(UserServiceProbe.class)
                .addAsWebInfResource(new StringAsset("""
                        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                          <security-constraint>
                            <web-resource-collection><web-resource-name>all</web-resource-name><url-pattern>/*</url-pattern></web-resource-collection>
                            <auth-constraint><role-name>**</role-name></auth-constraint>
                          </security-constraint>
                          <login-config><auth-method>BASIC</auth-method></login-config>
                        </web-app>"""), "web.xml")
                .addAsWebInfResource(new StringAsset(
                        "<jboss-web><security-domain>tessera</security-domain></jboss-web>"), "jboss-web.xml")
                .addAsWebInfResource(new StringAsset("""
                        <jboss-deployment-structure><deployment><dependencies>
                          <module name="deployment.pacs-ear.ear.pacs-ejb.jar"/>
                        </dependencies></deployment></jboss-deployment-structure>"""), "jboss-deployment-structure.xml");
    }

    @Test
    void schemaIsMigratedIntoTheFileDatabase() {
        if (ItDatabase.postgresql()) {
            // the PostgreSQL pass: Flyway migrated the Arquillian server's database (arquillian.xml)
            assertEquals("t", ItDatabase.sql(ItDatabase.ARQUILLIAN,
                    "SELECT bool_and(success) FROM flyway_schema_history"), "every migration applied in PostgreSQL");
            return;
        }
        assertTrue(Files.isRegularFile(TestEnvironment.dataDir().resolve("db/pacs.mv.db")),
                "the H2 database is a file under tessera.data.dir, so it survives restarts");
    }

    @Test
    void everyConsolePageAsksForLoginFirst() throws Exception {
        for (String page : new String[] {"", "index.xhtml", "admin/users.xhtml", "no-such-page.xhtml"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(TestEnvironment.CONSOLE + page))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(response.body().contains("j_security_check"), page + " shows the login form, not the page");
            assertTrue(!response.body().contains("Exception"), page + " shows no exception");
        }
    }

    @Test
    void userManagementIsRefusedByTheEjbToUsersWithoutAdmin() throws Exception {
        HttpResponse<String> added = probe(TestEnvironment.ADMIN, TestEnvironment.adminPassword(),
                "action=add&username=viewer1&password=viewer-password-1&role=VIEW&role=FORWARD");
        assertEquals(200, added.statusCode(), added.body());

        HttpResponse<String> listed = probe("viewer1", "viewer-password-1", "action=list");
        assertEquals(403, listed.statusCode(), listed.body());
        assertTrue(listed.body().startsWith("EJB refused"), listed.body());

        HttpResponse<String> adding = probe("viewer1", "viewer-password-1",
                "action=add&username=intruder&password=intruder-password&role=ADMIN");
        assertEquals(403, adding.statusCode(), adding.body());

        HttpResponse<String> asAdmin = probe(TestEnvironment.ADMIN, TestEnvironment.adminPassword(), "action=list");
        assertEquals(200, asAdmin.statusCode(), asAdmin.body());
        assertTrue(!asAdmin.body().contains("intruder") && asAdmin.body().startsWith("users="), asAdmin.body());
    }

    private HttpResponse<String> probe(String user, String password, String form) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(PROBE))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
