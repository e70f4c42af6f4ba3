package io.tessera.dicom.net;

import static io.tessera.dicom.net.NetTestSupport.KNOWN_AE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.io.DicomOutputStream;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.NetTestSupport.Run;
import io.tessera.dicom.net.dimse.Commands;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.net.pdu.PduWriter;
import io.tessera.dicom.testkit.PduFuzzer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input harms only its own connection: 10,000 mutated PDUs (bit flips, truncations, wrong lengths, unknown types,
 * garbage, HTTP) each on its own connection, a stalled half-sent A-ASSOCIATE-RQ, an oversized P-DATA-TF. Meanwhile
 * echoscu gets its C-ECHO answered within a second, and afterwards threads and file descriptors are back where
 * they started.
 */
class FuzzTest {

    static final int CASES = 10_000;
    static final int ARTIM_MS = 2000;
    static final int MAX_PDU = 16384;

    ThreadPoolExecutor executor;
    DicomListener listener;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(NetTestSupport.dcmtk("echoscu"), "dcmtk echoscu not installed");
        executor = NetTestSupport.executor("fuzz-test");
        AssociationSettings settings = new AssociationSettings().artimTimeoutMillis(ARTIM_MS).maxPduReceive(MAX_PDU)
                .idleTimeoutMillis(10_000);
        listener = new DicomListener(settings, NetTestSupport.acceptor(null, executor, Set.of(KNOWN_AE)), executor)
                .bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0).maxAssociations(50)
                .maxPendingConnections(64);
        listener.start();
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    // ---- building blocks: the mutations are the test kit's PduFuzzer, shared with the system tests ----

    static byte[] validRq(String callingAe) {
        return PduFuzzer.validRq(callingAe, "TESSERA");
    }

    static byte[] echoCommand() {
        return PduFuzzer.echoCommand();
    }

    /** A P-DATA-TF with one PDV. */
    static byte[] pdata(int pcid, int control, byte[] data, int declaredPduLength) {
        return PduFuzzer.pdata(pcid, control, data, declaredPduLength);
    }

    static byte[] concat(byte[] a, byte[] b) {
        return PduFuzzer.concat(a, b);
    }

    /** What the server sent back before it closed, or throws when it did not close within the limit. */
    byte[] exchange(byte[] payload, boolean halfClose, int readTimeoutMs) throws IOException {
        return PduFuzzer.exchange(new InetSocketAddress("127.0.0.1", listener.port()), payload, halfClose, readTimeoutMs);
    }

    static int[] lastAbort(byte[] r) {
        return PduFuzzer.lastAbort(r);
    }

    static String hex(byte[] b, int max) {
        return PduFuzzer.hex(b, max);
    }

    static long openFds() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    long echoMillis() throws Exception {
        long t0 = System.nanoTime();
        Run r = NetTestSupport.run(10, "echoscu", "-aet", KNOWN_AE, "127.0.0.1", String.valueOf(listener.port()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, r.exit(), r.output());
        return ms;
    }

    // ---- tests ----

    @Test
    void tenThousandMutatedPdusHarmOnlyTheirOwnConnection() throws Exception {
        echoMillis(); // warm-up: the JVM's process reaper thread, class loading
        Thread.sleep(700); // let pool threads of the warm-up idle out
        int baseThreads = threads();
        long baseFds = openFds();

        // a stalled, half-sent A-ASSOCIATE-RQ stays open while everything else goes on
        byte[] rq = validRq(KNOWN_AE);
        Socket stalled = new Socket("127.0.0.1", listener.port());
        stalled.getOutputStream().write(rq, 0, 40);
        long stalledSince = System.nanoTime();

        long echoDuringStall = echoMillis();
        assertTrue(echoDuringStall < 1000, "C-ECHO took " + echoDuringStall + " ms while a connection stalled");

        PduFuzzer fuzzer = new PduFuzzer(KNOWN_AE, "TESSERA", MAX_PDU);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicLong echoDuringFuzz = new AtomicLong(-1);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                final int worker = w;
                futures.add(clients.submit(() -> {
                    Random rnd = new Random(4711 + worker);
                    for (int i = worker; i < CASES; i += 8) {
                        byte[] payload = fuzzer.mutate(i, rnd);
                        byte[] response = exchange(payload, true, 5000);
                        int[] abort = lastAbort(response);
                        outcomes.computeIfAbsent(PduFuzzer.outcome(response), k -> new AtomicInteger()).incrementAndGet();
                        int kind = i % PduFuzzer.KINDS;
                        if (kind == PduFuzzer.UNKNOWN_TYPE || kind == PduFuzzer.HTTP) {
                            // unknown PDU type (HTTP's 'G'/'P' too): A-ABORT, service-provider, unrecognized-PDU
                            assertArrayEquals(new int[] {2, 1}, abort, "for " + hex(payload, 32));
                        }
                        if (worker == 0 && i == CASES / 2) {
                            try {
                                echoDuringFuzz.set(echoMillis());
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        int total = outcomes.values().stream().mapToInt(AtomicInteger::get).sum();
        assertEquals(CASES, total);
        assertTrue(echoDuringFuzz.get() >= 0 && echoDuringFuzz.get() < 1000,
                "C-ECHO during the fuzz took " + echoDuringFuzz.get() + " ms");
        System.out.println("fuzz outcomes: " + new java.util.TreeMap<>(outcomes));
        assertTrue(outcomes.get("A-ABORT source 2 reason 1").get() >= CASES / 10 * 2, outcomes.toString());
        assertTrue(outcomes.containsKey("A-ABORT source 2 reason 6"), outcomes.toString());
        assertTrue(outcomes.containsKey("A-ABORT source 2 reason 2"), outcomes.toString());

        // the stalled connection is closed by the ARTIM timer, not before
        stalled.setSoTimeout(ARTIM_MS + 3000);
        assertEquals(-1, stalled.getInputStream().read(), "stalled connection should be closed without a reply");
        long stalledMs = (System.nanoTime() - stalledSince) / 1_000_000;
        assertTrue(stalledMs >= ARTIM_MS - 100, "closed after " + stalledMs + " ms, before ARTIM");
        stalled.close();

        // and everything returns to its baseline
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline
                && (listener.openConnections() > 0 || executor.getPoolSize() > 2 || threads() > baseThreads)) {
            Thread.sleep(100);
        }
        assertEquals(0, listener.openConnections());
        assertEquals(0, listener.establishedAssociations());
        assertEquals(2, executor.getPoolSize(), "only the accept loop and the idle watchdog should hold a thread");
        assertTrue(threads() <= baseThreads, "threads " + threads() + " > baseline " + baseThreads);
        assertTrue(openFds() <= baseFds + 1, "file descriptors " + openFds() + " > baseline " + baseFds);
        assertTrue(echoMillis() < 1000);
    }

    @Test
    void oversizedPDataAbortsOnlyThatAssociation() throws Exception {
        byte[] rq = validRq(KNOWN_AE);
        byte[] big = pdata(1, 0x03, new byte[MAX_PDU], MAX_PDU + 6);
        byte[] response = exchange(concat(rq, big), false, ARTIM_MS + 3000);
        assertEquals(0x02, response[0], "A-ASSOCIATE-AC first");
        assertArrayEquals(new int[] {2, 6}, lastAbort(response), "A-ABORT, service-provider, invalid-PDU-parameter-value");
        // one PDU of exactly our maximum is fine: the C-ECHO inside is answered
        byte[] cmd = echoCommand();
        byte[] ok = exchangeEcho(rq, cmd);
        assertEquals(0x04, ok[0], "C-ECHO-RSP in a P-DATA-TF");
        assertTrue(echoMillis() < 1000);
    }

    @Test
    void commandInsideADataSetAbortsWithUnexpectedPduParameter() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DicomOutputStream dos = new DicomOutputStream(b, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        dos.writeCommand(Commands.cStoreRq(1, UID.CTImageStorage, "2.25.9", 0, null, -1));
        dos.flush();
        byte[] store = b.toByteArray();
        byte[] echo = echoCommand();
        byte[] payload = concat(concat(validRq(KNOWN_AE), pdata(3, 0x03, store, store.length + 6)),
                concat(pdata(3, 0x00, new byte[100], 106), pdata(1, 0x03, echo, echo.length + 6)));
        byte[] r = exchange(payload, false, ARTIM_MS + 3000);
        assertEquals(0x02, r[0], "A-ASSOCIATE-AC first");
        assertArrayEquals(new int[] {2, 5}, lastAbort(r), "A-ABORT, service-provider, unexpected-PDU-parameter");
    }

    @Test
    void silentAssociationIsAbortedAfterTheIdleTimeout() throws Exception {
        ThreadPoolExecutor ex = NetTestSupport.executor("idle-test");
        DicomListener idle = new DicomListener(new AssociationSettings().idleTimeoutMillis(400),
                NetTestSupport.acceptor(null, ex, Set.of(KNOWN_AE)), ex)
                .bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0);
        idle.start();
        try (Socket s = new Socket("127.0.0.1", idle.port())) {
            s.setSoTimeout(5000);
            long t0 = System.nanoTime();
            s.getOutputStream().write(validRq(KNOWN_AE));
            byte[] r = s.getInputStream().readAllBytes();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(0x02, r[0], "A-ASSOCIATE-AC first");
            assertArrayEquals(new int[] {2, 0}, lastAbort(r), "then A-ABORT when idle");
            assertTrue(ms >= 400 && ms < 2500, "aborted after " + ms + " ms");
        } finally {
            idle.close();
            ex.shutdownNow();
        }
    }

    @Test
    void peerThatStopsReadingIsAbortedAfterTheDimseTimeout() throws Exception {
        String qr = UID.FINDStudyRootQueryRetrieveInformationModel;
        ThreadPoolExecutor ex = NetTestSupport.executor("stuck-test");
        AtomicInteger sent = new AtomicInteger();
        java.util.concurrent.CompletableFuture<Throwable> handlerEnd = new java.util.concurrent.CompletableFuture<>();
        io.tessera.dicom.net.dimse.DimseRequestHandler flood = (rq, rsp) -> {
            Attributes big = new Attributes();
            big.setString(io.tessera.dicom.data.Tag.PatientName, io.tessera.dicom.data.VR.PN, "Flood^Test");
            big.setBytes(0x00091010, io.tessera.dicom.data.VR.OB, new byte[60000]);
            try {
                while (true) {
                    rsp.pending(big);
                    sent.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                handlerEnd.complete(e);
                throw e;
            }
        };
        PresentationContextPolicy policy = new PresentationContextPolicy().accept(qr, UID.ImplicitVRLittleEndian);
        DicomListener l = new DicomListener(new AssociationSettings().dimseTimeoutMillis(500).socketBufferSize(16384),
                new io.tessera.dicom.net.dimse.PolicyAcceptor(policy, flood, ex, null), ex)
                .bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0);
        l.start();
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(8192);
            s.connect(new InetSocketAddress("127.0.0.1", l.port()));
            AAssociateRq rq = new AAssociateRq();
            rq.callingAeTitle(KNOWN_AE);
            rq.addPresentationContext(qr, UID.ImplicitVRLittleEndian);
            ByteArrayOutputStream cmd = new ByteArrayOutputStream();
            DicomOutputStream dos = new DicomOutputStream(cmd, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
            dos.writeCommand(Commands.cFindRq(1, qr, 0));
            dos.flush();
            Attributes keys = new Attributes();
            keys.setString(io.tessera.dicom.data.Tag.QueryRetrieveLevel, io.tessera.dicom.data.VR.CS, "STUDY");
            ByteArrayOutputStream ds = new ByteArrayOutputStream();
            DicomOutputStream dds = new DicomOutputStream(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
            dds.writeDataset(keys);
            dds.flush();
            byte[] c = cmd.toByteArray();
            byte[] d = ds.toByteArray();
            s.getOutputStream().write(concat(concat(PduWriter.encode(rq), pdata(1, 0x03, c, c.length + 6)),
                    pdata(1, 0x02, d, d.length + 6)));
            // and now never read: the server's writes block once the socket buffers are full
            Throwable end = handlerEnd.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(end instanceof IOException, String.valueOf(end));
            long deadline = System.currentTimeMillis() + 3000;
            while (l.openConnections() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, l.openConnections(), "the stuck association was closed");
        } finally {
            l.close();
            ex.shutdownNow();
        }
    }

    /** Associates, sends a C-ECHO-RQ, reads the C-ECHO-RSP P-DATA-TF. */
    byte[] exchangeEcho(byte[] rq, byte[] cmd) throws IOException {
        try (Socket s = new Socket("127.0.0.1", listener.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(concat(rq, pdata(1, 0x03, cmd, cmd.length + 6)));
            InputStream in = s.getInputStream();
            byte[] h = in.readNBytes(6);
            in.readNBytes(((h[2] & 0xff) << 24) | ((h[3] & 0xff) << 16) | ((h[4] & 0xff) << 8) | (h[5] & 0xff));
            return in.readNBytes(6);
        }
    }
}
