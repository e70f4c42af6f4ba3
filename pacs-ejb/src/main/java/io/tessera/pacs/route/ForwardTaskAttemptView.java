package io.tessera.pacs.route;

import io.tessera.pacs.domain.ForwardTaskAttempt;
import java.io.Serializable;
import java.time.Instant;

/** One failed attempt of a task, for the task's history. */
public final class ForwardTaskAttemptView implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Instant attemptedAt;
    private final Integer status;
    private final String error;

    ForwardTaskAttemptView(ForwardTaskAttempt a) {
        attemptedAt = a.getAttemptedAt();
        status = a.getStatus();
        error = a.getError();
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    /** The destination's C-STORE-RSP status, null when it never answered. */
    public Integer getStatus() {
        return status;
    }

    public String getStatusHex() {
        return status == null ? "" : String.format("%04X", status);
    }

    public String getError() {
        return error;
    }

    @Override
    public String toString() {
        return attemptedAt + " " + getStatusHex() + " " + error;
    }
}
