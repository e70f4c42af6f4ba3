package io.tessera.dicom.net.pdu;

/**
 * One protocol data unit of the DICOM upper layer (PS3.8 §9.3). The seven kinds are the records and classes
 * of this package; {@link PduReader} decodes them strictly, {@link PduWriter} encodes them.
 */
public sealed interface Pdu permits AAssociateRq, AAssociateAc, AAssociateRj, PDataTf, AReleaseRq, AReleaseRp, AAbort {

    // PDU types, PS3.8 Table 9-11 ff.
    int A_ASSOCIATE_RQ = 0x01;
    int A_ASSOCIATE_AC = 0x02;
    int A_ASSOCIATE_RJ = 0x03;
    int P_DATA_TF = 0x04;
    int A_RELEASE_RQ = 0x05;
    int A_RELEASE_RP = 0x06;
    int A_ABORT = 0x07;

    /** The PDU-type byte. */
    int type();

    /** A short name for logs and errors, in the standard's words. */
    static String typeName(int type) {
        return switch (type) {
            case A_ASSOCIATE_RQ -> "A-ASSOCIATE-RQ";
            case A_ASSOCIATE_AC -> "A-ASSOCIATE-AC";
            case A_ASSOCIATE_RJ -> "A-ASSOCIATE-RJ";
            case P_DATA_TF -> "P-DATA-TF";
            case A_RELEASE_RQ -> "A-RELEASE-RQ";
            case A_RELEASE_RP -> "A-RELEASE-RP";
            case A_ABORT -> "A-ABORT";
            default -> String.format("unknown PDU type %02XH", type);
        };
    }
}
