package io.tessera.dicom.net;

import io.tessera.dicom.net.pdu.AAbort;

/** The association ended by an A-ABORT, sent by the peer or by us (PS3.8 §9.3.8), or by a lost connection. */
public class AssociationAbortedException extends DicomNetworkException {
    private static final long serialVersionUID = 1L;
    private final transient AAbort abort;

    public AssociationAbortedException(String message, AAbort abort) {
        super(message);
        this.abort = abort;
    }

    public AssociationAbortedException(String message, Throwable cause) {
        super(message, cause);
        this.abort = null;
    }

    /** The A-ABORT PDU, or null when the transport connection was lost without one. */
    public AAbort abort() {
        return abort;
    }
}
