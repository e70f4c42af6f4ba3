package io.tessera.dicom.net.pdu;

/**
 * One presentation data value item of a P-DATA-TF, PS3.8 §9.3.5.1 and Annex E.2: presentation context ID, message
 * control header and a slice of the PDU buffer holding a fragment of a command or data set.
 */
public record Pdv(int presentationContextId, int messageControlHeader, byte[] buffer, int offset, int length) {

    /** Bit 0 of the message control header: 1 = command information, 0 = data set. */
    public static final int COMMAND = 0x01;
    /** Bit 1: 1 = last fragment of the command or data set. */
    public static final int LAST = 0x02;

    public boolean command() {
        return (messageControlHeader & COMMAND) != 0;
    }

    public boolean last() {
        return (messageControlHeader & LAST) != 0;
    }

    @Override
    public String toString() {
        return "PDV[pc " + presentationContextId + ", " + (command() ? "command" : "data") + (last() ? ", last" : "")
                + ", " + length + " bytes]";
    }
}
