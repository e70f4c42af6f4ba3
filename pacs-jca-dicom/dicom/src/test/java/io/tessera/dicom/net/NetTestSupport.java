package io.tessera.dicom.net;

import io.tessera.dicom.data.UID;
import io.tessera.dicom.net.dimse.DimseRequestHandler;
import io.tessera.dicom.net.dimse.PolicyAcceptor;
import io.tessera.dicom.net.pdu.AAssociateRj;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Listener set-up, the test admission policy, and dcmtk process helpers shared by the net tests. */
final class NetTestSupport {
    private NetTestSupport() {
    }

    static final String KNOWN_AE = "KNOWN_SCU";
    static final String OUR_AE = "TESSERA";

    static final String[] UNCOMPRESSED = {UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian,
            UID.ExplicitVRBigEndian, UID.DeflatedExplicitVRLittleEndian};
    static final String[] STORAGE_TS = {UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian, UID.ExplicitVRBigEndian,
            UID.DeflatedExplicitVRLittleEndian, UID.JPEGBaseline8Bit, UID.JPEGExtended12Bit, UID.JPEGLossless,
            UID.JPEGLosslessSV1, UID.RLELossless};

    /** A class the test policy deliberately does not accept (the "no issue serves it yet" case). */
    static final String NOT_ACCEPTED = "1.2.840.10008.5.1.4.1.1.4"; // MR Image Storage

    /** An executor whose idle threads die after 500 ms, so thread counts return to their baseline. */
    static ThreadPoolExecutor executor(String name) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor ex = new ThreadPoolExecutor(0, 512, 500, TimeUnit.MILLISECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        return ex;
    }

    /** Verification with Implicit and Explicit VR LE; every storage class but MR with {@link #STORAGE_TS}. */
    static PresentationContextPolicy policy() {
        PresentationContextPolicy p = new PresentationContextPolicy();
        p.accept(UID.VerificationSOPClass, UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian);
        for (String cuid : storageClasses()) {
            if (!cuid.equals(NOT_ACCEPTED)) {
                p.accept(cuid, STORAGE_TS);
                p.role(cuid, true, true);
            }
        }
        return p;
    }

    static java.util.Set<String> storageClasses() {
        return DefaultAcceptancePolicy.storageClasses();
    }

    /** 001 §2.2: the calling AE must be known (case-insensitive); the called AE is not checked. */
    static PolicyAcceptor acceptor(DimseRequestHandler handler, ThreadPoolExecutor ex, Set<String> known) {
        return new PolicyAcceptor(policy(), handler, ex, (rq, remote) ->
                known.stream().anyMatch(k -> k.equalsIgnoreCase(rq.callingAeTitle())) ? null
                        : AAssociateRj.callingAeNotRecognized());
    }

    static DicomListener listener(AssociationSettings settings, AssociationAcceptor acceptor, ThreadPoolExecutor ex)
            throws IOException {
        DicomListener l = new DicomListener(settings, acceptor, ex).bindAddress(java.net.InetAddress.getLoopbackAddress())
                .port(0).maxAssociations(20);
        l.start();
        return l;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static boolean dcmtk(String... tools) {
        for (String tool : tools) {
            if (Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .noneMatch(d -> Files.isExecutable(Path.of(d, tool)))) {
                return false;
            }
        }
        return true;
    }

    record Run(int exit, String output) {
    }

    /** Runs a dcmtk tool with TCP_NODELAY=1 (dcmtk keeps Nagle's algorithm on otherwise) and collects its output. */
    static Run run(long timeoutSeconds, String... cmd) throws IOException, InterruptedException {
        Process p = start(cmd);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Like {@link #run} in working directory {@code dir}. */
    static Run runIn(Path dir, long timeoutSeconds, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().put("TCP_NODELAY", "1");
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    static Process start(String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true);
        pb.environment().put("TCP_NODELAY", "1");
        return pb.start();
    }

    /** Starts a dcmtk server with its output in {@code log} (a pipe nobody reads would block it). */
    static Process startLogged(Path log, String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("TCP_NODELAY", "1");
        return pb.start();
    }

    static List<String> args(Object... parts) {
        List<String> l = new ArrayList<>();
        for (Object o : parts) {
            l.add(String.valueOf(o));
        }
        return l;
    }
}
