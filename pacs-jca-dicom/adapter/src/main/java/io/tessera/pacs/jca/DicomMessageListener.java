package io.tessera.pacs.jca;

import io.tessera.dicom.net.Association;
import io.tessera.dicom.net.dimse.DimseRequest;
import io.tessera.dicom.net.dimse.Responder;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The message-listener interface of the adapter's inbound side, implemented by the message-driven bean in
 * {@code io.tessera.pacs.dimse}. The adapter owns the sockets and threads; the bean owns the decisions and the data.
 */
public interface DicomMessageListener {

    /**
     * 001 §2.2: may this calling AE associate? The called AE title is passed for logging only; the seed does not
     * check it. False rejects the association permanently with "calling AE title not recognized".
     */
    boolean isAllowed(String callingAeTitle, String calledAeTitle, InetSocketAddress remote);

    /**
     * The administrator's preferred transfer syntax for storage (001 §3.4.1.5), or null for "the first the
     * proposer lists that we support".
     */
    String preferredTransferSyntax();

    /**
     * One DIMSE request. The data set streams from {@link DimseRequest#data()} until this returns; answer through
     * {@code responder} (pending responses, then one final response). An exception becomes a failure response.
     */
    void onRequest(DimseRequest request, Responder responder) throws IOException;

    /**
     * The association ended (released, aborted or lost). What the requests left in the association's properties
     * (e.g. the studies received on it) can be summed up here.
     */
    void associationClosed(Association association);
}
