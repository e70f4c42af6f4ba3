package io.tessera.pacs.remote;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import java.io.Serializable;

/** One study-level C-FIND match from a remote AE, as the page shows it. */
public class RemoteStudy implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String studyInstanceUid;
    private final String patientName;
    private final String patientId;
    private final String studyDate;
    private final String accessionNumber;
    private final String description;
    private final String modalities;
    private final String numberOfInstances;

    RemoteStudy(Attributes a) {
        studyInstanceUid = a.getString(Tag.StudyInstanceUID);
        patientName = name(a.getString(Tag.PatientName));
        patientId = a.getString(Tag.PatientID);
        studyDate = date(a.getString(Tag.StudyDate));
        accessionNumber = a.getString(Tag.AccessionNumber);
        description = a.getString(Tag.StudyDescription);
        String[] m = a.getStrings(Tag.ModalitiesInStudy);
        modalities = m == null ? null : String.join(", ", m);
        numberOfInstances = a.getString(Tag.NumberOfStudyRelatedInstances);
    }

    /** Family^Given^Middle as "Family, Given Middle" would lose information; shown as sent, ^ as a space. */
    static String name(String pn) {
        return pn == null ? null : pn.replace('^', ' ').strip();
    }

    static String date(String da) {
        if (da != null && da.length() == 8 && da.chars().allMatch(Character::isDigit)) {
            return da.substring(0, 4) + "-" + da.substring(4, 6) + "-" + da.substring(6);
        }
        return da;
    }

    public String getStudyInstanceUid() {
        return studyInstanceUid;
    }

    public String getPatientName() {
        return patientName;
    }

    public String getPatientId() {
        return patientId;
    }

    public String getStudyDate() {
        return studyDate;
    }

    public String getAccessionNumber() {
        return accessionNumber;
    }

    public String getDescription() {
        return description;
    }

    public String getModalities() {
        return modalities;
    }

    public String getNumberOfInstances() {
        return numberOfInstances;
    }
}
