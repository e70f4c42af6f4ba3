package io.tessera.pacs.route;

import java.io.Serializable;
import java.time.Instant;

/** One association running now: the instances of one study on their way to one destination. */
public final class TaskProgress implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String destinationAe;
    private final String studyInstanceUid;
    private final int total;
    private final int sent;
    private final int failed;
    private final Instant startedAt;

    public TaskProgress(String destinationAe, String studyInstanceUid, int total, int sent, int failed, Instant startedAt) {
        this.destinationAe = destinationAe;
        this.studyInstanceUid = studyInstanceUid;
        this.total = total;
        this.sent = sent;
        this.failed = failed;
        this.startedAt = startedAt;
    }

    public String getDestinationAe() {
        return destinationAe;
    }

    public String getStudyInstanceUid() {
        return studyInstanceUid;
    }

    /** Instances on this association. */
    public int getTotal() {
        return total;
    }

    /** Sent and acknowledged so far. */
    public int getSent() {
        return sent;
    }

    public int getFailed() {
        return failed;
    }

    /** 0–100. */
    public int getPercent() {
        return total == 0 ? 100 : (int) ((sent + failed) * 100L / total);
    }

    public Instant getStartedAt() {
        return startedAt;
    }
}
