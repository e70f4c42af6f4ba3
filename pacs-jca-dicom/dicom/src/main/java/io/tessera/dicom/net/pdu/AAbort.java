package io.tessera.dicom.net.pdu;

/**
 * A-ABORT, PS3.8 §9.3.8. Source 0 = service-user, 2 = service-provider (then {@code reason} is the diagnostic of
 * Table 9-26; for source 0 it is not significant and sent as 0).
 */
public record AAbort(int source, int reason) implements Pdu {

    public static final int SOURCE_SERVICE_USER = 0;
    public static final int SOURCE_SERVICE_PROVIDER = 2;

    // PS3.8 Table 9-26, source = service-provider.
    public static final int REASON_NOT_SPECIFIED = 0;
    public static final int UNRECOGNIZED_PDU = 1;
    public static final int UNEXPECTED_PDU = 2;
    public static final int UNRECOGNIZED_PDU_PARAMETER = 4;
    public static final int UNEXPECTED_PDU_PARAMETER = 5;
    public static final int INVALID_PDU_PARAMETER_VALUE = 6;

    @Override
    public int type() {
        return A_ABORT;
    }

    /** A service-provider abort with a PS3.8 Table 9-26 diagnostic. */
    public static AAbort provider(int reason) {
        return new AAbort(SOURCE_SERVICE_PROVIDER, reason);
    }

    /** A service-user abort (the application gave up). */
    public static AAbort user() {
        return new AAbort(SOURCE_SERVICE_USER, 0);
    }

    public static String reasonText(int reason) {
        return switch (reason) {
            case REASON_NOT_SPECIFIED -> "reason-not-specified";
            case UNRECOGNIZED_PDU -> "unrecognized-PDU";
            case UNEXPECTED_PDU -> "unexpected-PDU";
            case UNRECOGNIZED_PDU_PARAMETER -> "unrecognized-PDU-parameter";
            case UNEXPECTED_PDU_PARAMETER -> "unexpected-PDU-parameter";
            case INVALID_PDU_PARAMETER_VALUE -> "invalid-PDU-parameter-value";
            default -> "reason " + reason;
        };
    }

    @Override
    public String toString() {
        return source == SOURCE_SERVICE_PROVIDER
                ? "A-ABORT[service-provider, " + reasonText(reason) + "]"
                : "A-ABORT[" + (source == SOURCE_SERVICE_USER ? "service-user" : "source " + source) + "]";
    }
}
