package io.tessera.pacs.jca;

import io.tessera.dicom.net.Association;
import io.tessera.dicom.net.pdu.AAssociateRq;
import java.io.IOException;

/**
 * A handle on the adapter's outbound side. Associations opened through it use our AE title, the adapter's timeouts
 * and PDU limits and the container's threads; closing the handle releases any still open.
 */
public interface DicomConnection extends AutoCloseable {

    /** Our AE title, the Calling AE Title of every association opened here unless {@code rq} sets another. */
    String localAeTitle();

    /**
     * Requests an association with the AE at {@code host}:{@code port}.
     *
     * @throws io.tessera.dicom.net.AssociationRejectedException with the peer's reason when it rejects
     * @throws IOException when it cannot be reached or the negotiation fails
     */
    Association open(String host, int port, AAssociateRq rq) throws IOException;

    @Override
    void close();
}
