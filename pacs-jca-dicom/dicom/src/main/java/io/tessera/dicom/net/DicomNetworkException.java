package io.tessera.dicom.net;

import java.io.IOException;

/**
 * A failure of the DICOM upper layer or of DIMSE on one association: a malformed or unexpected PDU, a rejected or
 * aborted association, a timeout. The message says what was wrong, on which association and where.
 */
public class DicomNetworkException extends IOException {
    private static final long serialVersionUID = 1L;

    public DicomNetworkException(String message) {
        super(message);
    }

    public DicomNetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
