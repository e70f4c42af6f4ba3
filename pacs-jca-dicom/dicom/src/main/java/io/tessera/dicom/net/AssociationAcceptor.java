package io.tessera.dicom.net;

import io.tessera.dicom.net.pdu.AAssociateAc;
import io.tessera.dicom.net.pdu.AAssociateRj;
import io.tessera.dicom.net.pdu.AAssociateRq;
import java.net.InetSocketAddress;

/**
 * The decisions a {@link DicomListener} asks of its host (the resource adapter, or a test): whether to accept an
 * association, which presentation contexts, and what serves the established association. Called on the
 * association's own thread.
 */
public interface AssociationAcceptor {

    /**
     * Accept or reject on the A-ASSOCIATE-RQ (001 §2.2: the called AE is not checked; the calling AE must be
     * known and allowed, otherwise {@link AAssociateRj#callingAeNotRecognized()}). Null accepts.
     */
    default AAssociateRj admit(AAssociateRq rq, InetSocketAddress remote) {
        return null;
    }

    /** The presentation context policy for this requestor. */
    PresentationContextPolicy presentationContextPolicy(AAssociateRq rq);

    /** Answers the contexts, roles and extended negotiation into {@code ac}; by default the policy's answer. */
    default void negotiate(AAssociateRq rq, AAssociateAc ac) {
        presentationContextPolicy(rq).negotiate(rq, ac);
    }

    /**
     * The association is established; attach the layer that serves it (normally a DIMSE service provider, see
     * {@code io.tessera.dicom.net.dimse.DimseProvider}) with {@link Association#dataListener}.
     */
    void established(Association association);

    /** The association ended (released, aborted or lost); {@link Association#closeCause()} says how. */
    default void closed(Association association) {
    }
}
