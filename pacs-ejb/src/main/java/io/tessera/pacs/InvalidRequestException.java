package io.tessera.pacs;

import jakarta.ejb.ApplicationException;

/**
 * A request the service refuses because of what was asked, not because of a fault: its message says what was wrong
 * and what to do, and is shown to the user as it is (console message, HTTP 400, DICOM error comment).
 */
@ApplicationException(rollback = true)
public class InvalidRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
