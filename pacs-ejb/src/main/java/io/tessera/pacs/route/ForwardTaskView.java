package io.tessera.pacs.route;

import io.tessera.pacs.domain.ForwardTask;
import io.tessera.pacs.domain.ForwardTaskOrigin;
import io.tessera.pacs.domain.ForwardTaskState;
import java.io.Serializable;
import java.time.Instant;

/** One forward task as the Tasks page and the MBean show it. */
public final class ForwardTaskView implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long id;
    private final ForwardTaskOrigin origin;
    private final Long ruleId;
    private final String requestedBy;
    private final String destinationAe;
    private final String sourceAe;
    private final String patientId;
    private final String studyInstanceUid;
    private final String seriesInstanceUid;
    private final String sopInstanceUid;
    private final String sopClassUid;
    private final ForwardTaskState state;
    private final String window;
    private final boolean autoPurge;
    private final int attempts;
    private final Integer lastStatus;
    private final String lastError;
    private final Instant lastAttemptAt;
    private final Instant nextAttemptAt;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant completedAt;

    ForwardTaskView(ForwardTask t) {
        id = t.getId();
        origin = t.getOrigin();
        ruleId = t.getRuleId();
        requestedBy = t.getRequestedBy();
        destinationAe = t.getDestinationAe();
        sourceAe = t.getSourceAe();
        patientId = t.getPatientId();
        studyInstanceUid = t.getStudyInstanceUid();
        seriesInstanceUid = t.getSeriesInstanceUid();
        sopInstanceUid = t.getSopInstanceUid();
        sopClassUid = t.getSopClassUid();
        state = t.getState();
        window = t.getWindowStart() == null ? null
                : ScheduleWindow.format(t.getWindowStart()) + "\u2013" + ScheduleWindow.format(t.getWindowEnd());
        autoPurge = t.isAutoPurge();
        attempts = t.getAttempts();
        lastStatus = t.getLastStatus();
        lastError = t.getLastError();
        lastAttemptAt = t.getLastAttemptAt();
        nextAttemptAt = t.getNextAttemptAt();
        createdAt = t.getCreatedAt();
        updatedAt = t.getUpdatedAt();
        completedAt = t.getCompletedAt();
    }

    public long getId() {
        return id;
    }

    public ForwardTaskOrigin getOrigin() {
        return origin;
    }

    /** The routing rule that made it (ROUTE), null for a user's Forward. */
    public Long getRuleId() {
        return ruleId;
    }

    /** "routing rule 3" or the console user's name. */
    public String getRequestedBy() {
        return requestedBy;
    }

    public String getDestinationAe() {
        return destinationAe;
    }

    public String getSourceAe() {
        return sourceAe;
    }

    public String getPatientId() {
        return patientId;
    }

    public String getStudyInstanceUid() {
        return studyInstanceUid;
    }

    public String getSeriesInstanceUid() {
        return seriesInstanceUid;
    }

    public String getSopInstanceUid() {
        return sopInstanceUid;
    }

    public String getSopClassUid() {
        return sopClassUid;
    }

    public ForwardTaskState getState() {
        return state;
    }

    /** "19:00–07:00" for a task of a scheduled rule, else null. */
    public String getWindow() {
        return window;
    }

    public boolean isAutoPurge() {
        return autoPurge;
    }

    /** Attempts made so far (failed ones are in the history). */
    public int getAttempts() {
        return attempts;
    }

    /** The destination's last C-STORE-RSP status, null when it never answered. */
    public Integer getLastStatus() {
        return lastStatus;
    }

    /** The last status as four hex digits ("A700"), or "". */
    public String getLastStatusHex() {
        return lastStatus == null ? "" : String.format("%04X", lastStatus);
    }

    /** Why the last failed attempt failed; kept after a later success, as history. */
    public String getLastError() {
        return lastError;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    @Override
    public String toString() {
        return "task " + id + " " + state + " " + sopInstanceUid + " to " + destinationAe + ", " + attempts + " attempt(s)"
                + (lastError == null ? "" : ", last error: " + lastError);
    }
}
