package io.tessera.pacs.it;

import java.io.File;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** Where the system tests find the server, the EAR and the test data (set by the failsafe configuration). */
public final class TestEnvironment {
    /** The Arquillian-managed server runs with port offset 100 (arquillian.xml). */
    public static final String CONSOLE = "http://127.0.0.1:8180/pacs/";
    public static final String ADMIN = "admin";

    private TestEnvironment() {
    }

    public static String adminPassword() {
        return System.getProperty("it.admin.password");
    }

    public static Path wildflyHome() {
        return Path.of(System.getProperty("wildfly.home"));
    }

    public static Path earFile() {
        return Path.of(System.getProperty("ear.file"));
    }

    public static Path dataDir() {
        return Path.of(System.getProperty("it.data.dir"));
    }

    public static Path screenshots() {
        return Path.of(System.getProperty("it.screenshots", "target/screenshots"));
    }

    /** The EAR exactly as the build made it: the tests deploy what a hospital deploys. */
    public static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(earFile().toString()));
    }
}
