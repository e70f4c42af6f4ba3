package io.tessera.pacs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A stored SOP instance and its file (db V3__index.sql): where it is, how big, in which transfer syntax and format,
 * its SHA-256, who sent it and when.
 */
@Entity
@Table(name = "instance")
@NamedQuery(name = Instance.BY_UID, query = "SELECT i FROM Instance i WHERE i.sopInstanceUid = :uid")
@NamedQuery(name = Instance.FILES_IN_AREA, query = "SELECT i.filePath FROM Instance i WHERE i.storageArea = :area")
public class Instance {
    public static final String BY_UID = "Instance.byUid";
    public static final String FILES_IN_AREA = "Instance.filesInArea";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "series_fk")
    private Series series;

    @Column(name = "sop_instance_uid", nullable = false, length = 64)
    private String sopInstanceUid;

    @Column(name = "sop_class_uid", nullable = false, length = 64)
    private String sopClassUid;

    @Column(name = "instance_number")
    private Integer instanceNumber;

    @Column(name = "instance_creation_date", length = 8)
    private String instanceCreationDate;

    @Column(name = "instance_creation_time", length = 16)
    private String instanceCreationTime;

    @Column(name = "samples_per_pixel")
    private Integer samplesPerPixel;

    @Column(name = "pixel_rows")
    private Integer rows;

    @Column(name = "pixel_columns")
    private Integer columns;

    @Column(name = "bits_allocated")
    private Integer bitsAllocated;

    @Column(name = "bits_stored")
    private Integer bitsStored;

    @Column(name = "pixel_representation")
    private Integer pixelRepresentation;

    @Column(name = "number_of_frames")
    private Integer numberOfFrames;

    @Column(name = "overlay_number")
    private Integer overlayNumber;

    @Column(name = "curve_number")
    private Integer curveNumber;

    @Column(name = "lut_number")
    private Integer lutNumber;

    @Column(name = "storage_area", nullable = false, length = 1024)
    private String storageArea;

    @Column(name = "file_path", nullable = false, length = 1024)
    private String filePath;

    @Column(name = "file_size", nullable = false)
    private long fileSize;

    @Enumerated(EnumType.STRING)
    @Column(name = "storage_format", nullable = false, length = 8)
    private StorageFormat storageFormat;

    @Column(name = "transfer_syntax_uid", nullable = false, length = 64)
    private String transferSyntaxUid;

    @Column(nullable = false, length = 64)
    private String digest;

    @Column(name = "source_ae", length = 16)
    private String sourceAe;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected Instance() {
    }

    public Instance(Series series, String sopInstanceUid, String sopClassUid) {
        this.series = series;
        this.sopInstanceUid = sopInstanceUid;
        this.sopClassUid = sopClassUid;
        this.receivedAt = Instant.now();
    }

    /** The file of this instance. */
    public Path file() {
        return Path.of(storageArea).resolve(filePath);
    }

    /** Points the instance at a newly written file (a new instance, or a replacement of a duplicate). */
    public void setFile(String storageArea, String filePath, long fileSize, StorageFormat format,
                        String transferSyntaxUid, String digest, String sourceAe) {
        this.storageArea = storageArea;
        this.filePath = filePath;
        this.fileSize = fileSize;
        this.storageFormat = format;
        this.transferSyntaxUid = transferSyntaxUid;
        this.digest = digest;
        this.sourceAe = sourceAe;
        this.receivedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Series getSeries() {
        return series;
    }

    public void setSeries(Series series) {
        this.series = series;
    }

    public String getSopInstanceUid() {
        return sopInstanceUid;
    }

    public String getSopClassUid() {
        return sopClassUid;
    }

    public void setSopClassUid(String sopClassUid) {
        this.sopClassUid = sopClassUid;
    }

    public Integer getInstanceNumber() {
        return instanceNumber;
    }

    public void setInstanceNumber(Integer instanceNumber) {
        this.instanceNumber = instanceNumber;
    }

    public String getInstanceCreationDate() {
        return instanceCreationDate;
    }

    public void setInstanceCreationDate(String instanceCreationDate) {
        this.instanceCreationDate = instanceCreationDate;
    }

    public String getInstanceCreationTime() {
        return instanceCreationTime;
    }

    public void setInstanceCreationTime(String instanceCreationTime) {
        this.instanceCreationTime = instanceCreationTime;
    }

    public Integer getSamplesPerPixel() {
        return samplesPerPixel;
    }

    public void setSamplesPerPixel(Integer samplesPerPixel) {
        this.samplesPerPixel = samplesPerPixel;
    }

    public Integer getRows() {
        return rows;
    }

    public void setRows(Integer rows) {
        this.rows = rows;
    }

    public Integer getColumns() {
        return columns;
    }

    public void setColumns(Integer columns) {
        this.columns = columns;
    }

    public Integer getBitsAllocated() {
        return bitsAllocated;
    }

    public void setBitsAllocated(Integer bitsAllocated) {
        this.bitsAllocated = bitsAllocated;
    }

    public Integer getBitsStored() {
        return bitsStored;
    }

    public void setBitsStored(Integer bitsStored) {
        this.bitsStored = bitsStored;
    }

    public Integer getPixelRepresentation() {
        return pixelRepresentation;
    }

    public void setPixelRepresentation(Integer pixelRepresentation) {
        this.pixelRepresentation = pixelRepresentation;
    }

    public Integer getNumberOfFrames() {
        return numberOfFrames;
    }

    public void setNumberOfFrames(Integer numberOfFrames) {
        this.numberOfFrames = numberOfFrames;
    }

    public Integer getOverlayNumber() {
        return overlayNumber;
    }

    public void setOverlayNumber(Integer overlayNumber) {
        this.overlayNumber = overlayNumber;
    }

    public Integer getCurveNumber() {
        return curveNumber;
    }

    public void setCurveNumber(Integer curveNumber) {
        this.curveNumber = curveNumber;
    }

    public Integer getLutNumber() {
        return lutNumber;
    }

    public void setLutNumber(Integer lutNumber) {
        this.lutNumber = lutNumber;
    }

    public String getStorageArea() {
        return storageArea;
    }

    public String getFilePath() {
        return filePath;
    }

    public long getFileSize() {
        return fileSize;
    }

    public StorageFormat getStorageFormat() {
        return storageFormat;
    }

    public String getTransferSyntaxUid() {
        return transferSyntaxUid;
    }

    public String getDigest() {
        return digest;
    }

    public String getSourceAe() {
        return sourceAe;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
