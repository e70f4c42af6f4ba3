package io.tessera.pacs.browse;

import java.io.Serializable;

/**
 * What the console's study browser filters by; empty fields do not filter. Patient's Name takes {@code *} and
 * {@code ?} wildcards and matches without regard to case (a name without wildcards matches names that start with
 * it); the other text fields match exactly; the study date range is inclusive, either end may be open (YYYYMMDD).
 * The remote query page sends the same filters as C-FIND keys (io.tessera.pacs.remote); Source AE has no key there.
 */
public class StudyFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private String patientName;
    private String patientId;
    private String accessionNumber;
    private String studyDateFrom;
    private String studyDateTo;
    private String modality;
    private String sourceAe;

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

    public String getSourceAe() {
        return sourceAe;
    }

    public void setSourceAe(String sourceAe) {
        this.sourceAe = sourceAe;
    }
}
