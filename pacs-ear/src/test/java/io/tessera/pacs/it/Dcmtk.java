package io.tessera.pacs.it;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.io.DicomInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * dcmtk's command-line tools as the third-party peer. Every tool runs with TCP_NODELAY=1: dcmtk 3.6.7 keeps Nagle's
 * algorithm on otherwise, which costs about 40 ms per round trip.
 */
public final class Dcmtk {

    /** What a tool printed (stdout and stderr together) and its exit code. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private Dcmtk() {
    }

    public static Result run(String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("TCP_NODELAY", "1");
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A long-running peer (storescp, Orthanc …) with its output in {@code log}. */
    public static Process start(Path log, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("TCP_NODELAY", "1");
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small CT image made with dump2dcm, with the given SOP Instance UID. */
    public static Path ctImage(Path dir, String sopInstanceUid) {
        try {
            Files.createDirectories(dir);
            Path dump = dir.resolve(sopInstanceUid + ".dump");
            Path file = dir.resolve(sopInstanceUid + ".dcm");
            List<String> lines = new ArrayList<>(Arrays.asList(
                    "(0008,0016) UI =CTImageStorage",
                    "(0008,0018) UI [" + sopInstanceUid + "]",
                    "(0008,0060) CS [CT]",
                    "(0010,0010) PN [Test^Patient]",
                    "(0010,0020) LO [PID-1]",
                    "(0020,000d) UI [1.2.826.0.1.3680043.10.1.1]",
                    "(0020,000e) UI [1.2.826.0.1.3680043.10.1.2]",
                    "(0028,0002) US 1", "(0028,0004) CS [MONOCHROME2]", "(0028,0010) US 4", "(0028,0011) US 4",
                    "(0028,0100) US 16", "(0028,0101) US 12", "(0028,0102) US 11", "(0028,0103) US 0",
                    "(7fe0,0010) OW 0001\\0002\\0003\\0004\\0005\\0006\\0007\\0008\\0009\\000a\\000b\\000c\\000d\\000e\\000f\\0010"));
            Files.write(dump, lines);
            Result r = run("dump2dcm", "+te", "-g", dump.toString(), file.toString());
            if (!r.ok()) {
                throw new IllegalStateException("dump2dcm failed: " + r.output());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until something accepts TCP connections on the port. */
    public static void awaitPort(int port, Process process) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The peer exited before listening on " + port);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("Nothing listens on port " + port + " after 30 s");
    }

    /**
     * dcmtk's storescp as a C-STORE destination: Part 10 files with their data sets as received ({@code +B}) and a
     * unique name per file ({@code +uf}), so an image delivered twice shows as two files. Stopped and started again
     * on the same port and directory (a destination that is down, then back).
     */
    public static final class Storescp {
        public final String title;
        public final int port = freePort();
        public final Path dir;
        private final Path log;
        private Process process;

        /** Receives into {@code <workDir>/dest-<title>}, logs to {@code <workDir>/<title>.log}. */
        public Storescp(String title, Path workDir) {
            this.title = title;
            this.dir = workDir.resolve("dest-" + title);
            this.log = workDir.resolve(title + ".log");
        }

        public Storescp start() {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            process = Dcmtk.start(log, "storescp", "-aet", title, "+B", "+uf", "-od", dir.toString(), Integer.toString(port));
            awaitPort(port, process);
            return this;
        }

        public void stop() throws InterruptedException {
            if (process != null) {
                process.destroy();
                process.waitFor();
                process = null;
            }
        }

        /** SOP Instance UID → the files received with it (more than one: delivered twice). */
        public Map<String, List<Path>> filesByUid() {
            Map<String, List<Path>> byUid = new TreeMap<>();
            if (!Files.isDirectory(dir)) {
                return byUid;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String uid = mediaStorageSopInstanceUid(f);
                    if (uid != null) {
                        byUid.computeIfAbsent(uid, k -> new ArrayList<>()).add(f);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return byUid;
        }

        /** The SOP Instance UIDs of the files received, one entry per file, sorted. */
        public List<String> receivedUids() {
            List<String> uids = new ArrayList<>();
            filesByUid().forEach((uid, files) -> files.forEach(f -> uids.add(uid)));
            return uids;
        }
    }

    /** The Media Storage SOP Instance UID of a Part 10 file; null when it is not one (yet: storescp still writes it). */
    public static String mediaStorageSopInstanceUid(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            Attributes fmi = new DicomInputStream(in).readFileMetaInformation();
            return fmi == null ? null : fmi.getString(Tag.MediaStorageSOPInstanceUID);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
