package io.tessera.pacs.domain;

/**
 * Where a forward task is: SCHEDULED waits for its rule's daily window, PENDING for its next attempt (or a free
 * association to the destination), IN_PROGRESS is being sent; COMPLETED, FAILED (after the last attempt allowed) and
 * CANCELLED are final until a user retries it.
 */
public enum ForwardTaskState {
    SCHEDULED, PENDING, IN_PROGRESS, COMPLETED, FAILED, CANCELLED;

    /** Still to be delivered: it holds the study back from an auto purge. */
    public boolean isOpen() {
        return this == SCHEDULED || this == PENDING || this == IN_PROGRESS;
    }
}
