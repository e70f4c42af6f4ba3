package io.tessera.pacs.it;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The index database the system tests run the PACS on: H2 (the default), or PostgreSQL when the failsafe execution
 * sets {@code -Dtessera.it.db=postgresql} (pacs-ear/pom.xml runs every system test on H2, then the DB-independent
 * ones again on PostgreSQL). On PostgreSQL one server of Debian's package serves the whole test JVM, on loopback port
 * {@code tessera.it.db.port} (15460); every PACS gets a fresh database of its own, the Arquillian server the database
 * {@value #ARQUILLIAN}. The server starts with the test run ({@link ItDatabaseSession}) and stops when the JVM exits.
 */
public final class ItDatabase {
    /** The database of the Arquillian-managed server (its datasource properties are in arquillian.xml). */
    public static final String ARQUILLIAN = "arquillian";

    private static PostgreSqlServer server;

    private ItDatabase() {
    }

    /** True when this test run is the PostgreSQL pass. */
    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty("tessera.it.db", "h2"));
    }

    /** "H2" or "PostgreSQL on 127.0.0.1:15460", for log lines and messages. */
    public static String describe() {
        return postgresql() ? "PostgreSQL on 127.0.0.1:" + port() : "H2";
    }

    public static int port() {
        return Integer.getInteger("tessera.it.db.port", 15460);
    }

    /** The shared PostgreSQL server of this run, started on first use. */
    public static synchronized PostgreSqlServer server() {
        if (!postgresql()) {
            throw new IllegalStateException("not the PostgreSQL pass (-Dtessera.it.db=postgresql)");
        }
        if (server == null) {
            // under /tmp: the postgres system user must be able to reach it, wherever the checkout is
            PostgreSqlServer started = new PostgreSqlServer(Path.of(System.getProperty("java.io.tmpdir"),
                    "tessera-it-postgresql-" + port()), port());
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop PostgreSQL " + port()));
            server = started;
            System.out.println("ItDatabase: the system tests run on " + describe());
        }
        return server;
    }

    /**
     * Drops and creates the database {@code name} (lower case, [a-z0-9_]) owned by the PACS's user, and returns the
     * environment that makes {@code ./tessera serve} use it.
     */
    public static Map<String, String> freshDatabase(String name) {
        String db = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        PostgreSqlServer pg = server();
        pg.sql("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        pg.sql("CREATE DATABASE " + db + " OWNER " + PostgreSqlServer.USER);
        return Map.of("TESSERA_DB", "postgresql", "TESSERA_DB_HOST", "127.0.0.1",
                "TESSERA_DB_PORT", Integer.toString(port()), "TESSERA_DB_NAME", db,
                "TESSERA_DB_USER", PostgreSqlServer.USER, "TESSERA_DB_PASSWORD", PostgreSqlServer.PASSWORD);
    }

    /** One statement in the database {@code name}, as PostgreSqlServer#sql returns it. */
    public static String sql(String database, String statement) {
        return server().sql(database, statement);
    }
}
