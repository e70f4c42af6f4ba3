package io.tessera.pacs.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.net.dimse.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetrieveIdentifierTest {

    private static Attributes keys(String level, Object... tagValue) {
        Attributes a = new Attributes();
        if (level != null) {
            a.setString(Tag.QueryRetrieveLevel, VR.CS, level);
        }
        for (int i = 0; i < tagValue.length; i += 2) {
            int tag = (Integer) tagValue[i];
            a.setString(tag, tag == Tag.PatientID ? VR.LO : VR.UI, ((String) tagValue[i + 1]).split("\\\\"));
        }
        return a;
    }

    @Test
    void studyLevelWithAUidList() throws RetrieveFailure {
        RetrieveIdentifier id = RetrieveIdentifier.parse(UID.MOVEStudyRootQueryRetrieveInformationModel,
                keys("STUDY", Tag.StudyInstanceUID, "1.2.3\\1.2.4", Tag.SeriesInstanceUID, "9.9"));
        assertEquals(RetrieveIdentifier.Level.STUDY, id.level());
        assertEquals(List.of("1.2.3", "1.2.4"), id.studyUids());
        assertEquals(List.of(), id.seriesUids(), "keys below the level are ignored");
        assertNull(id.patientId(), "Study Root has no patient level");
    }

    @Test
    void patientRootImageLevelKeepsTheKeysAbove() throws RetrieveFailure {
        RetrieveIdentifier id = RetrieveIdentifier.parse(UID.GETPatientRootQueryRetrieveInformationModel,
                keys("IMAGE", Tag.PatientID, "P1", Tag.StudyInstanceUID, "1.2", Tag.SeriesInstanceUID, "1.3",
                        Tag.SOPInstanceUID, "1.4\\1.5"));
        assertEquals("P1", id.patientId());
        assertEquals(List.of("1.2"), id.studyUids());
        assertEquals(List.of("1.3"), id.seriesUids());
        assertEquals(List.of("1.4", "1.5"), id.sopInstanceUids());
    }

    @Test
    void whatDoesNotMatchTheModelIsA900() {
        for (Attributes k : List.of(keys(null, Tag.StudyInstanceUID, "1.2"), keys("FRAME", Tag.StudyInstanceUID, "1.2"),
                keys("STUDY"), keys("STUDY", Tag.StudyInstanceUID, "1.2*"), keys("PATIENT", Tag.PatientID, "P1"))) {
            RetrieveFailure f = assertThrows(RetrieveFailure.class,
                    () -> RetrieveIdentifier.parse(UID.MOVEStudyRootQueryRetrieveInformationModel, k), k.toString());
            assertEquals(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, f.status());
        }
        assertThrows(RetrieveFailure.class, () -> RetrieveIdentifier.parse(
                UID.RETIRED_MOVEPatientStudyOnlyQueryRetrieveInformationModel, keys("SERIES", Tag.PatientID, "P",
                        Tag.StudyInstanceUID, "1", Tag.SeriesInstanceUID, "2")));
    }
}
