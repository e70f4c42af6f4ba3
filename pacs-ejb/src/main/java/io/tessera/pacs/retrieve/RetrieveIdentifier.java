package io.tessera.pacs.retrieve;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.net.dimse.DimseRequest;
import io.tessera.dicom.net.dimse.Status;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The identifier of a C-MOVE or C-GET (PS3.4 C.4.2.2.1, C.4.3.2.1): the Query/Retrieve Level and the unique keys
 * at and above it — Patient ID, Study, Series and SOP Instance UIDs, each level's UIDs possibly a list. Keys below
 * the level are ignored; keys above it narrow the match (the relational retrieval the adapter negotiates lets them
 * be left out).
 */
public record RetrieveIdentifier(Level level, String patientId, List<String> studyUids, List<String> seriesUids,
                                 List<String> sopInstanceUids) {

    /** Query/Retrieve Level (0008,0052). */
    public enum Level { PATIENT, STUDY, SERIES, IMAGE }

    private static final Set<String> PATIENT_ROOT = Set.of(UID.MOVEPatientRootQueryRetrieveInformationModel,
            UID.GETPatientRootQueryRetrieveInformationModel);
    private static final Set<String> STUDY_ROOT = Set.of(UID.MOVEStudyRootQueryRetrieveInformationModel,
            UID.GETStudyRootQueryRetrieveInformationModel);
    private static final Set<String> PATIENT_STUDY_ONLY = Set.of(
            UID.RETIRED_MOVEPatientStudyOnlyQueryRetrieveInformationModel,
            UID.RETIRED_GETPatientStudyOnlyQueryRetrieveInformationModel);

    /** The request's identifier; C000 (001 Table 30) when it cannot be parsed. */
    public static Attributes read(DimseRequest rq) throws RetrieveFailure {
        try {
            return rq.readDataSet();
        } catch (IOException e) {
            throw new RetrieveFailure(Status.UNABLE_TO_PROCESS, "Unable to process: the identifier cannot be parsed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads the identifier of a request on {@code sopClass}; A900 (001 Table 30) when the level is missing, not one
     * of the model's levels, or its unique key is missing, or a unique key holds a wildcard.
     */
    public static RetrieveIdentifier parse(String sopClass, Attributes keys) throws RetrieveFailure {
        if (keys == null) {
            throw invalid("no identifier");
        }
        String levelName = keys.getString(Tag.QueryRetrieveLevel);
        if (levelName == null || levelName.isBlank()) {
            throw invalid("Query/Retrieve Level (0008,0052) missing");
        }
        Level level;
        try {
            level = Level.valueOf(levelName.trim());
        } catch (IllegalArgumentException e) {
            throw invalid("Query/Retrieve Level " + levelName + " is not PATIENT, STUDY, SERIES or IMAGE");
        }
        boolean patientLevels = !STUDY_ROOT.contains(sopClass);
        if (STUDY_ROOT.contains(sopClass) && level == Level.PATIENT) {
            throw invalid("the Study Root model has no PATIENT level");
        }
        if (PATIENT_STUDY_ONLY.contains(sopClass) && (level == Level.SERIES || level == Level.IMAGE)) {
            throw invalid("the Patient/Study Only model has no " + level + " level");
        }
        if (!PATIENT_ROOT.contains(sopClass) && !STUDY_ROOT.contains(sopClass) && !PATIENT_STUDY_ONLY.contains(sopClass)) {
            throw invalid(sopClass + " is not a MOVE or GET information model");
        }
        String patientId = null;
        if (patientLevels) {
            String[] ids = values(keys, Tag.PatientID, "Patient ID");
            if (ids.length > 1) {
                throw invalid("Patient ID must be a single value");
            }
            patientId = ids.length == 1 ? ids[0] : null;
        }
        List<String> studies = level.compareTo(Level.STUDY) >= 0
                ? List.of(values(keys, Tag.StudyInstanceUID, "Study Instance UID")) : List.of();
        List<String> series = level.compareTo(Level.SERIES) >= 0
                ? List.of(values(keys, Tag.SeriesInstanceUID, "Series Instance UID")) : List.of();
        List<String> instances = level == Level.IMAGE
                ? List.of(values(keys, Tag.SOPInstanceUID, "SOP Instance UID")) : List.of();
        boolean missing = switch (level) {
            case PATIENT -> patientId == null;
            case STUDY -> studies.isEmpty();
            case SERIES -> series.isEmpty();
            case IMAGE -> instances.isEmpty();
        };
        if (missing) {
            throw invalid("the unique key of the " + level + " level is missing or empty");
        }
        return new RetrieveIdentifier(level, patientId, studies, series, instances);
    }

    /** The non-empty values of a unique key; wildcards are not allowed there (PS3.4 C.4.2.2.1). */
    private static String[] values(Attributes keys, int tag, String name) throws RetrieveFailure {
        String[] v = keys.getStrings(tag);
        if (v == null) {
            return new String[0];
        }
        String[] values = Arrays.stream(v).filter(s -> s != null && !s.isBlank()).map(String::trim)
                .toArray(String[]::new);
        for (String s : values) {
            if (s.indexOf('*') >= 0 || s.indexOf('?') >= 0) {
                throw invalid(name + " " + s + ": no wildcards in the unique keys of a retrieve");
            }
        }
        return values;
    }

    private static RetrieveFailure invalid(String why) {
        return new RetrieveFailure(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, why);
    }
}
