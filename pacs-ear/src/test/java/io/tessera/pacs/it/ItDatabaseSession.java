package io.tessera.pacs.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * On the PostgreSQL pass, starts the shared PostgreSQL server and makes the Arquillian server's database before the
 * first test class, so that it is there when Arquillian starts WildFly on standalone-tessera-postgresql.xml and the
 * EAR's Flyway migrates it. Registered in META-INF/services; nothing happens on the H2 pass.
 */
public final class ItDatabaseSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (ItDatabase.postgresql()) {
            synchronized (ItDatabaseSession.class) {
                // the launcher may open a session per discovery and per execution: make the database once
                if (!made) {
                    ItDatabase.freshDatabase(ItDatabase.ARQUILLIAN);
                    made = true;
                }
            }
        }
    }

    private static boolean made;
}
