package io.tessera.pacs.browse;

import java.io.Serializable;

/** A stored instance, for the console: what it is, its image size and frames, where it came from. */
public class InstanceView implements Serializable {
    private static final long serialVersionUID = 1L;

    private String sopInstanceUid;
    private String sopClassUid;
    private Integer instanceNumber;
    private Integer rows;
    private Integer columns;
    private Integer numberOfFrames;
    private String transferSyntaxUid;
    private long fileSize;
    private String sourceAe;
    private String seriesInstanceUid;
    private String studyInstanceUid;

    public InstanceView() {
    }

    public InstanceView(String sopInstanceUid, String sopClassUid, Integer instanceNumber, Integer rows, Integer columns,
                        Integer numberOfFrames, String transferSyntaxUid, long fileSize, String sourceAe,
                        String seriesInstanceUid, String studyInstanceUid) {
        this.sopInstanceUid = sopInstanceUid;
        this.sopClassUid = sopClassUid;
        this.instanceNumber = instanceNumber;
        this.rows = rows;
        this.columns = columns;
        this.numberOfFrames = numberOfFrames;
        this.transferSyntaxUid = transferSyntaxUid;
        this.fileSize = fileSize;
        this.sourceAe = sourceAe;
        this.seriesInstanceUid = seriesInstanceUid;
        this.studyInstanceUid = studyInstanceUid;
    }

    public String getSopInstanceUid() {
        return sopInstanceUid;
    }

    public String getSopClassUid() {
        return sopClassUid;
    }

    public Integer getInstanceNumber() {
        return instanceNumber;
    }

    public Integer getRows() {
        return rows;
    }

    public Integer getColumns() {
        return columns;
    }

    /** Number of Frames, 1 when the object has none. */
    public int getFrames() {
        return numberOfFrames == null || numberOfFrames < 1 ? 1 : numberOfFrames;
    }

    /** True for objects with pixel data the viewer can show (Rows and Columns are indexed). */
    public boolean isImage() {
        return rows != null && columns != null && rows > 0 && columns > 0;
    }

    /** True for Structured Reports, which the console shows as a document. */
    public boolean isStructuredReport() {
        return StructuredReports.isStructuredReport(sopClassUid);
    }

    public String getTransferSyntaxUid() {
        return transferSyntaxUid;
    }

    public long getFileSize() {
        return fileSize;
    }

    public String getSourceAe() {
        return sourceAe;
    }

    public String getSeriesInstanceUid() {
        return seriesInstanceUid;
    }

    public String getStudyInstanceUid() {
        return studyInstanceUid;
    }
}
