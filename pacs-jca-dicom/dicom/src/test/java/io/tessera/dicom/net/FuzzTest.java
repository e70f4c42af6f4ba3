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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
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

    // ---- building blocks ----

    static byte[] validRq(String callingAe) {
        AAssociateRq rq = new AAssociateRq();
        rq.callingAeTitle(callingAe);
        rq.calledAeTitle("TESSERA");
        rq.addPresentationContext(UID.VerificationSOPClass, UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian);
        rq.addPresentationContext(UID.CTImageStorage, UID.ExplicitVRLittleEndian);
        rq.userInformation().maxLength(16384).implementationClassUid("1.2.3.4").implementationVersionName("FUZZ");
        return PduWriter.encode(rq);
    }

    static byte[] echoCommand() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DicomOutputStream dos = new DicomOutputStream(b, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        dos.writeCommand(Commands.cEchoRq(1, UID.VerificationSOPClass));
        dos.flush();
        return b.toByteArray();
    }

    /** A P-DATA-TF with one PDV. */
    static byte[] pdata(int pcid, int control, byte[] data, int declaredPduLength) {
        byte[] b = new byte[12 + data.length];
        b[0] = 0x04;
        putInt(b, 2, declaredPduLength);
        putInt(b, 6, data.length + 2);
        b[10] = (byte) pcid;
        b[11] = (byte) control;
        System.arraycopy(data, 0, b, 12, data.length);
        return b;
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** What the server sent back before it closed, or throws when it did not close within the limit. */
    byte[] exchange(byte[] payload, boolean halfClose, int readTimeoutMs) throws IOException {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.setSoLinger(true, 0); // no TIME_WAIT pile-up over 10,000 connections
            s.connect(new InetSocketAddress("127.0.0.1", listener.port()), 2000);
            s.setSoTimeout(readTimeoutMs);
            try {
                s.getOutputStream().write(payload);
                if (halfClose) {
                    s.shutdownOutput();
                }
            } catch (IOException e) {
                // the server may already have aborted and closed: fine, read what it said
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    got.write(buf, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("server kept the connection open " + readTimeoutMs + " ms after: "
                        + hex(payload, 64));
            } catch (IOException e) {
                // reset after the abort: what arrived before counts
            }
            return got.toByteArray();
        }
    }

    static String hex(byte[] b, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, max); i++) {
            sb.append(String.format("%02x", b[i]));
        }
        return sb + (b.length > max ? "…(" + b.length + " bytes)" : "");
    }

    /** The A-ABORT at the end of the response (after an A-ASSOCIATE-AC if there was one), or null. */
    static int[] lastAbort(byte[] r) {
        int pos = 0;
        int[] abort = null;
        while (pos + 6 <= r.length) {
            int type = r[pos] & 0xff;
            long len = ((r[pos + 2] & 0xffL) << 24) | ((r[pos + 3] & 0xff) << 16) | ((r[pos + 4] & 0xff) << 8)
                    | (r[pos + 5] & 0xff);
            if (type == 0x07 && pos + 10 <= r.length) {
                abort = new int[] {r[pos + 8] & 0xff, r[pos + 9] & 0xff};
            }
            pos += 6 + (int) len;
        }
        return abort;
    }

    /** One mutated PDU (or PDU sequence) per case number, reproducible from the seed. */
    static byte[] mutate(int i, Random rnd, byte[] rq, byte[] echo) {
        byte[] b;
        switch (i % 10) {
            case 0 -> { // bit flips in an A-ASSOCIATE-RQ
                b = rq.clone();
                for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> b = Arrays.copyOf(rq, 1 + rnd.nextInt(rq.length - 1)); // truncated
            case 2 -> { // PDU length wrong
                b = rq.clone();
                int[] lens = {0, 1, 67, rq.length - 7, rq.length - 5, 0x7fffffff, -1, rnd.nextInt()};
                putInt(b, 2, lens[rnd.nextInt(lens.length)]);
            }
            case 3 -> { // an item or sub-item length overwritten
                b = rq.clone();
                int at = 74 + rnd.nextInt(b.length - 76);
                b[at] = (byte) rnd.nextInt(256);
                b[at + 1] = (byte) rnd.nextInt(256);
            }
            case 4 -> { // unknown PDU type
                int type = rnd.nextBoolean() ? 0 : 8 + rnd.nextInt(248);
                b = new byte[6 + rnd.nextInt(64)];
                rnd.nextBytes(b);
                b[0] = (byte) type;
            }
            case 5 -> { // garbage
                b = new byte[1 + rnd.nextInt(3000)];
                rnd.nextBytes(b);
            }
            case 6 -> b = (rnd.nextBoolean() ? "GET / HTTP/1.1\r\nHost: pacs\r\n\r\n"
                    : "POST /dicom-web/studies HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello").getBytes(StandardCharsets.US_ASCII);
            case 7 -> { // association, then a broken P-DATA-TF
                byte[] p;
                switch (rnd.nextInt(7)) {
                    case 0 -> p = pdata(1, 0x03, echo, echo.length + 6 + rnd.nextInt(3) - 1); // PDU length off by one
                    case 1 -> p = pdata(2, 0x03, echo, echo.length + 6); // even context ID
                    case 2 -> p = pdata(7, 0x03, echo, echo.length + 6); // context never proposed
                    case 3 -> p = pdata(1, 0x00, echo, echo.length + 6); // data without a command
                    case 4 -> { // garbage command set
                        byte[] g = new byte[rnd.nextInt(200)];
                        rnd.nextBytes(g);
                        p = pdata(1, 0x03, g, g.length + 6);
                    }
                    case 5 -> p = pdata(1, 0x03, new byte[MAX_PDU], MAX_PDU + 6); // over our maximum length
                    default -> { // flips inside a valid C-ECHO command
                        p = pdata(1, 0x03, echo, echo.length + 6);
                        p[12 + rnd.nextInt(echo.length)] ^= (byte) (1 << rnd.nextInt(8));
                    }
                }
                b = concat(rq, p);
            }
            case 8 -> { // a PDU that is not allowed first, or with a wrong fixed length
                int type = 3 + rnd.nextInt(5);
                int len = rnd.nextBoolean() ? 4 : rnd.nextInt(9);
                b = new byte[6 + len];
                b[0] = (byte) type;
                putInt(b, 2, len);
            }
            default -> { // A-ASSOCIATE-RQ with a random run of bytes overwritten
                b = rq.clone();
                int at = rnd.nextInt(b.length);
                int n = Math.min(b.length - at, 1 + rnd.nextInt(16));
                byte[] junk = new byte[n];
                rnd.nextBytes(junk);
                System.arraycopy(junk, 0, b, at, n);
            }
        }
        return b;
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

        byte[] echo = echoCommand();
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
                        byte[] payload = mutate(i, rnd, rq, echo);
                        byte[] response = exchange(payload, true, 5000);
                        int[] abort = lastAbort(response);
                        String outcome = response.length == 0 ? "closed"
                                : abort != null ? "A-ABORT source " + abort[0] + " reason " + abort[1]
                                : String.format("PDU %02XH", response[0]);
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                        int kind = i % 10;
                        if (kind == 4 || kind == 6) {
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
