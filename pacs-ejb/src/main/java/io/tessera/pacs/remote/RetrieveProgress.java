package io.tessera.pacs.remote;

import java.io.Serializable;

/**
 * A snapshot of one C-MOVE from a remote AE to us: the sub-operation counts of its last pending response and, when
 * it is over, its final status in words.
 */
public class RetrieveProgress implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final String remoteAe;
    private final String studyInstanceUid;
    private volatile int remaining = -1;
    private volatile int completed;
    private volatile int failed;
    private volatile int warning;
    private volatile boolean done;
    private volatile boolean success;
    private volatile String message = "Starting";

    RetrieveProgress(String id, String remoteAe, String studyInstanceUid) {
        this.id = id;
        this.remoteAe = remoteAe;
        this.studyInstanceUid = studyInstanceUid;
    }

    synchronized void counts(int remaining, int completed, int failed, int warning) {
        this.remaining = remaining;
        this.completed = completed;
        this.failed = failed;
        this.warning = warning;
        this.message = "In progress";
    }

    synchronized void finish(boolean success, String message) {
        this.success = success;
        this.message = message;
        this.done = true;
    }

    public String getId() {
        return id;
    }

    public String getRemoteAe() {
        return remoteAe;
    }

    public String getStudyInstanceUid() {
        return studyInstanceUid;
    }

    public int getRemaining() {
        return remaining;
    }

    public int getCompleted() {
        return completed;
    }

    public int getFailed() {
        return failed;
    }

    public int getWarning() {
        return warning;
    }

    public boolean isDone() {
        return done;
    }

    public boolean isSuccess() {
        return success;
    }

    public String getMessage() {
        return message;
    }

    /** Done sub-operations in percent of all known so far; 100 when over. */
    public synchronized int getPercent() {
        int finished = completed + failed + warning;
        int all = finished + Math.max(remaining, 0);
        return done ? 100 : all == 0 ? 0 : 100 * finished / all;
    }

    /** One line for the page: "completed 3, failed 0, remaining 2: In progress". */
    public synchronized String getSummary() {
        String state = !done ? "Retrieving" : success ? "Completed" : completed > 0 ? "Partly failed" : "Failed";
        return state + ": " + completed + " completed, "
                + failed + " failed, " + warning + " with warnings"
                + (remaining >= 0 && !done ? ", " + remaining + " remaining" : "") + " — " + message;
    }
}
