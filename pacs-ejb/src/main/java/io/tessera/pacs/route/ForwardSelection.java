package io.tessera.pacs.route;

import java.io.Serializable;
import java.util.List;

/**
 * What a user forwards (001 §3.3.4.1: "one or more patient(s), study(s) or series"): Patient IDs (every issuer),
 * Study Instance UIDs or Series Instance UIDs.
 */
public final class ForwardSelection implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The level of the keys. */
    public enum Level { PATIENT, STUDY, SERIES }

    private final Level level;
    private final List<String> keys;

    public ForwardSelection(Level level, List<String> keys) {
        this.level = level;
        this.keys = List.copyOf(keys);
    }

    public static ForwardSelection patients(List<String> patientIds) {
        return new ForwardSelection(Level.PATIENT, patientIds);
    }

    public static ForwardSelection studies(List<String> studyInstanceUids) {
        return new ForwardSelection(Level.STUDY, studyInstanceUids);
    }

    public static ForwardSelection series(List<String> seriesInstanceUids) {
        return new ForwardSelection(Level.SERIES, seriesInstanceUids);
    }

    public Level getLevel() {
        return level;
    }

    public List<String> getKeys() {
        return keys;
    }
}
