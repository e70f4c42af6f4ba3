package io.tessera.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.dicom.data.UID;
import io.tessera.dicom.net.dimse.DimseResponse;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.AAssociateRj;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.testkit.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our SCU against dcmtk's storescp: C-ECHO, and C-STORE fragmented to whatever max PDU storescp announces. */
class ScuInteropTest {

    static ThreadPoolExecutor executor;

    @BeforeAll
    static void start() {
        assumeTrue(NetTestSupport.dcmtk("storescp") && Corpus.toolsAvailable(), "dcmtk not installed");
        executor = NetTestSupport.executor("scu-test");
    }

    @AfterAll
    static void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** One context per (SOP class, transfer syntax) of the files, plus Verification. */
    static AAssociateRq request(List<Corpus.Entry> files) {
        AAssociateRq rq = new AAssociateRq();
        rq.callingAeTitle(NetTestSupport.OUR_AE);
        rq.calledAeTitle("STORESCP");
        rq.addPresentationContext(UID.VerificationSOPClass, UID.ImplicitVRLittleEndian);
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Corpus.Entry e : files) {
            if (seen.putIfAbsent(e.sopClass() + "|" + e.transferSyntax(), true) == null) {
                rq.addPresentationContext(e.sopClass(), e.transferSyntax());
            }
        }
        return rq;
    }

    @ParameterizedTest
    @ValueSource(ints = {4096, 16384, 131072})
    void echoAndStoreToStorescp(int scpMaxPdu, @TempDir Path out) throws Exception {
        List<Corpus.Entry> files = Corpus.get().stream()
                .filter(e -> e.file().getFileName().toString().matches("(ct512|ct512-implicit|ct512-bigendian|"
                        + "ct512-jpeg-lossless-sv1|sr-comprehensive|encapsulated-pdf|us-rgb-rle|nm)\\.dcm")).toList();
        assertEquals(8, files.size());
        int port = NetTestSupport.freePort();
        Process scp = NetTestSupport.start("storescp", "+xa", "+B", "+uf", "-pdu", String.valueOf(scpMaxPdu), "-od",
                out.toString(), String.valueOf(port));
        try {
            Thread.sleep(300);
            // no cap of our own: fragment exactly to the peer's Maximum Length Received
            Connector connector = new Connector(new AssociationSettings().maxPduSend(0), executor);
            try (Scu scu = Scu.open(connector, "127.0.0.1", port, request(files))) {
                assertEquals(scpMaxPdu, scu.association().sendPduLength(), "we send at the peer's limit");
                DimseResponse echo = scu.echo();
                assertEquals(Status.SUCCESS, echo.status(), echo.toString());
                for (Corpus.Entry e : files) {
                    DimseResponse rsp = scu.store(e.file());
                    assertEquals(Status.SUCCESS, rsp.status(), e + ": " + rsp);
                }
                scu.release();
                assertTrue(scu.association().closeCause() == null, String.valueOf(scu.association().closeCause()));
            }
            List<Path> stored;
            try (var list = Files.list(out)) {
                stored = list.sorted(Comparator.comparingLong(
                        f -> Long.parseLong(f.getFileName().toString().replaceAll(".*\\.", "")))).toList();
            }
            assertEquals(files.size(), stored.size());
            for (int i = 0; i < files.size(); i++) {
                assertArrayEquals(StoreScpInteropTest.dataSetOf(files.get(i).file()).getValue(),
                        StoreScpInteropTest.dataSetOf(stored.get(i)).getValue(), files.get(i) + " changed on the way");
            }
        } finally {
            scp.destroy();
            scp.waitFor();
        }
    }

    @Test
    void ourListenerRejectsAnUnknownCallingAeAndTheScuSaysWhy() throws Exception {
        DicomListener listener = NetTestSupport.listener(new AssociationSettings(),
                NetTestSupport.acceptor(null, executor, Set.of(NetTestSupport.KNOWN_AE)), executor);
        try {
            AAssociateRq rq = new AAssociateRq();
            rq.callingAeTitle("INTRUDER");
            rq.addPresentationContext(UID.VerificationSOPClass, UID.ImplicitVRLittleEndian);
            AssociationRejectedException x = assertThrows(AssociationRejectedException.class,
                    () -> Scu.open(new Connector(new AssociationSettings(), executor), "127.0.0.1", listener.port(), rq));
            assertEquals(AAssociateRj.REASON_CALLING_AE_TITLE_NOT_RECOGNIZED, x.reject().reason());
            assertTrue(x.getMessage().contains("calling-AE-title-not-recognized"), x.getMessage());
        } finally {
            listener.close();
        }
    }
}
