package io.tessera.pacs.remote;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import java.io.Serializable;

/** One patient-level C-FIND match from a remote AE. */
public class RemotePatient implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String patientName;
    private final String patientId;
    private final String birthDate;
    private final String sex;
    private final String numberOfStudies;

    RemotePatient(Attributes a) {
        patientName = RemoteStudy.name(a.getString(Tag.PatientName));
        patientId = a.getString(Tag.PatientID);
        birthDate = RemoteStudy.date(a.getString(Tag.PatientBirthDate));
        sex = a.getString(Tag.PatientSex);
        numberOfStudies = a.getString(Tag.NumberOfPatientRelatedStudies);
    }

    public String getPatientName() {
        return patientName;
    }

    public String getPatientId() {
        return patientId;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public String getSex() {
        return sex;
    }

    public String getNumberOfStudies() {
        return numberOfStudies;
    }
}
