package io.tessera.pacs.query;

import io.tessera.dicom.data.UID;
import java.util.EnumSet;
import java.util.Set;

/** The three C-FIND information models of 001 Table 25 and the levels each one has (PS3.4 C.6.1–C.6.3). */
public enum InformationModel {
    PATIENT_ROOT(UID.FINDPatientRootQueryRetrieveInformationModel, QueryLevel.PATIENT,
            EnumSet.of(QueryLevel.PATIENT, QueryLevel.STUDY, QueryLevel.SERIES, QueryLevel.IMAGE)),
    STUDY_ROOT(UID.FINDStudyRootQueryRetrieveInformationModel, QueryLevel.STUDY,
            EnumSet.of(QueryLevel.STUDY, QueryLevel.SERIES, QueryLevel.IMAGE)),
    PATIENT_STUDY_ONLY(UID.RETIRED_FINDPatientStudyOnlyQueryRetrieveInformationModel, QueryLevel.PATIENT,
            EnumSet.of(QueryLevel.PATIENT, QueryLevel.STUDY));

    private final String findSopClass;
    private final QueryLevel root;
    private final Set<QueryLevel> levels;

    InformationModel(String findSopClass, QueryLevel root, Set<QueryLevel> levels) {
        this.findSopClass = findSopClass;
        this.root = root;
        this.levels = levels;
    }

    public String findSopClass() {
        return findSopClass;
    }

    /** The top level: PATIENT, or STUDY for Study Root (whose study level carries the patient's attributes). */
    public QueryLevel root() {
        return root;
    }

    public boolean hasLevel(QueryLevel level) {
        return levels.contains(level);
    }

    public Set<QueryLevel> levels() {
        return levels;
    }

    /** The model of a C-FIND SOP class, or null when it is none of ours. */
    public static InformationModel ofFind(String sopClass) {
        for (InformationModel m : values()) {
            if (m.findSopClass.equals(sopClass)) {
                return m;
            }
        }
        return null;
    }
}
