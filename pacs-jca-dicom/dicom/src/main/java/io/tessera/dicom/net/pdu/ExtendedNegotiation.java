package io.tessera.dicom.net.pdu;

/**
 * SOP Class Extended Negotiation sub-item, PS3.7 §D.3.3.5: service-class application information for one SOP
 * class, e.g. relational queries for Query/Retrieve (PS3.4 §C.3.4: byte 0 = relational-queries).
 */
public record ExtendedNegotiation(String sopClass, byte[] info) {
    public ExtendedNegotiation {
        info = info.clone();
    }

    @Override
    public byte[] info() {
        return info.clone();
    }

    /** Byte {@code i} of the application information, 0 when absent. */
    public int byteAt(int i) {
        return i < info.length ? info[i] & 0xff : 0;
    }
}
