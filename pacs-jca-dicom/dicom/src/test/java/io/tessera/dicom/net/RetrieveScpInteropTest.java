package io.tessera.dicom.net;

import static io.tessera.dicom.net.NetTestSupport.KNOWN_AE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.io.DicomInputStream;
import io.tessera.dicom.net.NetTestSupport.Run;
import io.tessera.dicom.net.dimse.Commands;
import io.tessera.dicom.net.dimse.DimseRequestHandler;
import io.tessera.dicom.net.dimse.DimseResponse;
import io.tessera.dicom.net.dimse.DimseServiceRegistry;
import io.tessera.dicom.net.dimse.PolicyAcceptor;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.testkit.Corpus;
import io.tessera.dicom.testkit.Dcmdump;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retrieve SCP side of our library driven by dcmtk: getscu receives the C-STORE sub-operations our C-GET
 * handler sends on the same association (SCP role negotiated), movescu receives those our C-MOVE handler sends on
 * a new association to the move destination, with the Move Originator set; pending responses count sub-operations.
 */
class RetrieveScpInteropTest {

    static final String GET = UID.GETStudyRootQueryRetrieveInformationModel;
    static final String MOVE = UID.MOVEStudyRootQueryRetrieveInformationModel;

    static ThreadPoolExecutor executor;
    static DicomListener listener;
    static int movePort;
    /** Study Instance UID → files of that study. */
    static final Map<String, List<Path>> archive = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(NetTestSupport.dcmtk("getscu", "movescu") && Corpus.toolsAvailable(), "dcmtk not installed");
        for (Corpus.Entry e : Corpus.get()) {
            if (e.file().getFileName().toString().matches("(ct512|cr|us-rgb)\\.dcm")) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(e.file()))) {
                    Attributes ds = new DicomInputStream(in).readDatasetUntil(Tag.PixelData);
                    archive.computeIfAbsent(ds.getString(Tag.StudyInstanceUID), k -> new ArrayList<>()).add(e.file());
                }
            }
        }
        assertEquals(3, archive.size());
        executor = NetTestSupport.executor("retrieve-test");
        movePort = NetTestSupport.freePort();

        DimseRequestHandler get = (rq, rsp) -> {
            List<Path> files = archive.getOrDefault(rq.readDataSet().getString(Tag.StudyInstanceUID), List.of());
            Scu sub = Scu.of(rq.association()); // PS3.4 §C.4.3.3: sub-operations on the C-GET's own association
            int done = 0;
            for (Path f : files) {
                DimseResponse r = sub.store(f);
                assertEquals(Status.SUCCESS, r.status(), r.toString());
                done++;
                if (done < files.size()) {
                    rsp.pending(Status.PENDING, Commands.subOperations(new Attributes(), files.size() - done, done, 0,
                            0), null);
                }
            }
            rsp.respond(Status.SUCCESS, Commands.subOperations(new Attributes(), -1, done, 0, 0), null);
        };
        DimseRequestHandler move = (rq, rsp) -> {
            List<Path> files = archive.getOrDefault(rq.readDataSet().getString(Tag.StudyInstanceUID), List.of());
            String destination = rq.command().getString(Tag.MoveDestination);
            if (!"MOVESCU".equals(destination)) {
                rsp.respond(Status.MOVE_DESTINATION_UNKNOWN);
                return;
            }
            AAssociateRq subRq = new AAssociateRq();
            subRq.callingAeTitle("TESSERA");
            subRq.calledAeTitle(destination);
            for (Path f : files) {
                subRq.addPresentationContext(UID.CTImageStorage, UID.ExplicitVRLittleEndian);
                subRq.addPresentationContext(UID.ComputedRadiographyImageStorage, UID.ExplicitVRLittleEndian);
                subRq.addPresentationContext(UID.UltrasoundImageStorage, UID.ExplicitVRLittleEndian);
                break;
            }
            int done = 0;
            try (Scu sub = Scu.open(new Connector(new AssociationSettings(), executor), "127.0.0.1", movePort, subRq)) {
                for (Path f : files) {
                    DimseResponse r = sub.store(f, rq.association().remoteAeTitle(), rq.messageId());
                    assertEquals(Status.SUCCESS, r.status(), r.toString());
                    done++;
                }
            }
            rsp.respond(Status.SUCCESS, Commands.subOperations(new Attributes(), -1, done, 0, 0), null);
        };
        PresentationContextPolicy policy = NetTestSupport.policy()
                .accept(GET, UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian)
                .accept(MOVE, UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian);
        listener = new DicomListener(new AssociationSettings(), new PolicyAcceptor(policy,
                new DimseServiceRegistry().add(get, GET).add(move, MOVE), executor, null), executor)
                .bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0);
        listener.start();
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

    static List<Path> listFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void getscuReceivesEachStudyOnItsOwnAssociation(@TempDir Path out) throws Exception {
        for (Map.Entry<String, List<Path>> study : archive.entrySet()) {
            Run r = NetTestSupport.run(30, "getscu", "-v", "-S", "-aet", KNOWN_AE, "-aec", "TESSERA", "-od", out.toString(),
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study.getKey(), "127.0.0.1",
                    String.valueOf(listener.port()));
            assertEquals(0, r.exit(), r.output());
            assertTrue(r.output().contains("Received C-GET Response (Success)"), r.output());
        }
        List<Path> got = listFiles(out);
        assertEquals(3, got.size(), got.toString());
        for (List<Path> files : archive.values()) {
            Path source = files.get(0);
            Path received = got.stream().filter(p -> p.getFileName().toString().endsWith(
                    sopInstanceOf(source))).findFirst().orElseThrow();
            // getscu re-encodes what it writes: compare element by element through dcmdump
            assertEquals(flat(Dcmdump.of(source).dataset()), flat(Dcmdump.of(received).dataset()), source.toString());
        }
    }

    @Test
    void movescuReceivesTheSubOperationsWithTheMoveOriginator(@TempDir Path out) throws Exception {
        StringBuilder log = new StringBuilder();
        for (Map.Entry<String, List<Path>> study : archive.entrySet()) {
            // movescu 3.6.7 ignores -od in bit-preserving mode (+B): run it in the output directory
            Run r = NetTestSupport.runIn(out, 30, "movescu", "-d", "-S", "-aet", KNOWN_AE, "-aec", "TESSERA", "-aem",
                    "MOVESCU", "+P", String.valueOf(movePort), "+B", "-od", out.toString(), "-k", "QueryRetrieveLevel=STUDY",
                    "-k", "StudyInstanceUID=" + study.getKey(), "127.0.0.1", String.valueOf(listener.port()));
            assertEquals(0, r.exit(), r.output());
            // in debug mode movescu prints the response as a DIMSE dump
            assertTrue(r.output().contains("Received Final Move Response"), r.output());
            assertTrue(r.output().matches("(?s).*DIMSE Status\\s*: 0x0000: Success.*"), r.output());
            // the C-STORE sub-operation names the C-MOVE it belongs to (PS3.7 §9.3.1.1)
            assertTrue(r.output().matches("(?s).*Move Originator AE Title\\s*: " + KNOWN_AE + ".*"), r.output());
            assertTrue(r.output().matches("(?s).*Move Originator ID\\s*: 1\\b.*"), r.output());
            log.append(r.output());
        }
        List<Path> got = listFiles(out);
        assertEquals(3, got.size(), got + "\n" + log);
        for (List<Path> files : archive.values()) {
            Path source = files.get(0);
            Path received = got.stream().filter(p -> p.getFileName().toString().endsWith(
                    sopInstanceOf(source))).findFirst().orElseThrow();
            assertArrayEquals(StoreScpInteropTest.dataSetOf(source).getValue(),
                    StoreScpInteropTest.dataSetOf(received).getValue(), "bit-preserving movescu got other bytes");
        }
        Run unknown = NetTestSupport.runIn(out, 30, "movescu", "-S", "-aet", KNOWN_AE, "-aem", "NOBODY", "-k",
                "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + archive.keySet().iterator().next(),
                "127.0.0.1", String.valueOf(listener.port()));
        assertTrue(unknown.output().contains("MoveDestinationUnknown"), unknown.output());
    }

    /** Tag, VR and value of every element, items included (lengths may differ: getscu re-encodes). */
    static List<String> flat(List<Dcmdump.Element> elements) {
        List<String> out = new ArrayList<>();
        for (Dcmdump.Element e : elements) {
            out.add(String.format("(%08x) %s %s", e.tag(), e.vr(), e.value()));
            if (e.items() != null) {
                for (List<Dcmdump.Element> item : e.items()) {
                    out.add("item");
                    out.addAll(flat(item));
                }
            }
        }
        return out;
    }

    static String sopInstanceOf(Path file) {
        try {
            return StoreScpInteropTest.dataSetOf(file).getKey();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
