package io.tessera.pacs.store;

import io.tessera.dicom.net.Association;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The studies stored on one association and how many instances of each: kept in the association's properties. */
final class ReceivedStudies {
    private static final String PROPERTY = ReceivedStudies.class.getName();

    /** Study Instance UID → [Patient ID, count]. */
    private final Map<String, Received> studies = new ConcurrentHashMap<>();

    record Received(String patientId, AtomicInteger instances) {
    }

    static ReceivedStudies of(Association association) {
        synchronized (association) {
            ReceivedStudies r = (ReceivedStudies) association.property(PROPERTY);
            if (r == null) {
                r = new ReceivedStudies();
                association.property(PROPERTY, r);
            }
            return r;
        }
    }

    /** What was stored on the association, or null when nothing was. */
    static ReceivedStudies on(Association association) {
        return (ReceivedStudies) association.property(PROPERTY);
    }

    void stored(String studyInstanceUid, String patientId) {
        studies.computeIfAbsent(studyInstanceUid, s -> new Received(patientId, new AtomicInteger())).instances().incrementAndGet();
    }

    Map<String, Received> studies() {
        return studies;
    }
}
