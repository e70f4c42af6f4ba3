package io.tessera.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.dicom.data.UID;
import io.tessera.dicom.net.pdu.AAssociateAc;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.net.pdu.ExtendedNegotiation;
import io.tessera.dicom.net.pdu.PresentationContextAc;
import io.tessera.dicom.net.pdu.PresentationContextRq;
import io.tessera.dicom.net.pdu.RoleSelection;
import io.tessera.dicom.testkit.Corpus;
import org.junit.jupiter.api.Test;

/** The product's acceptance policy (001 §3.4) answering what dcmtk's tools really propose. */
class DefaultAcceptancePolicyTest {

    static AAssociateAc answer(PresentationContextPolicy p, AAssociateRq rq) {
        AAssociateAc ac = new AAssociateAc();
        p.negotiate(rq, ac);
        return ac;
    }

    @Test
    void everyStorageContextStorescuProposesIsAccepted() throws Exception {
        assumeTrue(NetTestSupport.dcmtk("storescu", "getscu") && Corpus.toolsAvailable());
        String ct = Corpus.get().get(0).file().toString();
        AAssociateRq rq = (AAssociateRq) PduCodecTest.decode(
                PduCodecTest.capture(new String[] {"storescu", "-aet", "MODALITY"}, ct));
        AAssociateAc ac = answer(DefaultAcceptancePolicy.create(null), rq);
        int accepted = 0;
        for (PresentationContextRq pc : rq.presentationContexts()) {
            PresentationContextAc a = ac.presentationContext(pc.id());
            if (DefaultAcceptancePolicy.storageClasses().contains(pc.abstractSyntax())) {
                assertEquals(PresentationContextAc.ACCEPTANCE, a.result(), pc + " -> " + a);
                String firstSupported = pc.transferSyntaxes().stream()
                        .filter(DefaultAcceptancePolicy.STORAGE_TRANSFER_SYNTAXES::contains).findFirst().orElseThrow();
                assertEquals(firstSupported, a.transferSyntax(), "first proposed TS of Table 23 (big endian is not)");
                accepted++;
            } else {
                assertEquals(PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED, a.result(), pc.toString());
            }
        }
        assertTrue(accepted > 100, accepted + " storage contexts accepted");

        // getscu proposes the storage classes with the SCP role: granted, so the C-STORE sub-operations can flow
        AAssociateRq get = (AAssociateRq) PduCodecTest.decode(PduCodecTest.capture(new String[] {"getscu", "-S",
                "-k", "QueryRetrieveLevel=STUDY"}));
        AAssociateAc getAc = answer(DefaultAcceptancePolicy.create(null), get);
        assertTrue(get.userInformation().roleSelections().size() > 50);
        for (RoleSelection r : getAc.userInformation().roleSelections()) {
            RoleSelection proposed = get.userInformation().roleSelection(r.sopClass());
            assertEquals(proposed.scp(), r.scp(), r.toString());
        }
        PresentationContextAc getModel = getAc.presentationContexts().stream().filter(p -> get.presentationContext(
                p.id()).abstractSyntax().equals(UID.GETStudyRootQueryRetrieveInformationModel)).findFirst().orElseThrow();
        assertTrue(getModel.accepted());
    }

    @Test
    void preferredTransferSyntaxRelationalQueriesAndStudyManagementRole() {
        AAssociateRq rq = new AAssociateRq();
        rq.addPresentationContext(UID.CTImageStorage, UID.ImplicitVRLittleEndian, UID.JPEGLosslessSV1);
        rq.addPresentationContext(UID.CTImageStorage, "1.2.840.10008.1.2.4.80"); // JPEG-LS: not in Table 23
        rq.addPresentationContext(UID.FINDStudyRootQueryRetrieveInformationModel, UID.ExplicitVRLittleEndian);
        rq.addPresentationContext(DefaultAcceptancePolicy.DETACHED_STUDY_MANAGEMENT, UID.ImplicitVRLittleEndian);
        rq.addPresentationContext(UID.VerificationSOPClass, UID.ExplicitVRLittleEndian);
        rq.userInformation().extendedNegotiations().add(new ExtendedNegotiation(
                UID.FINDStudyRootQueryRetrieveInformationModel, new byte[] {1, 1}));
        rq.userInformation().roleSelections().add(new RoleSelection(DefaultAcceptancePolicy.DETACHED_STUDY_MANAGEMENT,
                false, true));

        AAssociateAc plain = answer(DefaultAcceptancePolicy.create(null), rq);
        assertEquals(UID.ImplicitVRLittleEndian, plain.presentationContext(1).transferSyntax());
        AAssociateAc preferred = answer(DefaultAcceptancePolicy.create(UID.JPEGLosslessSV1), rq);
        assertEquals(UID.JPEGLosslessSV1, preferred.presentationContext(1).transferSyntax(), "001 §3.4.1.5");
        assertEquals(PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED, preferred.presentationContext(3).result());
        assertEquals(UID.ExplicitVRLittleEndian, preferred.presentationContext(5).transferSyntax());
        assertTrue(preferred.presentationContext(7).accepted());
        assertEquals(UID.ExplicitVRLittleEndian, preferred.presentationContext(9).transferSyntax());
        assertArrayEquals(new byte[] {1}, preferred.userInformation().extendedNegotiations().get(0).info(),
                "relational queries, nothing else");
        assertEquals(new RoleSelection(DefaultAcceptancePolicy.DETACHED_STUDY_MANAGEMENT, false, true),
                preferred.userInformation().roleSelections().get(0));
    }
}
