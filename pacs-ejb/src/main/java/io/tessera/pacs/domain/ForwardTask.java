package io.tessera.pacs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One delivery of one stored instance to one destination AE (db V4__routing.sql): made by the routing table or a
 * user's Forward, sent by the C-STORE SCU, retried with backoff. The row is the truth; JMS only wakes the sender.
 */
@Entity
@Table(name = "forward_task")
public class ForwardTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ForwardTaskOrigin origin;

    @Column(name = "rule_id")
    private Long ruleId;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    @Column(name = "destination_ae", nullable = false, length = 16)
    private String destinationAe;

    @Column(name = "source_ae", length = 16)
    private String sourceAe;

    @Column(name = "instance_id", nullable = false)
    private long instanceId;

    @Column(name = "patient_id", length = 64)
    private String patientId;

    @Column(name = "study_instance_uid", nullable = false, length = 64)
    private String studyInstanceUid;

    @Column(name = "series_instance_uid", nullable = false, length = 64)
    private String seriesInstanceUid;

    @Column(name = "sop_instance_uid", nullable = false, length = 64)
    private String sopInstanceUid;

    @Column(name = "sop_class_uid", nullable = false, length = 64)
    private String sopClassUid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ForwardTaskState state;

    @Column(name = "window_start")
    private Integer windowStart;

    @Column(name = "window_end")
    private Integer windowEnd;

    @Column(name = "auto_purge", nullable = false)
    private boolean autoPurge;

    @Column(nullable = false)
    private int attempts;

    @Column(length = 36)
    private String claim;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error", length = 1024)
    private String lastError;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected ForwardTask() {
    }

    public ForwardTask(ForwardTaskOrigin origin, Long ruleId, String requestedBy, String destinationAe, long instanceId,
                       String sopInstanceUid, String sopClassUid, String seriesInstanceUid, String studyInstanceUid,
                       String patientId, String sourceAe, Instant now) {
        this.origin = origin;
        this.ruleId = ruleId;
        this.requestedBy = requestedBy.length() <= 64 ? requestedBy : requestedBy.substring(0, 64);
        this.destinationAe = destinationAe;
        this.instanceId = instanceId;
        this.sopInstanceUid = sopInstanceUid;
        this.sopClassUid = sopClassUid;
        this.seriesInstanceUid = seriesInstanceUid;
        this.studyInstanceUid = studyInstanceUid;
        this.patientId = patientId;
        this.sourceAe = sourceAe;
        this.state = ForwardTaskState.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Waits as SCHEDULED for the daily window (minutes after midnight) instead of being PENDING now. */
    public void schedule(int start, int end) {
        this.windowStart = start;
        this.windowEnd = end;
        this.state = ForwardTaskState.SCHEDULED;
    }

    public void setAutoPurge(boolean autoPurge) {
        this.autoPurge = autoPurge;
    }

    public Long getId() {
        return id;
    }

    public ForwardTaskOrigin getOrigin() {
        return origin;
    }

    public Long getRuleId() {
        return ruleId;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getDestinationAe() {
        return destinationAe;
    }

    public String getSourceAe() {
        return sourceAe;
    }

    public long getInstanceId() {
        return instanceId;
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

    public void setState(ForwardTaskState state, Instant now) {
        this.state = state;
        this.updatedAt = now;
        if (state == ForwardTaskState.COMPLETED) {
            completedAt = now;
        }
        if (state != ForwardTaskState.IN_PROGRESS) {
            claim = null;
        }
    }

    public Integer getWindowStart() {
        return windowStart;
    }

    public Integer getWindowEnd() {
        return windowEnd;
    }

    public boolean isAutoPurge() {
        return autoPurge;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public String getClaim() {
        return claim;
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    /** Records one attempt's outcome (status null when the destination never answered). */
    public void attempted(Instant at, Integer status, String error) {
        this.lastAttemptAt = at;
        this.lastStatus = status;
        if (error != null) {
            this.lastError = error.length() <= 1024 ? error : error.substring(0, 1024);
        }
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public void setNextAttemptAt(Instant nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
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
}
