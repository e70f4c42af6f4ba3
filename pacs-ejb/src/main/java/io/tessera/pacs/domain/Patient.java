package io.tessera.pacs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A patient of the index, identified by Patient ID and its issuer (db V3__index.sql). */
@Entity
@Table(name = "patient")
@NamedQuery(name = Patient.BY_ID, query = "SELECT p FROM Patient p WHERE p.patientId = :patientId AND p.issuer = :issuer")
public class Patient {
    public static final String BY_ID = "Patient.byId";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_id", nullable = false, length = 64)
    private String patientId;

    @Column(name = "issuer_of_patient_id", nullable = false, length = 64)
    private String issuer;

    @Column(name = "patient_name", length = 324)
    private String patientName;

    /** The name's component groups as C-FIND's Patient's Name matching searches them (db V5, MatchKey.personNameIndexKeys). */
    @Column(name = "name_key_alphabetic", length = 324)
    private String nameKeyAlphabetic;

    @Column(name = "name_key_ideographic", length = 324)
    private String nameKeyIdeographic;

    @Column(name = "name_key_phonetic", length = 324)
    private String nameKeyPhonetic;

    @Column(name = "birth_date", length = 8)
    private String birthDate;

    @Column(name = "birth_time", length = 16)
    private String birthTime;

    @Column(length = 16)
    private String sex;

    @Column(name = "num_studies", nullable = false, updatable = false) // counted by UPDATE … + 1 only (InstanceIndex)
    private int numberOfStudies;

    @Column(name = "num_series", nullable = false, updatable = false) // counted by UPDATE … + 1 only (InstanceIndex)
    private int numberOfSeries;

    @Column(name = "num_instances", nullable = false, updatable = false) // counted by UPDATE … + 1 only (InstanceIndex)
    private int numberOfInstances;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Patient() {
    }

    public Patient(String patientId, String issuer) {
        this.patientId = patientId;
        this.issuer = issuer;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getPatientId() {
        return patientId;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getPatientName() {
        return patientName;
    }

    public void setPatientName(String patientName) {
        this.patientName = patientName;
    }

    /** The index keys of {@code patientName}'s three component groups (null entries for empty groups). */
    public void setNameKeys(String[] keys) {
        this.nameKeyAlphabetic = keys[0];
        this.nameKeyIdeographic = keys[1];
        this.nameKeyPhonetic = keys[2];
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String birthDate) {
        this.birthDate = birthDate;
    }

    public String getBirthTime() {
        return birthTime;
    }

    public void setBirthTime(String birthTime) {
        this.birthTime = birthTime;
    }

    public String getSex() {
        return sex;
    }

    public void setSex(String sex) {
        this.sex = sex;
    }

    public int getNumberOfStudies() {
        return numberOfStudies;
    }

    public int getNumberOfSeries() {
        return numberOfSeries;
    }

    public int getNumberOfInstances() {
        return numberOfInstances;
    }

    public void touch() {
        this.updatedAt = Instant.now();
    }
}
