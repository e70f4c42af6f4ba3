package io.tessera.pacs.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small file system of its own for the full-storage-area test: a tmpfs of the given size, or, where tmpfs cannot be
 * mounted, an ext4 image on a loop device. Both need root (CI runs as root); {@link #mount} says why when neither
 * works, and the test is then skipped with that reason.
 */
final class ReliabilityMount implements AutoCloseable {
    private final Path mountPoint;
    private final String kind;

    private ReliabilityMount(Path mountPoint, String kind) {
        this.mountPoint = mountPoint;
        this.kind = kind;
    }

    /** The outcome of an attempt: the mount, or why there is none. */
    record Attempt(ReliabilityMount mount, String failure) {
    }

    static Attempt mount(Path mountPoint, int megabytes) throws IOException {
        Files.createDirectories(mountPoint);
        List<String> failures = new ArrayList<>();
        // -Dreliability.mount=loop goes straight to the fallback, to test it where tmpfs works
        if (!"loop".equals(System.getProperty("reliability.mount"))) {
            String tmpfs = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0755", "tessera-full",
                    mountPoint.toString());
            if (tmpfs == null) {
                return new Attempt(new ReliabilityMount(mountPoint, "tmpfs of " + megabytes + " MiB"), null);
            }
            failures.add("mount -t tmpfs: " + tmpfs);
        }
        Path image = mountPoint.resolveSibling(mountPoint.getFileName() + ".img");
        String loop = run("truncate", "-s", megabytes + "M", image.toString());
        if (loop == null) {
            loop = run("mkfs.ext4", "-q", "-F", "-m", "0", image.toString());
        }
        if (loop == null) {
            loop = run("mount", "-o", "loop", image.toString(), mountPoint.toString());
        }
        if (loop == null) {
            return new Attempt(new ReliabilityMount(mountPoint, "ext4 loop mount of " + megabytes + " MiB"), null);
        }
        failures.add("loop mount: " + loop);
        return new Attempt(null, String.join("; ", failures));
    }

    /** Unmounts what a run that was killed before its clean-up left mounted at {@code mountPoint}; quiet otherwise. */
    static void unmountLeftover(Path mountPoint) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] fields = line.split(" ");
            if (fields.length > 1 && fields[1].equals(mountPoint.toString())) {
                new ReliabilityMount(mountPoint, "leftover").close();
            }
        }
    }

    Path path() {
        return mountPoint;
    }

    String kind() {
        return kind;
    }

    /** Bytes used on the file system, as df counts them (includes files deleted but still open). */
    long usedBytes() throws IOException {
        var store = Files.getFileStore(mountPoint);
        return store.getTotalSpace() - store.getUnallocatedSpace();
    }

    @Override
    public void close() {
        String failure = run("umount", mountPoint.toString());
        if (failure != null) {
            // something still holds it open (the server, if it leaked a descriptor): detach it anyway
            run("umount", "-l", mountPoint.toString());
        }
        try {
            Files.deleteIfExists(mountPoint.resolveSibling(mountPoint.getFileName() + ".img"));
        } catch (IOException e) {
            // the next run's clean-up of the data directory removes it
        }
    }

    /** Runs a command; null when it succeeded, else what it printed. */
    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "did not finish in 60 s";
            }
            return p.exitValue() == 0 ? null : "exit " + p.exitValue() + (out.isEmpty() ? "" : ": " + out);
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
