package io.tessera.pacs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A study of the index (db V3__index.sql); the C-FIND study-level keys of 001 Tables 27/28 are columns. */
@Entity
@Table(name = "study")
@NamedQuery(name = Study.BY_UID, query = "SELECT s FROM Study s WHERE s.studyInstanceUid = :uid")
public class Study {
    public static final String BY_UID = "Study.byUid";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_fk")
    private Patient patient;

    @Column(name = "study_instance_uid", nullable = false, length = 64)
    private String studyInstanceUid;

    @Column(name = "study_date", length = 8)
    private String studyDate;

    @Column(name = "study_time", length = 16)
    private String studyTime;

    @Column(name = "accession_number", length = 16)
    private String accessionNumber;

    @Column(name = "referring_physician_name", length = 324)
    private String referringPhysicianName;

    @Column(name = "study_description", length = 64)
    private String studyDescription;

    @Column(name = "study_id", length = 16)
    private String studyId;

    @Column(name = "patient_age", length = 4)
    private String patientAge;

    @Column(name = "patient_size", length = 16)
    private String patientSize;

    @Column(name = "patient_weight", length = 16)
    private String patientWeight;

    @Column(name = "modalities_in_study", length = 256)
    private String modalitiesInStudy;

    @Column(name = "specific_character_set", length = 128)
    private String specificCharacterSet;

    @Column(name = "num_series", nullable = false, updatable = false) // counted by UPDATE … + 1 only (InstanceIndex)
    private int numberOfSeries;

    @Column(name = "num_instances", nullable = false, updatable = false) // counted by UPDATE … + 1 only (InstanceIndex)
    private int numberOfInstances;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Study() {
    }

    public Study(Patient patient, String studyInstanceUid) {
        this.patient = patient;
        this.studyInstanceUid = studyInstanceUid;
        this.receivedAt = Instant.now();
        this.updatedAt = receivedAt;
    }

    public Long getId() {
        return id;
    }

    public Patient getPatient() {
        return patient;
    }

    public String getStudyInstanceUid() {
        return studyInstanceUid;
    }

    public String getStudyDate() {
        return studyDate;
    }

    public void setStudyDate(String studyDate) {
        this.studyDate = studyDate;
    }

    public String getStudyTime() {
        return studyTime;
    }

    public void setStudyTime(String studyTime) {
        this.studyTime = studyTime;
    }

    public String getAccessionNumber() {
        return accessionNumber;
    }

    public void setAccessionNumber(String accessionNumber) {
        this.accessionNumber = accessionNumber;
    }

    public String getReferringPhysicianName() {
        return referringPhysicianName;
    }

    public void setReferringPhysicianName(String referringPhysicianName) {
        this.referringPhysicianName = referringPhysicianName;
    }

    public String getStudyDescription() {
        return studyDescription;
    }

    public void setStudyDescription(String studyDescription) {
        this.studyDescription = studyDescription;
    }

    public String getStudyId() {
        return studyId;
    }

    public void setStudyId(String studyId) {
        this.studyId = studyId;
    }

    public String getPatientAge() {
        return patientAge;
    }

    public void setPatientAge(String patientAge) {
        this.patientAge = patientAge;
    }

    public String getPatientSize() {
        return patientSize;
    }

    public void setPatientSize(String patientSize) {
        this.patientSize = patientSize;
    }

    public String getPatientWeight() {
        return patientWeight;
    }

    public void setPatientWeight(String patientWeight) {
        this.patientWeight = patientWeight;
    }

    public String getModalitiesInStudy() {
        return modalitiesInStudy;
    }

    public void setModalitiesInStudy(String modalitiesInStudy) {
        this.modalitiesInStudy = modalitiesInStudy;
    }

    public String getSpecificCharacterSet() {
        return specificCharacterSet;
    }

    public void setSpecificCharacterSet(String specificCharacterSet) {
        this.specificCharacterSet = specificCharacterSet;
    }

    public int getNumberOfSeries() {
        return numberOfSeries;
    }

    public int getNumberOfInstances() {
        return numberOfInstances;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public void touch() {
        this.updatedAt = Instant.now();
    }
}
