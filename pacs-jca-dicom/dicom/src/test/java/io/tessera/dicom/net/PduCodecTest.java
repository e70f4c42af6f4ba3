package io.tessera.dicom.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.dicom.data.UID;
import io.tessera.dicom.net.pdu.AAbort;
import io.tessera.dicom.net.pdu.AAssociateAc;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.net.pdu.CommonExtendedNegotiation;
import io.tessera.dicom.net.pdu.ExtendedNegotiation;
import io.tessera.dicom.net.pdu.PresentationContextAc;
import io.tessera.dicom.net.pdu.PresentationContextRq;
import io.tessera.dicom.net.pdu.Pdu;
import io.tessera.dicom.net.pdu.PduFormatException;
import io.tessera.dicom.net.pdu.PduReader;
import io.tessera.dicom.net.pdu.PduWriter;
import io.tessera.dicom.net.pdu.RoleSelection;
import io.tessera.dicom.net.pdu.UserIdentity;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PDU encoding and strict decoding. The reference is dcmtk: A-ASSOCIATE-RQs captured from echoscu and storescu on
 * a raw socket decode completely and re-encode to the same bytes.
 */
class PduCodecTest {

    static Pdu decode(byte[] b) throws IOException {
        return new PduReader(new ByteArrayInputStream(b), 16384, 1 << 20).read();
    }

    /** Accepts one connection, returns the first PDU the peer sends, then closes. */
    static byte[] capture(String... cmd) throws Exception {
        return capture(cmd, new String[0]);
    }

    static byte[] capture(String[] cmd, String... trailing) throws Exception {
        try (ServerSocket ss = new ServerSocket(0)) {
            ss.setSoTimeout(10_000);
            String[] full = Arrays.copyOf(cmd, cmd.length + 2 + trailing.length);
            full[cmd.length] = "127.0.0.1";
            full[cmd.length + 1] = String.valueOf(ss.getLocalPort());
            System.arraycopy(trailing, 0, full, cmd.length + 2, trailing.length);
            Process p = NetTestSupport.start(full);
            try (Socket s = ss.accept()) {
                s.setSoTimeout(5000);
                InputStream in = s.getInputStream();
                byte[] h = in.readNBytes(6);
                int len = ((h[2] & 0xff) << 24) | ((h[3] & 0xff) << 16) | ((h[4] & 0xff) << 8) | (h[5] & 0xff);
                byte[] body = in.readNBytes(len);
                byte[] all = Arrays.copyOf(h, 6 + len);
                System.arraycopy(body, 0, all, 6, len);
                return all;
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
    }

    /**
     * Byte for byte equal, except reserved fields: dcmtk fills the reserved bytes of a presentation context item with
     * FFH, we send 00H (PS3.8 §9.3.2.2: "shall be sent with a value 00H but not tested").
     */
    static void assertSameButReserved(byte[] dcmtk, byte[] ours, int contexts) {
        assertEquals(dcmtk.length, ours.length, "re-encoded length");
        int differences = 0;
        for (int i = 0; i < ours.length; i++) {
            if (dcmtk[i] != ours[i]) {
                assertEquals(0, ours[i], "byte " + i);
                differences++;
            }
        }
        assertTrue(differences <= 3 * contexts, differences + " bytes differ");
    }

    @Test
    void dcmtkAssociateRequestsDecodeAndReencodeIdentically() throws Exception {
        assumeTrue(NetTestSupport.dcmtk("echoscu", "storescu"));
        byte[] echo = capture("echoscu", "-aet", "ECHO_SCU", "-aec", "SOME_SCP", "-pdu", "65536");
        AAssociateRq rq = (AAssociateRq) decode(echo);
        assertEquals("ECHO_SCU", rq.callingAeTitle());
        assertEquals("SOME_SCP", rq.calledAeTitle());
        assertEquals(65536, rq.userInformation().maxLength());
        assertEquals(UID.VerificationSOPClass, rq.presentationContexts().get(0).abstractSyntax());
        assertTrue(rq.userInformation().implementationClassUid().startsWith("1.2.276.0.7230010.3"));
        assertSameButReserved(echo, PduWriter.encode(rq), rq.presentationContexts().size());

        assumeTrue(io.tessera.dicom.testkit.Corpus.toolsAvailable());
        String ct = io.tessera.dicom.testkit.Corpus.get().get(0).file().toString();
        byte[] store = capture(new String[] {"storescu", "-aet", "STORE_SCU"}, ct);
        AAssociateRq srq = (AAssociateRq) decode(store);
        assertTrue(srq.presentationContexts().size() > 100, "storescu proposes its 128 storage contexts");
        assertSameButReserved(store, PduWriter.encode(srq), srq.presentationContexts().size());
    }

    @Test
    void everyUserInformationSubItemRoundTrips() throws Exception {
        AAssociateRq rq = new AAssociateRq();
        rq.callingAeTitle("A");
        rq.calledAeTitle("B");
        rq.addPresentationContext(UID.FINDStudyRootQueryRetrieveInformationModel, UID.ImplicitVRLittleEndian,
                UID.ExplicitVRLittleEndian);
        rq.addPresentationContext(UID.CTImageStorage, UID.JPEGLosslessSV1);
        rq.userInformation().maxLength(0xFFFFFFFFL).implementationClassUid("1.2.3").implementationVersionName("V_1")
                .asyncOpsWindow(5, 3).userIdentity(UserIdentity.username("doctor", "secret"));
        rq.userInformation().roleSelections().add(new RoleSelection(UID.CTImageStorage, false, true));
        rq.userInformation().extendedNegotiations().add(new ExtendedNegotiation(
                UID.FINDStudyRootQueryRetrieveInformationModel, new byte[] {1, 1, 0}));
        rq.userInformation().commonExtendedNegotiations().add(new CommonExtendedNegotiation(UID.CTImageStorage,
                "1.2.840.10008.4.2", List.of("1.2.840.10008.5.1.4.1.1.2.1")));
        AAssociateRq back = (AAssociateRq) decode(PduWriter.encode(rq));
        assertEquals(2, back.presentationContexts().size());
        assertEquals(List.of(UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian),
                back.presentationContexts().get(0).transferSyntaxes());
        assertEquals(3, back.presentationContexts().get(1).id());
        assertEquals(0xFFFFFFFFL, back.userInformation().maxLength());
        assertEquals("V_1", back.userInformation().implementationVersionName());
        assertEquals(5, back.userInformation().maxOpsInvoked());
        assertEquals(3, back.userInformation().maxOpsPerformed());
        assertEquals(new RoleSelection(UID.CTImageStorage, false, true), back.userInformation().roleSelections().get(0));
        assertArrayEquals(new byte[] {1, 1, 0}, back.userInformation().extendedNegotiations().get(0).info());
        assertEquals(rq.userInformation().commonExtendedNegotiations(), back.userInformation().commonExtendedNegotiations());
        assertEquals("doctor", back.userInformation().userIdentity().username());
        assertArrayEquals("secret".getBytes(), back.userInformation().userIdentity().secondaryField());

        // the acceptor's answer: 001 §3.4.1.5 first supported TS, reason 3/4 per context, roles and ext neg and'ed
        PresentationContextPolicy policy = new PresentationContextPolicy()
                .accept(UID.FINDStudyRootQueryRetrieveInformationModel, UID.ExplicitVRLittleEndian,
                        UID.ImplicitVRLittleEndian)
                .extendedNegotiation(UID.FINDStudyRootQueryRetrieveInformationModel, (byte) 1, (byte) 0, (byte) 0)
                .role(UID.CTImageStorage, true, true);
        AAssociateAc ac = new AAssociateAc();
        ac.calledAeTitle("B");
        ac.callingAeTitle("A");
        policy.negotiate(back, ac);
        AAssociateAc acBack = (AAssociateAc) decode(PduWriter.encode(ac));
        assertEquals(new PresentationContextAc(1, PresentationContextAc.ACCEPTANCE, UID.ImplicitVRLittleEndian),
                acBack.presentationContexts().get(0));
        assertEquals(PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED, acBack.presentationContexts().get(1).result());
        assertEquals(new RoleSelection(UID.CTImageStorage, false, true), acBack.userInformation().roleSelections().get(0));
        assertArrayEquals(new byte[] {1, 0, 0}, acBack.userInformation().extendedNegotiations().get(0).info());

        policy.preferredTransferSyntax(UID.ExplicitVRLittleEndian);
        assertEquals(UID.ExplicitVRLittleEndian, policy.negotiate(back.presentationContexts().get(0)).transferSyntax());
        PresentationContextRq onlyJpeg = new PresentationContextRq(5, UID.FINDStudyRootQueryRetrieveInformationModel,
                UID.JPEGBaseline8Bit);
        assertEquals(PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED, policy.negotiate(onlyJpeg).result());
    }

    static PduFormatException rejects(byte[] b) {
        return assertThrows(PduFormatException.class, () -> decode(b));
    }

    @Test
    void malformedPdusNameTheirFaultAndAbortReason() throws Exception {
        byte[] rq = FuzzTest.validRq("A");
        assertEquals(AAbort.UNRECOGNIZED_PDU, rejects(new byte[] {0x09, 0, 0, 0, 0, 4, 0, 0, 0, 0}).abortReason());
        assertEquals(AAbort.UNRECOGNIZED_PDU, rejects("GET / HTTP/1.1\r\n\r\n".getBytes()).abortReason());

        byte[] badRelease = {0x05, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0};
        PduFormatException x = rejects(badRelease);
        assertEquals(AAbort.INVALID_PDU_PARAMETER_VALUE, x.abortReason());
        assertTrue(x.getMessage().contains("A-RELEASE-RQ length 5"), x.getMessage());

        byte[] bigPData = FuzzTest.pdata(1, 3, new byte[16384], 16390);
        x = rejects(bigPData);
        assertTrue(x.getMessage().contains("exceeds the maximum length 16384"), x.getMessage());

        byte[] evenPc = FuzzTest.pdata(2, 3, new byte[10], 16);
        x = rejects(evenPc);
        assertEquals(10, x.offset());

        byte[] badItem = rq.clone();
        badItem[74 + 2] = (byte) 0xff; // application context item length far beyond the PDU
        x = rejects(badItem);
        assertEquals(AAbort.INVALID_PDU_PARAMETER_VALUE, x.abortReason());
        assertTrue(x.getMessage().contains("item 10H"), x.getMessage());

        byte[] unknownItem = rq.clone();
        unknownItem[74] = 0x33;
        assertEquals(AAbort.UNRECOGNIZED_PDU_PARAMETER, rejects(unknownItem).abortReason());

        byte[] truncated = Arrays.copyOf(rq, rq.length - 3);
        assertThrows(EOFException.class, () -> decode(truncated));
        assertNull(decode(new byte[0]), "clean close between PDUs");
        assertInstanceOf(AAbort.class, decode(new byte[] {7, 0, 0, 0, 0, 4, 0, 0, 2, 6}));
    }
}
