package io.tessera.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.net.dimse.Dimse;
import io.tessera.dicom.net.dimse.DimseResponse;
import io.tessera.dicom.net.dimse.DimseServiceRegistry;
import io.tessera.dicom.net.dimse.PolicyAcceptor;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.data.UID;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/**
 * The N-services on our SCP side (001 §3.4.4: Detached Study Management N-EVENT-REPORT), driven by our SCU: each
 * request reaches the handler with its command and data set, each response carries what PS3.7 §10.3 says it must.
 */
class NServiceScpTest {

    static final String STUDY_MGMT = UID.RETIRED_DetachedStudyManagementSOPClass;

    @Test
    void eachNServiceRoundTrips() throws Exception {
        ThreadPoolExecutor ex = NetTestSupport.executor("n-test");
        List<String> seen = new CopyOnWriteArrayList<>();
        DimseServiceRegistry services = new DimseServiceRegistry().add((rq, rsp) -> {
            Attributes ds = rq.readDataSet();
            seen.add(Dimse.name(rq.commandField()) + " " + rq.sopInstanceUid()
                    + (ds == null ? "" : " " + ds.getString(Tag.StudyStatusID)));
            Attributes reply = null;
            if (rq.commandField() == Dimse.N_GET_RQ) {
                reply = new Attributes();
                reply.setString(Tag.StudyStatusID, VR.CS, "SCHEDULED");
            }
            rsp.respond(Status.SUCCESS, null, reply);
        }, STUDY_MGMT);
        PresentationContextPolicy policy = new PresentationContextPolicy().accept(STUDY_MGMT, UID.ImplicitVRLittleEndian,
                UID.ExplicitVRLittleEndian);
        DicomListener l = new DicomListener(new AssociationSettings(), new PolicyAcceptor(policy, services, ex, null), ex)
                .bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0);
        l.start();
        try {
            AAssociateRq rq = new AAssociateRq();
            rq.callingAeTitle("RIS");
            rq.addPresentationContext(STUDY_MGMT, UID.ExplicitVRLittleEndian);
            try (Scu scu = Scu.open(new Connector(new AssociationSettings(), ex), "127.0.0.1", l.port(), rq)) {
                Attributes info = new Attributes();
                info.setString(Tag.StudyStatusID, VR.CS, "CREATED");
                DimseResponse ev = scu.nEventReport(STUDY_MGMT, "2.25.1", 1, info);
                assertEquals(Status.SUCCESS, ev.status());
                assertEquals(1, ev.command().getInt(Tag.EventTypeID, -1), "PS3.7 §10.3.1: event type echoed");
                assertEquals("2.25.1", ev.command().getString(Tag.AffectedSOPInstanceUID));

                DimseResponse get = scu.nGet(STUDY_MGMT, "2.25.1", Tag.StudyStatusID);
                assertEquals("SCHEDULED", get.dataSet().getString(Tag.StudyStatusID));
                assertEquals("2.25.1", get.command().getString(Tag.AffectedSOPInstanceUID));

                DimseResponse act = scu.nAction(STUDY_MGMT, "2.25.1", 7, null);
                assertEquals(7, act.command().getInt(Tag.ActionTypeID, -1), "PS3.7 §10.3.4: action type echoed");
                assertNull(act.dataSet());
                assertEquals(Status.SUCCESS, scu.nCreate(STUDY_MGMT, "2.25.2", info).status());
                assertEquals(Status.SUCCESS, scu.nSet(STUDY_MGMT, "2.25.2", info).status());
                assertEquals(Status.SUCCESS, scu.nDelete(STUDY_MGMT, "2.25.2").status());
            }
        } finally {
            l.close();
            ex.shutdownNow();
        }
        assertEquals(List.of("N-EVENT-REPORT-RQ 2.25.1 CREATED", "N-GET-RQ 2.25.1", "N-ACTION-RQ 2.25.1",
                "N-CREATE-RQ 2.25.2 CREATED", "N-SET-RQ 2.25.2 CREATED", "N-DELETE-RQ 2.25.2"), seen);
    }
}
