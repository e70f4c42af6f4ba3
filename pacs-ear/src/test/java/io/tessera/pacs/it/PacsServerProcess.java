package io.tessera.pacs.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The PACS as an operator runs it — {@code ./tessera serve} with its own data directory — in a process the test can
 * stop, restart or kill -9. For what Arquillian's managed container cannot do: restarts and crashes.
 */
public final class PacsServerProcess implements AutoCloseable {
    private final Path dataDir;
    private final int portOffset;
    private final int dicomPort;
    private final Map<String, String> environment;
    /** On the PostgreSQL pass: this server's own database in the shared PostgreSQL, made at its first start. */
    private Map<String, String> database;
    private Process process;

    public PacsServerProcess(Path dataDir, int portOffset, int dicomPort) {
        this(dataDir, portOffset, dicomPort, Map.of());
    }

    /**
     * {@code environment}: more variables for ./tessera serve, e.g. TESSERA_DB=postgresql and its settings. Without
     * TESSERA_DB the index is on the run's database ({@link ItDatabase}): H2 in the data directory, or on the
     * PostgreSQL pass a fresh database named after the data directory in the shared PostgreSQL.
     */
    public PacsServerProcess(Path dataDir, int portOffset, int dicomPort, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.portOffset = portOffset;
        this.dicomPort = dicomPort;
        this.environment = Map.copyOf(environment);
    }

    public String consoleUrl() {
        return "http://127.0.0.1:" + (8080 + portOffset) + "/pacs/";
    }

    public int dicomPort() {
        return dicomPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Starts the server and waits until the EAR is deployed (the scanner's .deployed marker), or fails. */
    public void start() {
        Path root = TestEnvironment.wildflyHome().getParent().getParent().getParent();
        Path deployments = dataDir.resolve("wildfly/deployments");
        try {
            Files.deleteIfExists(deployments.resolve("pacs-ear.ear.deployed"));
            Files.deleteIfExists(deployments.resolve("pacs-ear.ear.failed"));
            List<String> command = new ArrayList<>(List.of(root.resolve("tessera").toString(), "serve",
                    "-Djboss.socket.binding.port-offset=" + portOffset,
                    "-Dtessera.admin.password=" + TestEnvironment.adminPassword()));
            command.addAll(serverArguments);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(Files.createDirectories(dataDir)
                            .resolve("console.out").toFile()));
            pb.environment().put("TESSERA_DATA", dataDir.toString());
            pb.environment().put("TESSERA_DICOM_PORT", Integer.toString(dicomPort));
            pb.environment().putAll(environment);
            if (!environment.containsKey("TESSERA_DB") && ItDatabase.postgresql()) {
                if (database == null) {
                    database = ItDatabase.freshDatabase(dataDir.getFileName().toString());
                }
                pb.environment().putAll(database);
            }
            System.out.printf("PacsServerProcess: %s, port offset %d, DICOM %d, index on %s%n", dataDir.getFileName(),
                    portOffset, dicomPort, indexDescription(pb.environment()));
            process = pb.start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
            while (Instant.now().isBefore(deadline)) {
                if (Files.exists(deployments.resolve("pacs-ear.ear.deployed"))) {
                    awaitDicomListener(deadline);
                    return;
                }
                if (Files.exists(deployments.resolve("pacs-ear.ear.failed")) || !process.isAlive()) {
                    throw new IllegalStateException("The PACS did not deploy; see " + dataDir.resolve("console.out"));
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("The PACS did not deploy within 180 s; see " + dataDir.resolve("console.out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The deployment marker comes before the DICOM listener opens: the resource adapter binds it when WildFly resumes
     * the server, a few hundred milliseconds later (a storescu right after {@link #start()} was refused a connection).
     */
    private void awaitDicomListener(Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress("127.0.0.1", dicomPort), 1000);
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The PACS stopped; see " + dataDir.resolve("console.out"));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Nothing listens on the DICOM port " + dicomPort + "; see " + dataDir.resolve("console.out"));
    }

    /** An orderly shutdown, as Ctrl-C does it. */
    public void stop() {
        end(false);
    }

    /** kill -9 of the server JVM: nothing gets to clean up. */
    public void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        for (ProcessHandle p : all) {
            if (forcibly) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
        }
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private final List<String> serverArguments = new ArrayList<>();

    /** More options for ./tessera serve (standalone.sh), e.g. -Dtessera.test.clock=true; give them before start(). */
    public PacsServerProcess withServerArguments(String... arguments) {
        serverArguments.addAll(List.of(arguments));
        return this;
    }

    /** The database the server at hand uses: "H2" or "PostgreSQL 127.0.0.1:port/name". */
    private static String indexDescription(Map<String, String> env) {
        return "postgresql".equals(env.get("TESSERA_DB")) ? "PostgreSQL " + env.getOrDefault("TESSERA_DB_HOST", "localhost")
                + ":" + env.getOrDefault("TESSERA_DB_PORT", "5432") + "/" + env.getOrDefault("TESSERA_DB_NAME", "tessera") : "H2";
    }

    /** The PostgreSQL database this server got on the PostgreSQL pass (null on H2 or when the test chose its own). */
    public String postgresqlDatabase() {
        return database == null ? null : database.get("TESSERA_DB_NAME");
    }
}
