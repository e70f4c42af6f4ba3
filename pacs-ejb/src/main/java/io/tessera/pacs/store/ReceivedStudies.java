package io.tessera.pacs.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The studies stored on one association and how many instances of each ({@link StoreContext}). */
final class ReceivedStudies {
    /** Study Instance UID → [Patient ID, count]. */
    private final Map<String, Received> studies = new ConcurrentHashMap<>();

    record Received(String patientId, AtomicInteger instances) {
    }

    void stored(String studyInstanceUid, String patientId) {
        studies.computeIfAbsent(studyInstanceUid, s -> new Received(patientId, new AtomicInteger())).instances().incrementAndGet();
    }

    Map<String, Received> studies() {
        return studies;
    }
}
