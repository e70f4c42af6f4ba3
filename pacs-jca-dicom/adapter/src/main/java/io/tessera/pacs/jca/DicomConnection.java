package io.tessera.pacs.jca;

import io.tessera.dicom.net.dimse.DimseRequestHandler;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.pdu.AAssociateRq;
import java.io.IOException;

/**
 * A handle on the adapter's outbound side. Associations opened through it use our AE title, the adapter's timeouts
 * and PDU limits and the container's threads; closing the handle releases any still open.
 */
public interface DicomConnection extends AutoCloseable {

    /** Our AE title: the Calling AE Title of every association opened here. */
    String localAeTitle();

    /**
     * Requests an association with the AE at {@code host}:{@code port} and returns its SCU side (echo, store, find,
     * move, get, N-services). Close the {@link Scu} to release it, or leave that to {@link #close()}.
     *
     * @throws io.tessera.dicom.net.AssociationRejectedException with the peer's reason when it rejects
     * @throws IOException when it cannot be reached or the negotiation fails
     */
    default Scu open(String host, int port, AAssociateRq rq) throws IOException {
        return open(host, port, rq, null);
    }

    /** As {@link #open(String, int, AAssociateRq)}; requests the peer sends on it (C-GET's C-STOREs) go to {@code incoming}. */
    Scu open(String host, int port, AAssociateRq rq, DimseRequestHandler incoming) throws IOException;

    @Override
    void close();
}
