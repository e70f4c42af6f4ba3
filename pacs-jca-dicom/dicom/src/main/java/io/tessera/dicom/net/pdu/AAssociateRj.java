package io.tessera.dicom.net.pdu;

/**
 * A-ASSOCIATE-RJ, PS3.8 §9.3.4 and Table 9-21: result (1 permanent, 2 transient), source and reason.
 */
public record AAssociateRj(int result, int source, int reason) implements Pdu {

    public static final int RESULT_REJECTED_PERMANENT = 1;
    public static final int RESULT_REJECTED_TRANSIENT = 2;

    public static final int SOURCE_SERVICE_USER = 1;
    public static final int SOURCE_SERVICE_PROVIDER_ACSE = 2;
    public static final int SOURCE_SERVICE_PROVIDER_PRESENTATION = 3;

    // source 1, service-user
    public static final int REASON_NO_REASON_GIVEN = 1;
    public static final int REASON_APPLICATION_CONTEXT_NAME_NOT_SUPPORTED = 2;
    public static final int REASON_CALLING_AE_TITLE_NOT_RECOGNIZED = 3;
    public static final int REASON_CALLED_AE_TITLE_NOT_RECOGNIZED = 7;
    // source 2, service-provider (ACSE related function)
    public static final int REASON_PROTOCOL_VERSION_NOT_SUPPORTED = 2;
    // source 3, service-provider (presentation related function)
    public static final int REASON_TEMPORARY_CONGESTION = 1;
    public static final int REASON_LOCAL_LIMIT_EXCEEDED = 2;

    @Override
    public int type() {
        return A_ASSOCIATE_RJ;
    }

    /** 001 §2.2: the calling AE is not a known AE with access allowed. */
    public static AAssociateRj callingAeNotRecognized() {
        return new AAssociateRj(RESULT_REJECTED_PERMANENT, SOURCE_SERVICE_USER, REASON_CALLING_AE_TITLE_NOT_RECOGNIZED);
    }

    public static AAssociateRj calledAeNotRecognized() {
        return new AAssociateRj(RESULT_REJECTED_PERMANENT, SOURCE_SERVICE_USER, REASON_CALLED_AE_TITLE_NOT_RECOGNIZED);
    }

    /** Too many associations at the moment: the peer may retry later. */
    public static AAssociateRj localLimitExceeded() {
        return new AAssociateRj(RESULT_REJECTED_TRANSIENT, SOURCE_SERVICE_PROVIDER_PRESENTATION,
                REASON_LOCAL_LIMIT_EXCEEDED);
    }

    @Override
    public String toString() {
        String res = result == RESULT_REJECTED_PERMANENT ? "rejected-permanent"
                : result == RESULT_REJECTED_TRANSIENT ? "rejected-transient" : "result " + result;
        String src;
        String why;
        switch (source) {
            case SOURCE_SERVICE_USER -> {
                src = "DICOM UL service-user";
                why = switch (reason) {
                    case REASON_NO_REASON_GIVEN -> "no-reason-given";
                    case REASON_APPLICATION_CONTEXT_NAME_NOT_SUPPORTED -> "application-context-name-not-supported";
                    case REASON_CALLING_AE_TITLE_NOT_RECOGNIZED -> "calling-AE-title-not-recognized";
                    case REASON_CALLED_AE_TITLE_NOT_RECOGNIZED -> "called-AE-title-not-recognized";
                    default -> "reason " + reason;
                };
            }
            case SOURCE_SERVICE_PROVIDER_ACSE -> {
                src = "DICOM UL service-provider (ACSE related function)";
                why = reason == 1 ? "no-reason-given"
                        : reason == REASON_PROTOCOL_VERSION_NOT_SUPPORTED ? "protocol-version-not-supported"
                        : "reason " + reason;
            }
            case SOURCE_SERVICE_PROVIDER_PRESENTATION -> {
                src = "DICOM UL service-provider (presentation related function)";
                why = reason == REASON_TEMPORARY_CONGESTION ? "temporary-congestion"
                        : reason == REASON_LOCAL_LIMIT_EXCEEDED ? "local-limit-exceeded" : "reason " + reason;
            }
            default -> {
                src = "source " + source;
                why = "reason " + reason;
            }
        }
        return "A-ASSOCIATE-RJ[" + res + ", " + src + ", " + why + "]";
    }
}
