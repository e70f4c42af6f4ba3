package io.tessera.pacs.store;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The series stored on one association and the index rows they hang from ({@link StoreContext}): a
 * modality sends a series image after image, and every image after the first is then one insert, with no look-up of
 * its patient, study and series (issue 5, the ingest figure). Only what this association itself stored or found is
 * kept, and only while it lasts; a row deleted meanwhile makes the insert fail, the entry is forgotten and the image
 * takes the full path.
 */
final class KnownSeries {
    /** An association sends a few series at a time; one sending thousands does not make this grow without end. */
    private static final int MAX = 64;

    /** {@code patientName}: the Patient's Name the index holds for the patient (the patient-ID conflict check). */
    record Entry(String studyUid, String patientKey, String patientName, InstanceIndex.Parents parents) {
    }

    private final Map<String, Entry> bySeries = new ConcurrentHashMap<>();

    /** Patient ID and its issuer, as one key. */
    static String patientKey(String patientId, String issuer) {
        return patientId + '\\' + issuer;
    }

    /** The entry of this series, if its study and patient are still the ones it was stored under. */
    Entry get(String seriesUid, String studyUid, String patientKey) {
        Entry e = bySeries.get(seriesUid);
        return e != null && e.studyUid().equals(studyUid) && e.patientKey().equals(patientKey) ? e : null;
    }

    /** The stored Patient's Name of a patient this association stored images of, or null when none (or unknown). */
    String patientName(String patientKey) {
        for (Entry e : bySeries.values()) {
            if (e.patientKey().equals(patientKey)) {
                return e.patientName();
            }
        }
        return null;
    }

    void put(String seriesUid, Entry entry) {
        if (bySeries.size() >= MAX) {
            bySeries.clear();
        }
        bySeries.put(seriesUid, Objects.requireNonNull(entry));
    }

    void forget(String seriesUid) {
        bySeries.remove(seriesUid);
    }
}
