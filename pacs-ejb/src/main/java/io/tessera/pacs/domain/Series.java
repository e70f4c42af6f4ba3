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

/** A series of the index (db V3__index.sql). */
@Entity
@Table(name = "series")
@NamedQuery(name = Series.BY_UID, query = "SELECT s FROM Series s WHERE s.seriesInstanceUid = :uid")
@NamedQuery(name = Series.MODALITIES_OF_STUDY,
        query = "SELECT DISTINCT s.modality FROM Series s WHERE s.study = :study AND s.modality IS NOT NULL ORDER BY s.modality")
public class Series {
    public static final String BY_UID = "Series.byUid";
    public static final String MODALITIES_OF_STUDY = "Series.modalitiesOfStudy";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "study_fk")
    private Study study;

    @Column(name = "series_instance_uid", nullable = false, length = 64)
    private String seriesInstanceUid;

    @Column(length = 16)
    private String modality;

    @Column(name = "series_number")
    private Integer seriesNumber;

    @Column(name = "series_date", length = 8)
    private String seriesDate;

    @Column(name = "series_time", length = 16)
    private String seriesTime;

    @Column(name = "body_part_examined", length = 16)
    private String bodyPartExamined;

    @Column(name = "series_description", length = 64)
    private String seriesDescription;

    @Column(name = "source_ae", length = 16)
    private String sourceAe;

    @Column(name = "num_instances", nullable = false, updatable = false) // counted by UPDATE … + 1 only (InstanceIndex)
    private int numberOfInstances;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Series() {
    }

    public Series(Study study, String seriesInstanceUid) {
        this.study = study;
        this.seriesInstanceUid = seriesInstanceUid;
        this.receivedAt = Instant.now();
        this.updatedAt = receivedAt;
    }

    public Long getId() {
        return id;
    }

    public Study getStudy() {
        return study;
    }

    public String getSeriesInstanceUid() {
        return seriesInstanceUid;
    }

    public String getModality() {
        return modality;
    }

    public void setModality(String modality) {
        this.modality = modality;
    }

    public Integer getSeriesNumber() {
        return seriesNumber;
    }

    public void setSeriesNumber(Integer seriesNumber) {
        this.seriesNumber = seriesNumber;
    }

    public String getSeriesDate() {
        return seriesDate;
    }

    public void setSeriesDate(String seriesDate) {
        this.seriesDate = seriesDate;
    }

    public String getSeriesTime() {
        return seriesTime;
    }

    public void setSeriesTime(String seriesTime) {
        this.seriesTime = seriesTime;
    }

    public String getBodyPartExamined() {
        return bodyPartExamined;
    }

    public void setBodyPartExamined(String bodyPartExamined) {
        this.bodyPartExamined = bodyPartExamined;
    }

    public String getSeriesDescription() {
        return seriesDescription;
    }

    public void setSeriesDescription(String seriesDescription) {
        this.seriesDescription = seriesDescription;
    }

    public String getSourceAe() {
        return sourceAe;
    }

    public void setSourceAe(String sourceAe) {
        this.sourceAe = sourceAe;
    }

    public int getNumberOfInstances() {
        return numberOfInstances;
    }

    public void touch() {
        this.updatedAt = Instant.now();
    }
}
