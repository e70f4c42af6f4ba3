package io.tessera.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.net.dimse.Dimse;
import io.tessera.dicom.net.dimse.DimseResponse;
import io.tessera.dicom.net.dimse.DimseServiceRegistry;
import io.tessera.dicom.net.dimse.PolicyAcceptor;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.testkit.Corpus;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our SCU against Orthanc on loopback: C-ECHO, C-STORE, C-FIND, and C-MOVE back to our acceptor. */
class OrthancInteropTest {

    static final String FIND = UID.FINDStudyRootQueryRetrieveInformationModel;
    static final String MOVE = UID.MOVEStudyRootQueryRetrieveInformationModel;

    @Test
    void echoStoreFindMove(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/Orthanc")) || NetTestSupport.dcmtk("Orthanc"),
                "Orthanc not installed");
        assumeTrue(Corpus.toolsAvailable());
        ThreadPoolExecutor ex = NetTestSupport.executor("orthanc-test");
        Set<String> moved = ConcurrentHashMap.newKeySet();
        DimseServiceRegistry services = new DimseServiceRegistry().addForCommand(Dimse.C_STORE_RQ, (rq, rsp) -> {
            rq.data().transferTo(java.io.OutputStream.nullOutputStream());
            moved.add(rq.sopInstanceUid());
            rsp.respond(Status.SUCCESS);
        });
        DicomListener ours = new DicomListener(new AssociationSettings(),
                new PolicyAcceptor(NetTestSupport.policy(), services, ex, null), ex)
                .bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0);
        ours.start();
        int dicomPort = NetTestSupport.freePort();
        int httpPort = NetTestSupport.freePort();
        Path db = Files.createDirectories(dir.resolve("db"));
        Path cfg = dir.resolve("orthanc.json");
        Files.writeString(cfg, "{ \"Name\": \"tessera-test\", \"StorageDirectory\": \"" + db + "\", \"IndexDirectory\": \""
                + db + "\", \"DicomAet\": \"ORTHANC\", \"DicomPort\": " + dicomPort + ", \"HttpPort\": " + httpPort
                + ", \"RemoteAccessAllowed\": false, \"AuthenticationEnabled\": false, \"DicomCheckCalledAet\": true,"
                + " \"DicomAlwaysAllowEcho\": true, \"DicomAlwaysAllowStore\": true, \"DicomAlwaysAllowFind\": true,"
                + " \"DicomAlwaysAllowMove\": true, \"Plugins\": [], \"DicomModalities\": { \"tessera\": [\"TESSERA\","
                + " \"127.0.0.1\", " + ours.port() + "] } }");
        Process orthanc = NetTestSupport.startLogged(dir.resolve("orthanc.log"), "/usr/sbin/Orthanc", cfg.toString());
        try {
            long deadline = System.currentTimeMillis() + 15_000;
            boolean up = false;
            while (!up && System.currentTimeMillis() < deadline) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", dicomPort), 200);
                    up = true;
                } catch (java.io.IOException e) {
                    Thread.sleep(100);
                }
            }
            assertTrue(up, "Orthanc did not open its DICOM port:\n" + Files.readString(dir.resolve("orthanc.log")));

            List<Corpus.Entry> files = Corpus.get().stream().filter(e -> e.file().getFileName().toString()
                    .matches("(ct512|cr|us-rgb)\\.dcm")).toList();
            AAssociateRq rq = new AAssociateRq();
            rq.callingAeTitle("TESSERA");
            rq.calledAeTitle("ORTHANC");
            rq.addPresentationContext(UID.VerificationSOPClass, UID.ImplicitVRLittleEndian);
            rq.addPresentationContext(FIND, UID.ImplicitVRLittleEndian);
            rq.addPresentationContext(MOVE, UID.ImplicitVRLittleEndian);
            for (Corpus.Entry e : files) {
                rq.addPresentationContext(e.sopClass(), e.transferSyntax());
            }
            try (Scu scu = Scu.open(new Connector(new AssociationSettings(), ex), "127.0.0.1", dicomPort, rq)) {
                assertEquals(Status.SUCCESS, scu.echo().status());
                for (Corpus.Entry e : files) {
                    DimseResponse r = scu.store(e.file());
                    assertEquals(Status.SUCCESS, r.status(), e + ": " + r);
                }
                Attributes keys = new Attributes();
                keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
                keys.setString(Tag.PatientID, VR.LO, "PID0001");
                keys.setNull(Tag.StudyInstanceUID, VR.UI);
                keys.setNull(Tag.PatientName, VR.PN);
                List<Attributes> studies = scu.findAll(FIND, keys);
                assertEquals(files.size(), studies.size(), studies.toString());
                for (Attributes s : studies) {
                    Attributes k = new Attributes();
                    k.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
                    k.setString(Tag.StudyInstanceUID, VR.UI, s.getString(Tag.StudyInstanceUID));
                    DimseResponse m = scu.move(MOVE, k, "TESSERA", null);
                    assertEquals(Status.SUCCESS, m.status(), m.toString());
                }
            }
            assertEquals(files.size(), moved.size(), "C-MOVE sub-operations arrived at our acceptor");
        } finally {
            orthanc.destroy();
            orthanc.waitFor();
            ours.close();
            ex.shutdownNow();
        }
    }
}
