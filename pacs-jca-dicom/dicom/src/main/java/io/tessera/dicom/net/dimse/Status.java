package io.tessera.dicom.net.dimse;

/**
 * DIMSE status codes (PS3.7 Annex C and the service-specific tables of PS3.4) and their classes.
 */
public final class Status {
    private Status() {
    }

    /** The status classes of PS3.7 §C.1. */
    public enum Kind { SUCCESS, PENDING, CANCEL, WARNING, FAILURE }

    public static final int SUCCESS = 0x0000;
    public static final int PENDING = 0xFF00;
    /** C-FIND: matches are continuing, warning that one or more optional keys were not supported. */
    public static final int PENDING_WARNING = 0xFF01;
    public static final int CANCEL = 0xFE00;

    // Warnings, PS3.7 §C.3-C.4 and PS3.4
    public static final int ATTRIBUTE_LIST_ERROR = 0x0107;
    public static final int ATTRIBUTE_VALUE_OUT_OF_RANGE = 0x0116;
    public static final int SUB_OPERATIONS_COMPLETE_WITH_FAILURES = 0xB000;
    public static final int ELEMENTS_DISCARDED = 0xB006;
    public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING = 0xB007;
    public static final int COERCION_OF_DATA_ELEMENTS = 0xB000;

    // Failures, PS3.7 §C.4-C.5 and PS3.4
    public static final int NO_SUCH_ATTRIBUTE = 0x0105;
    public static final int INVALID_ATTRIBUTE_VALUE = 0x0106;
    public static final int PROCESSING_FAILURE = 0x0110;
    public static final int DUPLICATE_SOP_INSTANCE = 0x0111;
    public static final int NO_SUCH_SOP_INSTANCE = 0x0112;
    public static final int NO_SUCH_EVENT_TYPE = 0x0113;
    public static final int NO_SUCH_ARGUMENT = 0x0114;
    public static final int INVALID_ARGUMENT_VALUE = 0x0115;
    public static final int INVALID_OBJECT_INSTANCE = 0x0117;
    public static final int NO_SUCH_SOP_CLASS = 0x0118;
    public static final int CLASS_INSTANCE_CONFLICT = 0x0119;
    public static final int MISSING_ATTRIBUTE = 0x0120;
    public static final int MISSING_ATTRIBUTE_VALUE = 0x0121;
    public static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
    public static final int NO_SUCH_ACTION_TYPE = 0x0123;
    public static final int NOT_AUTHORIZED = 0x0124;
    public static final int DUPLICATE_INVOCATION = 0x0210;
    public static final int UNRECOGNIZED_OPERATION = 0x0211;
    public static final int MISTYPED_ARGUMENT = 0x0212;
    public static final int RESOURCE_LIMITATION = 0x0213;
    public static final int OUT_OF_RESOURCES = 0xA700;
    public static final int OUT_OF_RESOURCES_NUMBER_OF_MATCHES = 0xA701;
    public static final int OUT_OF_RESOURCES_SUB_OPERATIONS = 0xA702;
    public static final int MOVE_DESTINATION_UNKNOWN = 0xA801;
    public static final int IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int UNABLE_TO_PROCESS = 0xC000;
    public static final int CANNOT_UNDERSTAND = 0xC000;

    /** The class of a status code, PS3.7 §C.1: Warning 0001, Bxxx, 0107, 0116; Failure Axxx, Cxxx, 01xx, 02xx. */
    public static Kind kindOf(int status) {
        if (status == SUCCESS) {
            return Kind.SUCCESS;
        }
        if (status == PENDING || status == PENDING_WARNING) {
            return Kind.PENDING;
        }
        if (status == CANCEL) {
            return Kind.CANCEL;
        }
        if (status == 0x0001 || (status & 0xF000) == 0xB000 || status == ATTRIBUTE_LIST_ERROR
                || status == ATTRIBUTE_VALUE_OUT_OF_RANGE) {
            return Kind.WARNING;
        }
        return Kind.FAILURE;
    }

    public static boolean isPending(int status) {
        return kindOf(status) == Kind.PENDING;
    }

    /** Success or warning: the operation was performed. */
    public static boolean isSuccessOrWarning(int status) {
        Kind k = kindOf(status);
        return k == Kind.SUCCESS || k == Kind.WARNING;
    }

    /** The meaning in the standard's words, as far as the code alone tells it. */
    public static String meaning(int status) {
        return switch (status) {
            case SUCCESS -> "Success";
            case PENDING -> "Pending";
            case PENDING_WARNING -> "Pending (one or more optional keys not supported)";
            case CANCEL -> "Cancel";
            case 0x0001 -> "Warning (requested optional attributes not supported)";
            case ATTRIBUTE_LIST_ERROR -> "Warning: attribute list error";
            case ATTRIBUTE_VALUE_OUT_OF_RANGE -> "Warning: attribute value out of range";
            case 0xB000 -> "Warning: coercion of data elements / sub-operations complete, one or more failures";
            case ELEMENTS_DISCARDED -> "Warning: elements discarded";
            case DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING -> "Warning: data set does not match SOP class";
            case NO_SUCH_ATTRIBUTE -> "Failure: no such attribute";
            case INVALID_ATTRIBUTE_VALUE -> "Failure: invalid attribute value";
            case PROCESSING_FAILURE -> "Failure: processing failure";
            case DUPLICATE_SOP_INSTANCE -> "Failure: duplicate SOP instance";
            case NO_SUCH_SOP_INSTANCE -> "Failure: no such SOP instance";
            case NO_SUCH_EVENT_TYPE -> "Failure: no such event type";
            case NO_SUCH_ARGUMENT -> "Failure: no such argument";
            case INVALID_ARGUMENT_VALUE -> "Failure: invalid argument value";
            case INVALID_OBJECT_INSTANCE -> "Failure: invalid object instance";
            case NO_SUCH_SOP_CLASS -> "Failure: no such SOP class";
            case CLASS_INSTANCE_CONFLICT -> "Failure: class-instance conflict";
            case MISSING_ATTRIBUTE -> "Failure: missing attribute";
            case MISSING_ATTRIBUTE_VALUE -> "Failure: missing attribute value";
            case SOP_CLASS_NOT_SUPPORTED -> "Failure: SOP class not supported";
            case NO_SUCH_ACTION_TYPE -> "Failure: no such action type";
            case NOT_AUTHORIZED -> "Failure: not authorized";
            case DUPLICATE_INVOCATION -> "Failure: duplicate invocation";
            case UNRECOGNIZED_OPERATION -> "Failure: unrecognized operation";
            case MISTYPED_ARGUMENT -> "Failure: mistyped argument";
            case RESOURCE_LIMITATION -> "Failure: resource limitation";
            case OUT_OF_RESOURCES -> "Failure: refused, out of resources";
            case OUT_OF_RESOURCES_NUMBER_OF_MATCHES -> "Failure: out of resources, unable to calculate number of matches";
            case OUT_OF_RESOURCES_SUB_OPERATIONS -> "Failure: out of resources, unable to perform sub-operations";
            case MOVE_DESTINATION_UNKNOWN -> "Failure: move destination unknown";
            case 0xA900 -> "Failure: data set / identifier does not match SOP class";
            default -> switch (kindOf(status)) {
                case WARNING -> String.format("Warning %04XH", status);
                case FAILURE -> (status & 0xF000) == 0xC000
                        ? String.format("Failure: cannot understand / unable to process (%04XH)", status)
                        : (status & 0xF000) == 0xA000 ? String.format("Failure: refused (%04XH)", status)
                        : String.format("Failure %04XH", status);
                default -> String.format("%04XH", status);
            };
        };
    }
}
