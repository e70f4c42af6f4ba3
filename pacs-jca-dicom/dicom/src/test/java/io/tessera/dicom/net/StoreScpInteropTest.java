package io.tessera.dicom.net;

import static io.tessera.dicom.net.NetTestSupport.KNOWN_AE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.io.DicomInputStream;
import io.tessera.dicom.net.NetTestSupport.Run;
import io.tessera.dicom.net.dimse.Dimse;
import io.tessera.dicom.net.dimse.DimseServiceRegistry;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.testkit.Corpus;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dcmtk's storescu sends corpus files to our acceptor; a handler streams each data set to disk. What arrives must
 * be byte for byte the data set of the file sent, and a class our policy does not accept is rejected on its own
 * presentation context while the association carries on.
 */
class StoreScpInteropTest {

    static ThreadPoolExecutor executor;
    static DicomListener listener;
    /** In arrival order: corpus files converted from one another share their SOP Instance UID. */
    static final List<Received> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();

    record Received(String sopInstanceUid, String transferSyntax, Path file) {
    }
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(NetTestSupport.dcmtk("storescu") && Corpus.toolsAvailable(), "dcmtk not installed");
        executor = NetTestSupport.executor("store-test");
        DimseServiceRegistry services = new DimseServiceRegistry().addForCommand(Dimse.C_STORE_RQ, (rq, rsp) -> {
            Path f = dir.resolve(counter.incrementAndGet() + ".bin");
            try (OutputStream out = Files.newOutputStream(f)) {
                rq.data().transferTo(out);
            }
            received.add(new Received(rq.sopInstanceUid(), rq.transferSyntax(), f));
            rsp.respond(Status.SUCCESS);
        });
        listener = NetTestSupport.listener(new AssociationSettings(),
                NetTestSupport.acceptor(services, executor, Set.of(KNOWN_AE)), executor);
    }

    @AfterAll
    static void stop() {
        if (listener != null) {
            listener.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** The data set of a Part 10 file: the bytes after its meta header, and the SOP instance UID. */
    static Map.Entry<String, byte[]> dataSetOf(Path file) throws Exception {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            DicomInputStream dis = new DicomInputStream(in);
            Attributes fmi = dis.readFileMetaInformation();
            long offset = dis.position();
            byte[] all = Files.readAllBytes(file);
            byte[] ds = java.util.Arrays.copyOfRange(all, (int) offset, all.length);
            return Map.entry(fmi.getString(io.tessera.dicom.data.Tag.MediaStorageSOPInstanceUID), ds);
        }
    }

    /** storescu's option that proposes a file's own transfer syntax first, so that it sends the data set as is. */
    static final Map<String, String> PROPOSE = Map.of(
            "1.2.840.10008.1.2", "-xi",
            "1.2.840.10008.1.2.1", "-xe",
            "1.2.840.10008.1.2.2", "-xb",
            "1.2.840.10008.1.2.1.99", "-xd",
            "1.2.840.10008.1.2.4.50", "-xy",
            "1.2.840.10008.1.2.4.51", "-xx",
            "1.2.840.10008.1.2.4.70", "-xs",
            "1.2.840.10008.1.2.5", "-xr");

    /**
     * Each group of files (one transfer syntax) goes from storescu to our acceptor and, as the reference, to dcmtk's
     * storescp in bit-preserving mode (+B): storescu rewrites some data sets when it sends them (drops group lengths,
     * changes sequence lengths), so "what was sent" is what storescp received. Every data set must arrive byte for
     * byte as storescp got it, in the file's own transfer syntax.
     */
    @Test
    void storescuDataSetsArriveByteForByte(@TempDir Path scpDir) throws Exception {
        assumeTrue(NetTestSupport.dcmtk("storescp"));
        Map<String, List<Corpus.Entry>> byTs = new java.util.TreeMap<>();
        Corpus.Entry mr = null;
        for (Corpus.Entry e : Corpus.get()) {
            if (e.sopClass().equals(NetTestSupport.NOT_ACCEPTED)) {
                mr = mr == null ? e : mr;
            } else if (PROPOSE.containsKey(e.transferSyntax())) {
                byTs.computeIfAbsent(e.transferSyntax(), k -> new ArrayList<>()).add(e);
            }
        }
        int refPort = NetTestSupport.freePort();
        // +xa: accept every transfer syntax; +B: store data sets as received; +uf: one file per C-STORE
        Process scp = NetTestSupport.start("storescp", "+xa", "+B", "+uf", "-od", scpDir.toString(), String.valueOf(refPort));
        int compared = 0;
        int identicalToFile = 0;
        try {
            boolean first = true;
            for (Map.Entry<String, List<Corpus.Entry>> group : byTs.entrySet()) {
                received.clear();
                List<String> files = group.getValue().stream().map(e -> e.file().toString()).toList();
                List<String> cmd = new ArrayList<>(List.of("storescu", "-v", "-nh", "-R", PROPOSE.get(group.getKey()),
                        "-aet", KNOWN_AE, "-aec", "TESSERA", "127.0.0.1", String.valueOf(listener.port())));
                if (first) {
                    cmd.add(mr.file().toString()); // the class our policy does not accept comes first
                }
                cmd.addAll(files);
                Run r = NetTestSupport.run(60, cmd.toArray(new String[0]));
                if (first) {
                    // that context was rejected on its own; the association went on and was released normally
                    assertTrue(r.output().contains("No presentation context for: (MR)"), r.output());
                    first = false;
                }
                assertEquals(0, r.exit(), r.output());
                assertTrue(r.output().contains("Releasing Association"), r.output());
                assertFalse(r.output().contains("Abort"), r.output());
                assertFalse(r.output().contains("Store Failed"), r.output());
                assertEquals(files.size(), received.size(), "one C-STORE per accepted file:\n" + r.output());

                List<String> refCmd = new ArrayList<>(List.of("storescu", "-nh", "-R", PROPOSE.get(group.getKey()),
                        "127.0.0.1", String.valueOf(refPort)));
                refCmd.addAll(files);
                Run ref = NetTestSupport.run(60, refCmd.toArray(new String[0]));
                assertEquals(0, ref.exit(), ref.output());
                List<Path> refs;
                try (var list = Files.list(scpDir)) {
                    // +uf names end in a counter: arrival order
                    refs = list.sorted(java.util.Comparator.comparingLong(
                            f -> Long.parseLong(f.getFileName().toString().replaceAll(".*\\.", "")))).toList();
                }
                assertEquals(files.size(), refs.size());
                for (int i = 0; i < files.size(); i++) {
                    Corpus.Entry e = group.getValue().get(i);
                    Received got = received.get(i);
                    Map.Entry<String, byte[]> sent = dataSetOf(refs.get(i));
                    assertEquals(dataSetOf(e.file()).getKey(), got.sopInstanceUid(), e.toString());
                    assertEquals(e.transferSyntax(), got.transferSyntax(), e.toString());
                    byte[] ours = Files.readAllBytes(got.file());
                    assertArrayEquals(sent.getValue(), ours, e + " arrived other than dcmtk's storescp received it");
                    if (java.util.Arrays.equals(dataSetOf(e.file()).getValue(), ours)) {
                        identicalToFile++;
                    }
                    compared++;
                    Files.delete(refs.get(i));
                }
            }
        } finally {
            scp.destroy();
            scp.waitFor();
        }
        assertTrue(compared >= 50, "corpus too small: " + compared);
        // storescu sends most files exactly as stored; only re-encodings it chooses differ
        assertTrue(identicalToFile >= compared - 5, identicalToFile + " of " + compared + " identical to the file");
    }
}
