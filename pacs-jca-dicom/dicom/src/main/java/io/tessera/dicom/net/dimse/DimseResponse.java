package io.tessera.dicom.net.dimse;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;

/** One received DIMSE response: its command set and, for C-FIND/N-GET and the like, its data set. */
public record DimseResponse(Attributes command, Attributes dataSet) {

    public int status() {
        return command.getInt(Tag.Status, -1);
    }

    public Status.Kind kind() {
        return Status.kindOf(status());
    }

    public boolean isPending() {
        return Status.isPending(status());
    }

    public int messageIdBeingRespondedTo() {
        return command.getInt(Tag.MessageIDBeingRespondedTo, -1);
    }

    public String errorComment() {
        return command.getString(Tag.ErrorComment);
    }

    public int remaining() {
        return command.getInt(Tag.NumberOfRemainingSuboperations, -1);
    }

    public int completed() {
        return command.getInt(Tag.NumberOfCompletedSuboperations, -1);
    }

    public int failed() {
        return command.getInt(Tag.NumberOfFailedSuboperations, -1);
    }

    public int warning() {
        return command.getInt(Tag.NumberOfWarningSuboperations, -1);
    }

    @Override
    public String toString() {
        String e = errorComment();
        return Dimse.name(command.getInt(Tag.CommandField, 0)) + String.format("[status %04XH ", status())
                + Status.meaning(status()) + (e == null ? "" : ", " + e) + "]";
    }
}
