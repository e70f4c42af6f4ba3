package io.tessera.dicom.net;

import io.tessera.dicom.net.pdu.AAssociateRj;

/** The peer answered our A-ASSOCIATE-RQ with an A-ASSOCIATE-RJ (PS3.8 §9.3.4); the reject says why. */
public class AssociationRejectedException extends DicomNetworkException {
    private static final long serialVersionUID = 1L;
    private final transient AAssociateRj reject;

    public AssociationRejectedException(String peer, AAssociateRj reject) {
        super("association rejected by " + peer + ": " + reject);
        this.reject = reject;
    }

    public AAssociateRj reject() {
        return reject;
    }
}
