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
    private Process process;

    public PacsServerProcess(Path dataDir, int portOffset, int dicomPort) {
        this(dataDir, portOffset, dicomPort, Map.of());
    }

    /** {@code environment}: more variables for ./tessera serve, e.g. TESSERA_DB=postgresql and its settings. */
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
            process = pb.start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
            while (Instant.now().isBefore(deadline)) {
                if (Files.exists(deployments.resolve("pacs-ear.ear.deployed"))) {
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
}
