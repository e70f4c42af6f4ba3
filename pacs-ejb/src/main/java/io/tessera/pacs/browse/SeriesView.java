package io.tessera.pacs.browse;

import java.io.Serializable;

/** A series of a study, for the console. */
public class SeriesView implements Serializable {
    private static final long serialVersionUID = 1L;

    private String seriesInstanceUid;
    private String modality;
    private Integer seriesNumber;
    private String seriesDate;
    private String bodyPartExamined;
    private String seriesDescription;
    private String sourceAe;
    private int numberOfInstances;

    public SeriesView() {
    }

    public SeriesView(String seriesInstanceUid, String modality, Integer seriesNumber, String seriesDate,
                      String bodyPartExamined, String seriesDescription, String sourceAe, int numberOfInstances) {
        this.seriesInstanceUid = seriesInstanceUid;
        this.modality = modality;
        this.seriesNumber = seriesNumber;
        this.seriesDate = seriesDate;
        this.bodyPartExamined = bodyPartExamined;
        this.seriesDescription = seriesDescription;
        this.sourceAe = sourceAe;
        this.numberOfInstances = numberOfInstances;
    }

    public String getSeriesInstanceUid() {
        return seriesInstanceUid;
    }

    public String getModality() {
        return modality;
    }

    public Integer getSeriesNumber() {
        return seriesNumber;
    }

    public String getSeriesDate() {
        return seriesDate;
    }

    public String getBodyPartExamined() {
        return bodyPartExamined;
    }

    public String getSeriesDescription() {
        return seriesDescription;
    }

    public String getSourceAe() {
        return sourceAe;
    }

    public int getNumberOfInstances() {
        return numberOfInstances;
    }
}
