package io.tessera.dicom.net.pdu;

/** A-RELEASE-RQ, PS3.8 §9.3.6: asks for an orderly release. */
public record AReleaseRq() implements Pdu {
    @Override
    public int type() {
        return A_RELEASE_RQ;
    }
}
