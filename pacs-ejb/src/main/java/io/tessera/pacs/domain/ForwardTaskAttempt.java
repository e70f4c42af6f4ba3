package io.tessera.pacs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One failed attempt of a forward task: its history (db V4__routing.sql). */
@Entity
@Table(name = "forward_task_attempt")
public class ForwardTaskAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false)
    private long taskId;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    /** The destination's C-STORE-RSP status; null when it never answered (unreachable, rejected, aborted). */
    @Column
    private Integer status;

    @Column(nullable = false, length = 1024)
    private String error;

    protected ForwardTaskAttempt() {
    }

    public ForwardTaskAttempt(long taskId, Instant attemptedAt, Integer status, String error) {
        this.taskId = taskId;
        this.attemptedAt = attemptedAt;
        this.status = status;
        this.error = error.length() <= 1024 ? error : error.substring(0, 1024);
    }

    public long getTaskId() {
        return taskId;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public Integer getStatus() {
        return status;
    }

    public String getError() {
        return error;
    }
}
