package io.tessera.pacs.browse;

import java.io.Serializable;

/** A row of the study browser: the study and its patient (a JavaBean for the console, not an entity). */
public class StudyView implements Serializable {
    private static final long serialVersionUID = 1L;

    private String studyInstanceUid;
    private String patientName;
    private String patientId;
    private String birthDate;
    private String sex;
    private String studyDate;
    private String studyTime;
    private String accessionNumber;
    private String studyDescription;
    private String studyId;
    private String referringPhysicianName;
    private String modalitiesInStudy;
    private int numberOfSeries;
    private int numberOfInstances;

    public StudyView() {
    }

    public StudyView(String studyInstanceUid, String patientName, String patientId, String birthDate, String sex,
                     String studyDate, String studyTime, String accessionNumber, String studyDescription, String studyId,
                     String referringPhysicianName, String modalitiesInStudy, int numberOfSeries, int numberOfInstances) {
        this.studyInstanceUid = studyInstanceUid;
        this.patientName = patientName;
        this.patientId = patientId;
        this.birthDate = birthDate;
        this.sex = sex;
        this.studyDate = studyDate;
        this.studyTime = studyTime;
        this.accessionNumber = accessionNumber;
        this.studyDescription = studyDescription;
        this.studyId = studyId;
        this.referringPhysicianName = referringPhysicianName;
        this.modalitiesInStudy = modalitiesInStudy;
        this.numberOfSeries = numberOfSeries;
        this.numberOfInstances = numberOfInstances;
    }

    public String getStudyInstanceUid() {
        return studyInstanceUid;
    }

    public String getPatientName() {
        return patientName;
    }

    /** Patient's Name for people: the first component group with '^' as spaces and a comma after the family name. */
    public String getPatientNameDisplay() {
        return BrowseText.personName(patientName);
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

    public String getStudyDate() {
        return studyDate;
    }

    public String getStudyDateDisplay() {
        return BrowseText.date(studyDate);
    }

    public String getStudyTime() {
        return studyTime;
    }

    public String getAccessionNumber() {
        return accessionNumber;
    }

    public String getStudyDescription() {
        return studyDescription;
    }

    public String getStudyId() {
        return studyId;
    }

    public String getReferringPhysicianName() {
        return referringPhysicianName;
    }

    public String getModalitiesInStudy() {
        return modalitiesInStudy == null ? null : modalitiesInStudy.replace('\\', ' ');
    }

    public int getNumberOfSeries() {
        return numberOfSeries;
    }

    public int getNumberOfInstances() {
        return numberOfInstances;
    }
}
