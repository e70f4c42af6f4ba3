package io.tessera.dicom.net;

import static io.tessera.dicom.net.NetTestSupport.KNOWN_AE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.dicom.data.UID;
import io.tessera.dicom.net.NetTestSupport.Run;
import io.tessera.dicom.net.dimse.Dimse;
import io.tessera.dicom.net.dimse.DimseResponse;
import io.tessera.dicom.net.dimse.DimseServiceRegistry;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.testkit.Corpus;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The listener's association limit, the asynchronous operations answer, and 1 MB PDUs. */
class ListenerLimitsTest {

    static AAssociateRq echoRq() {
        AAssociateRq rq = new AAssociateRq();
        rq.callingAeTitle(KNOWN_AE);
        rq.addPresentationContext(UID.VerificationSOPClass, UID.ImplicitVRLittleEndian);
        return rq;
    }

    @Test
    void beyondMaxAssociationsEchoscuIsRejectedTransientLocalLimit() throws Exception {
        assumeTrue(NetTestSupport.dcmtk("echoscu"));
        ThreadPoolExecutor ex = NetTestSupport.executor("limit-test");
        DicomListener l = new DicomListener(new AssociationSettings(),
                NetTestSupport.acceptor(null, ex, Set.of(KNOWN_AE)), ex)
                .bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0).maxAssociations(1);
        l.start();
        try {
            AAssociateRq rq = echoRq();
            rq.userInformation().asyncOpsWindow(5, 5);
            try (Scu first = Scu.open(new Connector(new AssociationSettings(), ex), "127.0.0.1", l.port(), rq)) {
                // 001 §3.2.3: asynchronous operations are not supported, the window is answered 1/1
                assertEquals(1, first.association().acceptance().userInformation().maxOpsInvoked());
                assertEquals(1, first.association().acceptance().userInformation().maxOpsPerformed());
                Run r = NetTestSupport.run(20, "echoscu", "-aet", KNOWN_AE, "127.0.0.1", String.valueOf(l.port()));
                assertTrue(r.exit() != 0, r.output());
                assertTrue(r.output().contains("Rejected Transient"), r.output());
                assertTrue(r.output().contains("Local Limit Exceeded"), r.output());
                assertEquals(Status.SUCCESS, first.echo().status());
            }
            long deadline = System.currentTimeMillis() + 3000;
            while (l.establishedAssociations() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            Run again = NetTestSupport.run(20, "echoscu", "-aet", KNOWN_AE, "127.0.0.1", String.valueOf(l.port()));
            assertEquals(0, again.exit(), again.output());
        } finally {
            l.close();
            ex.shutdownNow();
        }
    }

    @Test
    void oneMegabytePdusBothWays() throws Exception {
        assumeTrue(Corpus.toolsAvailable());
        Corpus.Entry ct = Corpus.get().stream().filter(e -> e.file().getFileName().toString().equals("ct512.dcm"))
                .findFirst().orElseThrow();
        ThreadPoolExecutor ex = NetTestSupport.executor("mb-test");
        AtomicReference<byte[]> got = new AtomicReference<>();
        java.nio.file.Path part10 = java.nio.file.Files.createTempFile("net-part10", ".dcm");
        DimseServiceRegistry services = new DimseServiceRegistry().addForCommand(Dimse.C_STORE_RQ, (rq, rsp) -> {
            got.set(rq.data().readAllBytes());
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(part10)) {
                io.tessera.dicom.io.DicomOutputStream dos = new io.tessera.dicom.io.DicomOutputStream(out);
                dos.writeFileMetaInformation(rq.fileMetaInformation());
                dos.flush();
                out.write(got.get());
            }
            rsp.respond(Status.SUCCESS);
        });
        AssociationSettings mb = new AssociationSettings().maxPduReceive(1 << 20).maxPduSend(0);
        DicomListener l = new DicomListener(mb, NetTestSupport.acceptor(services, ex, Set.of(KNOWN_AE)), ex)
                .bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0);
        l.start();
        try {
            AAssociateRq rq = echoRq();
            rq.addPresentationContext(ct.sopClass(), ct.transferSyntax());
            try (Scu scu = Scu.open(new Connector(mb, ex), "127.0.0.1", l.port(), rq)) {
                assertEquals(1 << 20, scu.association().sendPduLength());
                DimseResponse rsp = scu.store(ct.file());
                assertEquals(Status.SUCCESS, rsp.status(), rsp.toString());
            }
            assertArrayEquals(StoreScpInteropTest.dataSetOf(ct.file()).getValue(), got.get());
            // the Part 10 file made from the request's File Meta Information is one dcmtk reads
            Run dump = NetTestSupport.run(20, "dcmdump", "-M", part10.toString());
            assertEquals(0, dump.exit(), dump.output());
            assertTrue(dump.output().contains("(0002,0016) AE [" + KNOWN_AE + "]"), dump.output());
            assertTrue(dump.output().contains("(7fe0,0010) OW"), dump.output());
        } finally {
            java.nio.file.Files.deleteIfExists(part10);
            l.close();
            ex.shutdownNow();
        }
    }

    @Test
    void noResponseWithinTheDimseTimeoutAbortsTheScuAssociation() throws Exception {
        ThreadPoolExecutor ex = NetTestSupport.executor("dimse-timeout-test");
        // a handler that never answers
        DicomListener l = new DicomListener(new AssociationSettings(),
                NetTestSupport.acceptor((rq, rsp) -> { }, ex, Set.of(KNOWN_AE)), ex)
                .bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0);
        l.start();
        try {
            Scu scu = Scu.open(new Connector(new AssociationSettings().dimseTimeoutMillis(300), ex), "127.0.0.1",
                    l.port(), echoRq());
            long t0 = System.nanoTime();
            DicomNetworkException x = org.junit.jupiter.api.Assertions.assertThrows(DicomNetworkException.class,
                    scu::echo);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(x.getMessage().contains("within the DIMSE timeout of 300 ms"), x.getMessage());
            assertTrue(ms >= 300 && ms < 3000, ms + " ms");
            assertTrue(scu.association().isClosed(), "association aborted");
            long deadline = System.currentTimeMillis() + 3000;
            while (l.openConnections() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, l.openConnections(), "the abort reached the acceptor");
        } finally {
            l.close();
            ex.shutdownNow();
        }
    }
}
