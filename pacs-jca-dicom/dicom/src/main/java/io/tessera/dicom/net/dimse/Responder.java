package io.tessera.dicom.net.dimse;

import io.tessera.dicom.data.Attributes;
import java.io.IOException;

/**
 * Sends the responses to one DIMSE request (PS3.7 §9.3, §10.3). Message ID Being Responded To, the SOP class and
 * instance and the command field are filled in from the request.
 */
public interface Responder {

    /**
     * A pending response (status FF00H or FF01H for C-FIND with an identifier; FF00H for C-MOVE/C-GET with the
     * sub-operation counts in {@code commandExtras}).
     */
    void pending(int status, Attributes commandExtras, Attributes dataSet) throws IOException;

    /** C-FIND: one match. */
    default void pending(Attributes identifier) throws IOException {
        pending(Status.PENDING, null, identifier);
    }

    /** The final response; {@code commandExtras} (e.g. Error Comment, sub-operation counts) may be null. */
    void respond(int status, Attributes commandExtras, Attributes dataSet) throws IOException;

    default void respond(int status) throws IOException {
        respond(status, null, null);
    }

    /** True once the final response went out. */
    boolean isDone();
}
