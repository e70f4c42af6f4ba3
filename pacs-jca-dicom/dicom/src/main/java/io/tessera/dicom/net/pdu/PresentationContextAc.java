package io.tessera.dicom.net.pdu;

/**
 * The acceptor's answer for one presentation context, PS3.8 §9.3.3.2: result/reason and, when accepted, the one
 * transfer syntax chosen (for a rejected context the transfer syntax is not significant).
 */
public record PresentationContextAc(int id, int result, String transferSyntax) {

    // PS3.8 Table 9-18, Result/Reason
    public static final int ACCEPTANCE = 0;
    public static final int USER_REJECTION = 1;
    public static final int NO_REASON = 2;
    public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    public static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    public boolean accepted() {
        return result == ACCEPTANCE;
    }

    public static String resultText(int result) {
        return switch (result) {
            case ACCEPTANCE -> "acceptance";
            case USER_REJECTION -> "user-rejection";
            case NO_REASON -> "no-reason (provider rejection)";
            case ABSTRACT_SYNTAX_NOT_SUPPORTED -> "abstract-syntax-not-supported (provider rejection)";
            case TRANSFER_SYNTAXES_NOT_SUPPORTED -> "transfer-syntaxes-not-supported (provider rejection)";
            default -> "result " + result;
        };
    }

    @Override
    public String toString() {
        return "PC " + id + ": " + resultText(result) + (accepted() ? " " + transferSyntax : "");
    }
}
