package io.tessera.dicom.net.dimse;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;

/**
 * Builders for DIMSE command sets (PS3.7 §9.3 C-services, §10.3 N-services). Each request carries its Message ID;
 * Command Data Set Type says whether a data set follows. Group Length is computed when written
 * ({@code DicomOutputStream.writeCommand}, Implicit VR Little Endian, PS3.7 §6.3.1).
 */
public final class Commands {
    private Commands() {
    }

    private static Attributes rq(int field, int messageId, int sopClassTag, String sopClass, boolean dataSet) {
        Attributes c = new Attributes(false, 10);
        if (sopClass != null) {
            c.setString(sopClassTag, VR.UI, sopClass);
        }
        c.setInt(Tag.CommandField, VR.US, field);
        c.setInt(Tag.MessageID, VR.US, messageId);
        c.setInt(Tag.CommandDataSetType, VR.US, dataSet ? Dimse.DATA_SET_PRESENT : Dimse.NO_DATA_SET);
        return c;
    }

    public static Attributes cEchoRq(int messageId, String sopClass) {
        return rq(Dimse.C_ECHO_RQ, messageId, Tag.AffectedSOPClassUID, sopClass, false);
    }

    /**
     * C-STORE-RQ, PS3.7 §9.3.1.1. {@code moveOriginatorAe} and {@code moveOriginatorMessageId} are set when the
     * store is a sub-operation of a C-MOVE (null / -1 otherwise).
     */
    public static Attributes cStoreRq(int messageId, String sopClass, String sopInstance, int priority,
                                      String moveOriginatorAe, int moveOriginatorMessageId) {
        Attributes c = rq(Dimse.C_STORE_RQ, messageId, Tag.AffectedSOPClassUID, sopClass, true);
        c.setInt(Tag.Priority, VR.US, priority);
        c.setString(Tag.AffectedSOPInstanceUID, VR.UI, sopInstance);
        if (moveOriginatorAe != null) {
            c.setString(Tag.MoveOriginatorApplicationEntityTitle, VR.AE, moveOriginatorAe);
            c.setInt(Tag.MoveOriginatorMessageID, VR.US, moveOriginatorMessageId);
        }
        return c;
    }

    public static Attributes cFindRq(int messageId, String sopClass, int priority) {
        Attributes c = rq(Dimse.C_FIND_RQ, messageId, Tag.AffectedSOPClassUID, sopClass, true);
        c.setInt(Tag.Priority, VR.US, priority);
        return c;
    }

    public static Attributes cMoveRq(int messageId, String sopClass, int priority, String moveDestination) {
        Attributes c = rq(Dimse.C_MOVE_RQ, messageId, Tag.AffectedSOPClassUID, sopClass, true);
        c.setInt(Tag.Priority, VR.US, priority);
        c.setString(Tag.MoveDestination, VR.AE, moveDestination);
        return c;
    }

    public static Attributes cGetRq(int messageId, String sopClass, int priority) {
        Attributes c = rq(Dimse.C_GET_RQ, messageId, Tag.AffectedSOPClassUID, sopClass, true);
        c.setInt(Tag.Priority, VR.US, priority);
        return c;
    }

    /** C-CANCEL-RQ, PS3.7 §9.3.2.3: names the request to cancel by its Message ID. */
    public static Attributes cCancelRq(int messageIdBeingRespondedTo) {
        Attributes c = new Attributes(false, 4);
        c.setInt(Tag.CommandField, VR.US, Dimse.C_CANCEL_RQ);
        c.setInt(Tag.MessageIDBeingRespondedTo, VR.US, messageIdBeingRespondedTo);
        c.setInt(Tag.CommandDataSetType, VR.US, Dimse.NO_DATA_SET);
        return c;
    }

    public static Attributes nEventReportRq(int messageId, String sopClass, String sopInstance, int eventTypeId,
                                            boolean eventInformation) {
        Attributes c = rq(Dimse.N_EVENT_REPORT_RQ, messageId, Tag.AffectedSOPClassUID, sopClass, eventInformation);
        c.setString(Tag.AffectedSOPInstanceUID, VR.UI, sopInstance);
        c.setInt(Tag.EventTypeID, VR.US, eventTypeId);
        return c;
    }

    /** N-GET-RQ; {@code attributeIdentifiers} empty = all attributes (PS3.7 §10.1.2.1.4). */
    public static Attributes nGetRq(int messageId, String sopClass, String sopInstance, int... attributeIdentifiers) {
        Attributes c = rq(Dimse.N_GET_RQ, messageId, Tag.RequestedSOPClassUID, sopClass, false);
        c.setString(Tag.RequestedSOPInstanceUID, VR.UI, sopInstance);
        if (attributeIdentifiers.length > 0) {
            c.setInt(Tag.AttributeIdentifierList, VR.AT, attributeIdentifiers);
        }
        return c;
    }

    public static Attributes nSetRq(int messageId, String sopClass, String sopInstance) {
        Attributes c = rq(Dimse.N_SET_RQ, messageId, Tag.RequestedSOPClassUID, sopClass, true);
        c.setString(Tag.RequestedSOPInstanceUID, VR.UI, sopInstance);
        return c;
    }

    public static Attributes nActionRq(int messageId, String sopClass, String sopInstance, int actionTypeId,
                                       boolean actionInformation) {
        Attributes c = rq(Dimse.N_ACTION_RQ, messageId, Tag.RequestedSOPClassUID, sopClass, actionInformation);
        c.setString(Tag.RequestedSOPInstanceUID, VR.UI, sopInstance);
        c.setInt(Tag.ActionTypeID, VR.US, actionTypeId);
        return c;
    }

    /** N-CREATE-RQ; {@code sopInstance} null lets the SCP assign the instance UID (PS3.7 §10.1.5.1.4). */
    public static Attributes nCreateRq(int messageId, String sopClass, String sopInstance, boolean attributeList) {
        Attributes c = rq(Dimse.N_CREATE_RQ, messageId, Tag.AffectedSOPClassUID, sopClass, attributeList);
        if (sopInstance != null) {
            c.setString(Tag.AffectedSOPInstanceUID, VR.UI, sopInstance);
        }
        return c;
    }

    public static Attributes nDeleteRq(int messageId, String sopClass, String sopInstance) {
        Attributes c = rq(Dimse.N_DELETE_RQ, messageId, Tag.RequestedSOPClassUID, sopClass, false);
        c.setString(Tag.RequestedSOPInstanceUID, VR.UI, sopInstance);
        return c;
    }

    /**
     * The response to {@code request} (PS3.7 §9.3 / §10.3): command field, Message ID Being Responded To, the
     * affected SOP class and instance taken from the request (Requested → Affected for N-services), event/action
     * type echoed, the status and whether a data set follows.
     */
    public static Attributes response(Attributes request, int status, boolean dataSet) {
        int field = request.getInt(Tag.CommandField, 0);
        Attributes c = new Attributes(false, 10);
        String cuid = request.getString(Tag.AffectedSOPClassUID);
        if (cuid == null) {
            cuid = request.getString(Tag.RequestedSOPClassUID);
        }
        if (cuid != null) {
            c.setString(Tag.AffectedSOPClassUID, VR.UI, cuid);
        }
        c.setInt(Tag.CommandField, VR.US, Dimse.responseOf(field));
        c.setInt(Tag.MessageIDBeingRespondedTo, VR.US, request.getInt(Tag.MessageID, 0));
        c.setInt(Tag.CommandDataSetType, VR.US, dataSet ? Dimse.DATA_SET_PRESENT : Dimse.NO_DATA_SET);
        c.setInt(Tag.Status, VR.US, status);
        String iuid = request.getString(Tag.AffectedSOPInstanceUID);
        if (iuid == null) {
            iuid = request.getString(Tag.RequestedSOPInstanceUID);
        }
        if (iuid != null && field != Dimse.C_FIND_RQ && field != Dimse.C_MOVE_RQ && field != Dimse.C_GET_RQ
                && field != Dimse.C_ECHO_RQ) {
            c.setString(Tag.AffectedSOPInstanceUID, VR.UI, iuid);
        }
        if (field == Dimse.N_EVENT_REPORT_RQ && request.contains(Tag.EventTypeID)) {
            c.setInt(Tag.EventTypeID, VR.US, request.getInt(Tag.EventTypeID, 0));
        }
        if (field == Dimse.N_ACTION_RQ && request.contains(Tag.ActionTypeID)) {
            c.setInt(Tag.ActionTypeID, VR.US, request.getInt(Tag.ActionTypeID, 0));
        }
        return c;
    }

    /** Sets the sub-operation counters of a C-MOVE/C-GET response (PS3.7 §9.3.3.2, §9.3.4.2). */
    public static Attributes subOperations(Attributes rsp, int remaining, int completed, int failed, int warning) {
        if (remaining >= 0) {
            rsp.setInt(Tag.NumberOfRemainingSuboperations, VR.US, remaining);
        }
        rsp.setInt(Tag.NumberOfCompletedSuboperations, VR.US, completed);
        rsp.setInt(Tag.NumberOfFailedSuboperations, VR.US, failed);
        rsp.setInt(Tag.NumberOfWarningSuboperations, VR.US, warning);
        return rsp;
    }

    /** Error Comment (0000,0902): LO, at most 64 characters. */
    public static Attributes errorComment(Attributes rsp, String comment) {
        if (comment != null && !comment.isEmpty()) {
            String c = comment.replace('\\', '/').replaceAll("[\\r\\n]+", " ");
            rsp.setString(Tag.ErrorComment, VR.LO, c.length() > 64 ? c.substring(0, 64) : c);
        }
        return rsp;
    }

    public static boolean hasDataSet(Attributes command) {
        return command.getInt(Tag.CommandDataSetType, Dimse.NO_DATA_SET) != Dimse.NO_DATA_SET;
    }
}
