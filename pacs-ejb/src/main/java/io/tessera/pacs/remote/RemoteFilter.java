package io.tessera.pacs.remote;

import java.io.Serializable;

/**
 * The remote query page's filters (issue 8, the browser's filters): patient name with * and ? wildcards, patient ID,
 * accession number, study date range, modality. Empty fields are return keys only.
 */
public class RemoteFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private String patientName;
    private String patientId;
    private String accessionNumber;
    private String studyDateFrom;
    private String studyDateTo;
    private String modality;

    public String getPatientName() {
        return patientName;
    }

    public void setPatientName(String patientName) {
        this.patientName = patientName;
    }

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
    }

    public String getAccessionNumber() {
        return accessionNumber;
    }

    public void setAccessionNumber(String accessionNumber) {
        this.accessionNumber = accessionNumber;
    }

    public String getStudyDateFrom() {
        return studyDateFrom;
    }

    public void setStudyDateFrom(String studyDateFrom) {
        this.studyDateFrom = studyDateFrom;
    }

    public String getStudyDateTo() {
        return studyDateTo;
    }

    public void setStudyDateTo(String studyDateTo) {
        this.studyDateTo = studyDateTo;
    }

    public String getModality() {
        return modality;
    }

    public void setModality(String modality) {
        this.modality = modality;
    }
}
