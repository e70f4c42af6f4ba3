package io.tessera.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.dicom.net.NetTestSupport.Run;
import io.tessera.dicom.net.dimse.DimseProvider;
import io.tessera.dicom.net.dimse.DimseServiceRegistry;
import io.tessera.dicom.net.dimse.Dimse;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.AAssociateAc;
import io.tessera.dicom.net.pdu.AAssociateRj;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.net.pdu.UserIdentity;
import io.tessera.dicom.testkit.Corpus;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/**
 * User Identity Negotiation (PS3.7 §D.3.3.7) with dcmtk's storescu: username and passcode checked by the acceptor's
 * admission hook, a positive response (sub-item 59H) sent when asked for and understood by dcmtk.
 */
class UserIdentityInteropTest {

    @Test
    void storescuWithUserAndPassword() throws Exception {
        assumeTrue(NetTestSupport.dcmtk("storescu") && Corpus.toolsAvailable());
        ThreadPoolExecutor ex = NetTestSupport.executor("uid-test");
        PresentationContextPolicy policy = NetTestSupport.policy();
        DimseServiceRegistry services = new DimseServiceRegistry().addForCommand(Dimse.C_STORE_RQ, (rq, rsp) -> {
            rq.data().skip(Long.MAX_VALUE);
            rsp.respond(Status.SUCCESS);
        });
        AssociationAcceptor acceptor = new AssociationAcceptor() {
            @Override
            public AAssociateRj admit(AAssociateRq rq, InetSocketAddress remote) {
                UserIdentity id = rq.userInformation().userIdentity();
                boolean ok = id != null && id.identityType() == UserIdentity.USERNAME_AND_PASSCODE
                        && id.username().equals("alice") && Arrays.equals(id.secondaryField(), "secret".getBytes());
                return ok ? null : new AAssociateRj(AAssociateRj.RESULT_REJECTED_PERMANENT,
                        AAssociateRj.SOURCE_SERVICE_USER, AAssociateRj.REASON_NO_REASON_GIVEN);
            }

            @Override
            public PresentationContextPolicy presentationContextPolicy(AAssociateRq rq) {
                return policy;
            }

            @Override
            public void negotiate(AAssociateRq rq, AAssociateAc ac) {
                policy.negotiate(rq, ac);
                if (rq.userInformation().userIdentity().positiveResponseRequested()) {
                    // PS3.7 §D.3.3.7.2: for username (and passcode) the positive response is empty
                    ac.userInformation().userIdentityServerResponse(new byte[0]);
                }
            }

            @Override
            public void established(Association association) {
                association.dataListener(new DimseProvider(services, ex));
            }
        };
        DicomListener l = new DicomListener(new AssociationSettings(), acceptor, ex)
                .bindAddress(java.net.InetAddress.getLoopbackAddress()).port(0);
        l.start();
        try {
            String file = Corpus.get().get(0).file().toString();
            Run ok = NetTestSupport.run(30, "storescu", "-v", "-R", "-xe", "-usr", "alice", "-pwd", "secret", "-rsp",
                    "127.0.0.1", String.valueOf(l.port()), file);
            assertEquals(0, ok.exit(), ok.output());
            assertTrue(ok.output().contains("Received Store Response (Success)"), ok.output());

            Run wrong = NetTestSupport.run(30, "storescu", "-usr", "alice", "-pwd", "guess", "127.0.0.1",
                    String.valueOf(l.port()), file);
            assertTrue(wrong.exit() != 0, wrong.output());
            assertTrue(wrong.output().contains("Association Rejected"), wrong.output());
        } finally {
            l.close();
            ex.shutdownNow();
        }
    }
}
