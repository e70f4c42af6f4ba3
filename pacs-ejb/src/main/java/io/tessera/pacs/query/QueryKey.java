package io.tessera.pacs.query;

import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import java.util.HashMap;
import java.util.Map;

/**
 * The keys of 001 Tables 27/28 (and a few more the index keeps): the level whose table holds each one, its column,
 * VR and how it is compared. Matching is PS3.4 C.2.2.2 through {@link io.tessera.dicom.text.MatchKey}; the SQL side
 * of it ({@link FindQuery}) only ever narrows to a superset of the matches, which the same MatchKey then decides.
 */
enum QueryKey {
    PATIENT_NAME(Tag.PatientName, VR.PN, QueryLevel.PATIENT, "patient_name", Type.PERSON_NAME),
    PATIENT_ID(Tag.PatientID, VR.LO, QueryLevel.PATIENT, "patient_id", Type.TEXT),
    ISSUER_OF_PATIENT_ID(Tag.IssuerOfPatientID, VR.LO, QueryLevel.PATIENT, "issuer_of_patient_id", Type.TEXT),
    PATIENT_BIRTH_DATE(Tag.PatientBirthDate, VR.DA, QueryLevel.PATIENT, "birth_date", Type.DATE),
    PATIENT_BIRTH_TIME(Tag.PatientBirthTime, VR.TM, QueryLevel.PATIENT, "birth_time", Type.TIME),
    PATIENT_SEX(Tag.PatientSex, VR.CS, QueryLevel.PATIENT, "sex", Type.TEXT),
    PATIENT_RELATED_STUDIES(Tag.NumberOfPatientRelatedStudies, VR.IS, QueryLevel.PATIENT, "num_studies", Type.COUNT),
    PATIENT_RELATED_SERIES(Tag.NumberOfPatientRelatedSeries, VR.IS, QueryLevel.PATIENT, "num_series", Type.COUNT),
    PATIENT_RELATED_INSTANCES(Tag.NumberOfPatientRelatedInstances, VR.IS, QueryLevel.PATIENT, "num_instances", Type.COUNT),

    STUDY_INSTANCE_UID(Tag.StudyInstanceUID, VR.UI, QueryLevel.STUDY, "study_instance_uid", Type.UID),
    STUDY_DATE(Tag.StudyDate, VR.DA, QueryLevel.STUDY, "study_date", Type.DATE),
    STUDY_TIME(Tag.StudyTime, VR.TM, QueryLevel.STUDY, "study_time", Type.TIME),
    ACCESSION_NUMBER(Tag.AccessionNumber, VR.SH, QueryLevel.STUDY, "accession_number", Type.TEXT),
    REFERRING_PHYSICIAN_NAME(Tag.ReferringPhysicianName, VR.PN, QueryLevel.STUDY, "referring_physician_name", Type.PERSON_NAME),
    STUDY_DESCRIPTION(Tag.StudyDescription, VR.LO, QueryLevel.STUDY, "study_description", Type.TEXT),
    STUDY_ID(Tag.StudyID, VR.SH, QueryLevel.STUDY, "study_id", Type.TEXT),
    PATIENT_AGE(Tag.PatientAge, VR.AS, QueryLevel.STUDY, "patient_age", Type.TEXT),
    PATIENT_SIZE(Tag.PatientSize, VR.DS, QueryLevel.STUDY, "patient_size", Type.DECIMAL),
    PATIENT_WEIGHT(Tag.PatientWeight, VR.DS, QueryLevel.STUDY, "patient_weight", Type.DECIMAL),
    MODALITIES_IN_STUDY(Tag.ModalitiesInStudy, VR.CS, QueryLevel.STUDY, "modalities_in_study", Type.MODALITIES),
    STUDY_RELATED_SERIES(Tag.NumberOfStudyRelatedSeries, VR.IS, QueryLevel.STUDY, "num_series", Type.COUNT),
    STUDY_RELATED_INSTANCES(Tag.NumberOfStudyRelatedInstances, VR.IS, QueryLevel.STUDY, "num_instances", Type.COUNT),

    SERIES_INSTANCE_UID(Tag.SeriesInstanceUID, VR.UI, QueryLevel.SERIES, "series_instance_uid", Type.UID),
    MODALITY(Tag.Modality, VR.CS, QueryLevel.SERIES, "modality", Type.TEXT),
    SERIES_NUMBER(Tag.SeriesNumber, VR.IS, QueryLevel.SERIES, "series_number", Type.INTEGER),
    SERIES_DATE(Tag.SeriesDate, VR.DA, QueryLevel.SERIES, "series_date", Type.DATE),
    SERIES_TIME(Tag.SeriesTime, VR.TM, QueryLevel.SERIES, "series_time", Type.TIME),
    BODY_PART_EXAMINED(Tag.BodyPartExamined, VR.CS, QueryLevel.SERIES, "body_part_examined", Type.TEXT),
    SERIES_DESCRIPTION(Tag.SeriesDescription, VR.LO, QueryLevel.SERIES, "series_description", Type.TEXT),
    SERIES_RELATED_INSTANCES(Tag.NumberOfSeriesRelatedInstances, VR.IS, QueryLevel.SERIES, "num_instances", Type.COUNT),

    SOP_INSTANCE_UID(Tag.SOPInstanceUID, VR.UI, QueryLevel.IMAGE, "sop_instance_uid", Type.UID),
    SOP_CLASS_UID(Tag.SOPClassUID, VR.UI, QueryLevel.IMAGE, "sop_class_uid", Type.UID),
    INSTANCE_NUMBER(Tag.InstanceNumber, VR.IS, QueryLevel.IMAGE, "instance_number", Type.INTEGER),
    INSTANCE_CREATION_DATE(Tag.InstanceCreationDate, VR.DA, QueryLevel.IMAGE, "instance_creation_date", Type.DATE),
    INSTANCE_CREATION_TIME(Tag.InstanceCreationTime, VR.TM, QueryLevel.IMAGE, "instance_creation_time", Type.TIME),
    OVERLAY_NUMBER(Tag.OverlayNumber, VR.IS, QueryLevel.IMAGE, "overlay_number", Type.INTEGER),
    CURVE_NUMBER(Tag.CurveNumber, VR.IS, QueryLevel.IMAGE, "curve_number", Type.INTEGER),
    LUT_NUMBER(Tag.LUTNumber, VR.IS, QueryLevel.IMAGE, "lut_number", Type.INTEGER),
    NUMBER_OF_FRAMES(Tag.NumberOfFrames, VR.IS, QueryLevel.IMAGE, "number_of_frames", Type.INTEGER),
    SAMPLES_PER_PIXEL(Tag.SamplesPerPixel, VR.US, QueryLevel.IMAGE, "samples_per_pixel", Type.INTEGER),
    ROWS(Tag.Rows, VR.US, QueryLevel.IMAGE, "pixel_rows", Type.INTEGER),
    COLUMNS(Tag.Columns, VR.US, QueryLevel.IMAGE, "pixel_columns", Type.INTEGER),
    BITS_ALLOCATED(Tag.BitsAllocated, VR.US, QueryLevel.IMAGE, "bits_allocated", Type.INTEGER),
    BITS_STORED(Tag.BitsStored, VR.US, QueryLevel.IMAGE, "bits_stored", Type.INTEGER),
    PIXEL_REPRESENTATION(Tag.PixelRepresentation, VR.US, QueryLevel.IMAGE, "pixel_representation", Type.INTEGER);

    /** How a key is stored and compared. */
    enum Type {
        /** LO, SH, CS, AS: "=" or LIKE in SQL. */
        TEXT,
        /** PN: decoded, all component groups "=" separated; SQL narrows by a substring, MatchKey decides per group. */
        PERSON_NAME,
        /** DA stored YYYYMMDD: range bounds in SQL. */
        DATE,
        /** TM stored as received: compared by MatchKey only (stored values are not normalized). */
        TIME,
        /** UI: IN (…) or LIKE. */
        UID,
        /** IS/US in an INTEGER column: "=" in SQL for a single value. */
        INTEGER,
        /** DS as received: compared by MatchKey only (numerically). */
        DECIMAL,
        /** The "Number of … Related …" counts: return keys only (matching on them is not supported: FF01). */
        COUNT,
        /** Modalities in Study: a study matches when one of its series' modality matches one of the key's values. */
        MODALITIES
    }

    private static final Map<Integer, QueryKey> BY_TAG = new HashMap<>();

    static {
        for (QueryKey k : values()) {
            BY_TAG.put(k.tag, k);
        }
    }

    final int tag;
    final VR vr;
    final QueryLevel level;
    final String column;
    final Type type;

    QueryKey(int tag, VR vr, QueryLevel level, String column, Type type) {
        this.tag = tag;
        this.vr = vr;
        this.level = level;
        this.column = column;
        this.type = type;
    }

    /** "st.study_date". */
    String qualifiedColumn() {
        return level.alias() + "." + column;
    }

    static QueryKey of(int tag) {
        return BY_TAG.get(tag);
    }

    /** The unique key of a level (PS3.4 C.6.1.1, C.6.2.1). */
    static QueryKey uniqueKeyOf(QueryLevel level) {
        return switch (level) {
            case PATIENT -> PATIENT_ID;
            case STUDY -> STUDY_INSTANCE_UID;
            case SERIES -> SERIES_INSTANCE_UID;
            case IMAGE -> SOP_INSTANCE_UID;
        };
    }
}
