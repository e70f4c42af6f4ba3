package io.tessera.dicom.net.pdu;

import io.tessera.dicom.net.DicomNetworkException;

/**
 * A PDU that breaks PS3.8 §9.3: unknown type, a length that does not fit, a missing or malformed item.
 * Carries the A-ABORT reason the upper layer sends for it (PS3.8 §9.3.8, Table 9-26) and the byte offset
 * of the fault inside the PDU.
 */
public class PduFormatException extends DicomNetworkException {
    private static final long serialVersionUID = 1L;

    private final int abortReason;
    private final long offset;

    public PduFormatException(int abortReason, long offset, String message) {
        super(message + " (at byte " + offset + " of the PDU; A-ABORT reason " + abortReason + ": "
                + AAbort.reasonText(abortReason) + ")");
        this.abortReason = abortReason;
        this.offset = offset;
    }

    /** The A-ABORT reason/diagnostic (PS3.8 Table 9-26) to send to the peer. */
    public int abortReason() {
        return abortReason;
    }

    /** Byte offset of the fault from the start of the PDU header. */
    public long offset() {
        return offset;
    }
}
