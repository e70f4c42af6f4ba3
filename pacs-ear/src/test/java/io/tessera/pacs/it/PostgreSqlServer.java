package io.tessera.pacs.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of Debian's {@code postgresql} package, started by the test in its own directory on loopback,
 * with a database and a password-authenticated user for the PACS. Runs as the {@code postgres} system user when the
 * test runs as root (PostgreSQL refuses root), as the current user otherwise.
 */
public final class PostgreSqlServer implements AutoCloseable {
    public static final String DATABASE = "tessera";
    public static final String USER = "tessera";
    public static final String PASSWORD = "Tessera-IT-db-1";

    private final Path directory;
    private final int port;
    private final Path bin;
    private final boolean root;

    public PostgreSqlServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
        this.bin = findBin();
        this.root = "root".equals(System.getProperty("user.name"));
    }

    public int port() {
        return port;
    }

    /** initdb, start, then create the user and the database. */
    public void start() {
        try {
            stopQuietly();
            deleteTree(directory);
            Files.createDirectories(directory);
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", directory.toString()));
            }
            Path data = directory.resolve("data");
            asOwner(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-E", "UTF8",
                    "--auth-local=trust", "--auth-host=scram-sha-256");
            asOwner(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", directory.resolve("server.log").toString(),
                    "-w", "-t", "60", "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1", "start");
            sql("CREATE USER " + USER + " PASSWORD '" + PASSWORD + "'");
            sql("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server process, keeping its data (a database outage, for tests). */
    public void stopServer() {
        asOwner(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    }

    /** Starts the server again on the same data. */
    public void startServer() {
        asOwner(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-l",
                directory.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1", "start");
    }

    /** Runs one statement as the superuser over the local socket and returns psql's unaligned, tuples-only output. */
    public String sql(String statement) {
        return sql("postgres", statement);
    }

    public String sql(String database, String statement) {
        return asOwner(bin.resolve("psql").toString(), "-h", directory.toString(), "-p", Integer.toString(port),
                "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", statement);
    }

    @Override
    public void close() {
        stopQuietly();
    }

    private void stopQuietly() {
        Path data = directory.resolve("data");
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                asOwner(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }

    private String asOwner(String... command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(Arrays.asList(command));
        return run(full);
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
            return out.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest /usr/lib/postgresql/N/bin of the Debian package. */
    private static Path findBin() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL (Debian package postgresql) is not installed"));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL (Debian package postgresql) is not installed", e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
