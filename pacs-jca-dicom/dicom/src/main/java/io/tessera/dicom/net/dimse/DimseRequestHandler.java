package io.tessera.dicom.net.dimse;

import java.io.IOException;

/**
 * Serves DIMSE requests on the SCP side (what the resource adapter's message endpoint implements).
 *
 * <p>C-STORE, C-ECHO and the N-services are called on the association's reader thread with the data set as a
 * stream straight off the network ({@link DimseRequest#data()}); it is valid until this method returns, and what the
 * handler did not read is discarded. C-FIND, C-MOVE and C-GET are called on an executor thread with the (small)
 * identifier already read, so that a C-CANCEL can reach {@link DimseRequest#isCanceled()} while the handler works.
 *
 * <p>The handler answers through the {@link Responder}: pending responses, then exactly one final response, which
 * may also be sent later from another thread. A handler that throws gets a Processing Failure (0110H) response
 * with the exception message as Error Comment, unless it already sent the final response.
 */
@FunctionalInterface
public interface DimseRequestHandler {

    void onRequest(DimseRequest request, Responder responder) throws IOException;
}
