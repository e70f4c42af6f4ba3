package io.tessera.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.net.NetTestSupport.Run;
import io.tessera.dicom.net.dimse.Commands;
import io.tessera.dicom.net.dimse.Dimse;
import io.tessera.dicom.net.dimse.DimseRequestHandler;
import io.tessera.dicom.net.dimse.DimseResponse;
import io.tessera.dicom.net.dimse.DimseServiceRegistry;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.net.pdu.RoleSelection;
import io.tessera.dicom.testkit.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our SCU against dcmtk's dcmqrscp: C-STORE into it, C-FIND, C-MOVE to our own acceptor, C-GET with the C-STORE
 * sub-operations on our association. And C-CANCEL: dcmtk's findscu cancels a C-FIND our acceptor is answering.
 */
class QueryRetrieveInteropTest {

    static final String QR = UID.FINDStudyRootQueryRetrieveInformationModel;
    static final String MOVE = UID.MOVEStudyRootQueryRetrieveInformationModel;
    static final String GET = UID.GETStudyRootQueryRetrieveInformationModel;

    static ThreadPoolExecutor executor;
    static DicomListener listener;
    static Process qrscp;
    static int qrPort;
    static List<Corpus.Entry> files;
    static final Set<String> storedByMove = ConcurrentHashMap.newKeySet();
    static final AtomicInteger cancelSeen = new AtomicInteger();
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(NetTestSupport.dcmtk("dcmqrscp", "findscu") && Corpus.toolsAvailable(), "dcmtk not installed");
        executor = NetTestSupport.executor("qr-test");
        // our acceptor: C-STORE (move destination) and a C-FIND that answers until it is canceled
        DimseRequestHandler slowFind = (rq, rsp) -> {
            rq.readDataSet();
            for (int i = 0; i < 200 && !rq.isCanceled(); i++) {
                Attributes match = new Attributes();
                match.setString(Tag.PatientID, VR.LO, "P" + i);
                match.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
                rsp.pending(match);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (rq.isCanceled()) {
                cancelSeen.incrementAndGet();
                rsp.respond(Status.CANCEL);
            } else {
                rsp.respond(Status.SUCCESS);
            }
        };
        DimseServiceRegistry services = new DimseServiceRegistry()
                .addForCommand(Dimse.C_STORE_RQ, (rq, rsp) -> {
                    rq.data().transferTo(java.io.OutputStream.nullOutputStream());
                    storedByMove.add(rq.sopInstanceUid());
                    rsp.respond(Status.SUCCESS);
                })
                .add(slowFind, QR);
        PresentationContextPolicy policy = NetTestSupport.policy().accept(QR, UID.ImplicitVRLittleEndian,
                UID.ExplicitVRLittleEndian);
        listener = new DicomListener(new AssociationSettings(),
                new io.tessera.dicom.net.dimse.PolicyAcceptor(policy, services, executor, null), executor)
                .bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0);
        listener.start();

        Path db = Files.createDirectories(dir.resolve("db"));
        qrPort = NetTestSupport.freePort();
        Path cfg = dir.resolve("dcmqrscp.cfg");
        Files.writeString(cfg, "NetworkTCPPort = " + qrPort + "\nMaxPDUSize = 16384\nMaxAssociations = 16\n"
                + "HostTable BEGIN\ntessera = (TESSERA, 127.0.0.1, " + listener.port() + ")\nHostTable END\n"
                + "VendorTable BEGIN\nVendorTable END\n"
                + "AETable BEGIN\nQRSCP " + db + " RW (100, 1024mb) ANY\nAETable END\n");
        // not -s: dcmqrscp 3.6.7 segfaults after the first association in single-process mode (also with storescu)
        qrscp = NetTestSupport.startLogged(dir.resolve("dcmqrscp.log"), "dcmqrscp", "-c", cfg.toString(), String.valueOf(qrPort));
        Thread.sleep(400);

        files = Corpus.get().stream().filter(e -> e.file().getFileName().toString()
                .matches("(ct512|cr|us-rgb|sr-basic-text|pet)\\.dcm")).toList();
        assertEquals(5, files.size());
        AAssociateRq rq = rq("QRSCP");
        for (Corpus.Entry e : files) {
            rq.addPresentationContext(e.sopClass(), e.transferSyntax());
        }
        try (Scu scu = Scu.open(new Connector(new AssociationSettings(), executor), "127.0.0.1", qrPort, rq)) {
            for (Corpus.Entry e : files) {
                DimseResponse r = scu.store(e.file());
                assertEquals(Status.SUCCESS, r.status(), e + ": " + r);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (qrscp != null) {
            qrscp.destroy();
            qrscp.waitFor();
        }
        if (listener != null) {
            listener.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    static AAssociateRq rq(String called) {
        AAssociateRq rq = new AAssociateRq();
        rq.callingAeTitle("TESSERA");
        rq.calledAeTitle(called);
        return rq;
    }

    static Attributes studyKeys() {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setNull(Tag.StudyInstanceUID, VR.UI);
        keys.setNull(Tag.PatientName, VR.PN);
        keys.setString(Tag.PatientID, VR.LO, "PID0001");
        return keys;
    }

    @Test
    void findReturnsEveryStoredStudy() throws Exception {
        AAssociateRq rq = rq("QRSCP");
        rq.addPresentationContext(QR, UID.ImplicitVRLittleEndian);
        try (Scu scu = Scu.open(new Connector(new AssociationSettings(), executor), "127.0.0.1", qrPort, rq)) {
            List<Attributes> matches = scu.findAll(QR, studyKeys());
            assertEquals(files.size(), matches.size(), matches.toString());
            for (Attributes m : matches) {
                assertEquals("Doe^John", m.getString(Tag.PatientName));
                assertTrue(m.getString(Tag.StudyInstanceUID).startsWith("2.25."));
            }
        }
    }

    @Test
    void moveSendsTheStudiesToOurAcceptor() throws Exception {
        storedByMove.clear();
        AAssociateRq rq = rq("QRSCP");
        rq.addPresentationContext(MOVE, UID.ImplicitVRLittleEndian);
        try (Scu scu = Scu.open(new Connector(new AssociationSettings(), executor), "127.0.0.1", qrPort, rq)) {
            Attributes keys = new Attributes();
            keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
            keys.setString(Tag.PatientID, VR.LO, "PID0001");
            AtomicInteger pendings = new AtomicInteger();
            keys.setNull(Tag.StudyInstanceUID, VR.UI);
            DimseResponse last = scu.move(MOVE, keys, "TESSERA", r -> pendings.incrementAndGet());
            // dcmqrscp moves one study per request: move them all
            if (last.status() == Status.SUCCESS && last.completed() < files.size()) {
                List<Attributes> studies;
                AAssociateRq frq = rq("QRSCP");
                frq.addPresentationContext(QR, UID.ImplicitVRLittleEndian);
                try (Scu find = Scu.open(new Connector(new AssociationSettings(), executor), "127.0.0.1", qrPort, frq)) {
                    studies = find.findAll(QR, studyKeys());
                }
                int completed = 0;
                for (Attributes s : studies) {
                    Attributes k = new Attributes();
                    k.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
                    k.setString(Tag.StudyInstanceUID, VR.UI, s.getString(Tag.StudyInstanceUID));
                    DimseResponse r = scu.move(MOVE, k, "TESSERA", null);
                    assertEquals(Status.SUCCESS, r.status(), r.toString());
                    completed += r.completed();
                }
                assertEquals(files.size(), completed);
            } else {
                assertEquals(Status.SUCCESS, last.status(), last.toString());
                assertEquals(files.size(), last.completed(), last.toString());
            }
            assertEquals(files.size(), storedByMove.size());
        }
    }

    @Test
    void getDeliversTheInstancesOnOurAssociation() throws Exception {
        Set<String> got = ConcurrentHashMap.newKeySet();
        AAssociateRq rq = rq("QRSCP");
        rq.addPresentationContext(GET, UID.ImplicitVRLittleEndian);
        for (Corpus.Entry e : files) {
            if (rq.presentationContexts().stream().noneMatch(p -> p.abstractSyntax().equals(e.sopClass()))) {
                rq.addPresentationContext(e.sopClass(), e.transferSyntax());
                // PS3.4 §C.4.3.1: for C-GET we are the storage SCP on this association
                rq.userInformation().roleSelections().add(new RoleSelection(e.sopClass(), false, true));
            }
        }
        DimseRequestHandler incoming = (req, rsp) -> {
            assertEquals(Dimse.C_STORE_RQ, req.commandField());
            req.data().transferTo(java.io.OutputStream.nullOutputStream());
            got.add(req.sopInstanceUid());
            rsp.respond(Status.SUCCESS);
        };
        List<Attributes> studies;
        AAssociateRq frq = rq("QRSCP");
        frq.addPresentationContext(QR, UID.ImplicitVRLittleEndian);
        try (Scu find = Scu.open(new Connector(new AssociationSettings(), executor), "127.0.0.1", qrPort, frq)) {
            studies = find.findAll(QR, studyKeys());
        }
        try (Scu scu = Scu.open(new Connector(new AssociationSettings(), executor), "127.0.0.1", qrPort, rq, incoming)) {
            int completed = 0;
            for (Attributes s : studies) {
                Attributes k = new Attributes();
                k.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
                k.setString(Tag.StudyInstanceUID, VR.UI, s.getString(Tag.StudyInstanceUID));
                DimseResponse r = scu.get(GET, k, null);
                assertEquals(Status.SUCCESS, r.status(), r.toString());
                completed += r.completed();
            }
            assertEquals(files.size(), completed);
        }
        assertEquals(files.size(), got.size());
    }

    @Test
    void findscuCancelReachesOurFindHandler() throws Exception {
        int before = cancelSeen.get();
        Run r = NetTestSupport.run(30, "findscu", "-v", "-S", "--cancel", "3", "-aet", "FINDSCU", "-k",
                "QueryRetrieveLevel=STUDY", "-k", "PatientID", "127.0.0.1", String.valueOf(listener.port()));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("Sending Cancel Request"), r.output());
        assertTrue(r.output().contains("Cancel"), r.output());
        long deadline = System.currentTimeMillis() + 3000;
        while (cancelSeen.get() == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(before + 1, cancelSeen.get(), "the handler saw the C-CANCEL:\n" + r.output());
        assertTrue(r.output().contains("Received Final Find Response (Cancel"),
                r.output());
    }

    @Test
    void ourScuCancelsAFindOnOurAcceptor() throws Exception {
        int before = cancelSeen.get();
        AAssociateRq rq = rq("TESSERA");
        rq.callingAeTitle("ANY");
        rq.addPresentationContext(QR, UID.ImplicitVRLittleEndian);
        try (Scu scu = Scu.open(new Connector(new AssociationSettings(), executor), "127.0.0.1", listener.port(), rq)) {
            int pc = scu.presentationContext(QR);
            int id = scu.nextMessageId();
            AtomicInteger pendings = new AtomicInteger();
            CountDownLatch canceled = new CountDownLatch(1);
            DimseResponse last = scu.invoke(pc, Commands.cFindRq(id, QR, Dimse.PRIORITY_MEDIUM),
                    io.tessera.dicom.net.dimse.DataWriter.of(studyKeys()), p -> {
                        if (pendings.incrementAndGet() == 2) {
                            try {
                                scu.cancel(pc, p.messageIdBeingRespondedTo());
                                canceled.countDown();
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    });
            assertTrue(canceled.await(1, TimeUnit.SECONDS));
            assertEquals(Status.CANCEL, last.status(), last.toString());
            assertTrue(pendings.get() < 10, "canceled after " + pendings.get() + " matches");
        }
        assertEquals(before + 1, cancelSeen.get());
    }
}
