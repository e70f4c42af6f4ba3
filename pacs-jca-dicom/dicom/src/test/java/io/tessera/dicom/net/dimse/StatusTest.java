package io.tessera.dicom.net.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import org.junit.jupiter.api.Test;

/** Status classes of PS3.7 Annex C and the response fields PS3.7 §9.3/§10.3 require. */
class StatusTest {

    @Test
    void statusClassesFollowPs37AnnexC() {
        assertEquals(Status.Kind.SUCCESS, Status.kindOf(0x0000));
        for (int s : new int[] {0xFF00, 0xFF01}) {
            assertEquals(Status.Kind.PENDING, Status.kindOf(s));
        }
        assertEquals(Status.Kind.CANCEL, Status.kindOf(0xFE00));
        for (int s : new int[] {0x0001, 0x0107, 0x0116, 0xB000, 0xB006, 0xB007}) {
            assertEquals(Status.Kind.WARNING, Status.kindOf(s), Integer.toHexString(s));
        }
        for (int s : new int[] {0x0105, 0x0110, 0x0122, 0x0124, 0x0210, 0x0211, 0xA700, 0xA801, 0xA900, 0xC000, 0xC123}) {
            assertEquals(Status.Kind.FAILURE, Status.kindOf(s), Integer.toHexString(s));
        }
        assertTrue(Status.meaning(0xA801).contains("move destination unknown"));
        assertTrue(Status.meaning(0xC042).contains("C042"));
    }

    @Test
    void responsesCarryWhatTheStandardRequires() {
        Attributes rq = Commands.cStoreRq(7, UID.CTImageStorage, "2.25.5", Dimse.PRIORITY_HIGH, "MOVER", 3);
        Attributes rsp = Commands.response(rq, Status.SUCCESS, false);
        assertEquals(Dimse.C_STORE_RSP, rsp.getInt(Tag.CommandField, 0));
        assertEquals(7, rsp.getInt(Tag.MessageIDBeingRespondedTo, 0));
        assertEquals(UID.CTImageStorage, rsp.getString(Tag.AffectedSOPClassUID));
        assertEquals("2.25.5", rsp.getString(Tag.AffectedSOPInstanceUID));
        assertEquals(Dimse.NO_DATA_SET, rsp.getInt(Tag.CommandDataSetType, 0));

        Attributes nget = Commands.nGetRq(9, UID.VerificationSOPClass, "2.25.6", Tag.PatientName);
        Attributes ngetRsp = Commands.response(nget, Status.SUCCESS, true);
        // PS3.7 §10.3.2: Requested SOP Class/Instance of the request become Affected in the response
        assertEquals(UID.VerificationSOPClass, ngetRsp.getString(Tag.AffectedSOPClassUID));
        assertEquals("2.25.6", ngetRsp.getString(Tag.AffectedSOPInstanceUID));
        assertTrue(Commands.hasDataSet(ngetRsp));

        Attributes find = Commands.response(Commands.cFindRq(2, UID.FINDStudyRootQueryRetrieveInformationModel, 0),
                Status.PENDING, true);
        assertEquals(null, find.getString(Tag.AffectedSOPInstanceUID));
        Attributes comment = Commands.errorComment(new Attributes(), "x".repeat(100) + "\\y");
        assertEquals(64, comment.getString(Tag.ErrorComment).length(), "LO holds 64 characters");
    }
}
