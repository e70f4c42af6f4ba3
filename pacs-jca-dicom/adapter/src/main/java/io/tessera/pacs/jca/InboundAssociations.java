package io.tessera.pacs.jca;

import io.tessera.dicom.net.Association;
import io.tessera.dicom.net.AssociationAcceptor;
import io.tessera.dicom.net.PresentationContextPolicy;
import io.tessera.dicom.net.dimse.DimseRequest;
import io.tessera.dicom.net.dimse.DimseProvider;
import io.tessera.dicom.net.dimse.Responder;
import io.tessera.dicom.net.pdu.AAssociateRj;
import io.tessera.dicom.net.pdu.AAssociateRq;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * The inbound side for one activated endpoint: admits associations by asking the message-driven bean (001 §2.2),
 * negotiates presentation contexts for the services the bean serves, and hands every DIMSE request to a bean
 * instance taken from the container for that request.
 */
final class InboundAssociations implements AssociationAcceptor {
    private static final Logger LOG = Logger.getLogger(InboundAssociations.class.getName());

    private final MessageEndpointFactory endpoints;
    private final Set<DicomService> services;
    private final Executor executor;

    InboundAssociations(MessageEndpointFactory endpoints, Set<DicomService> services, Executor executor) {
        this.endpoints = endpoints;
        this.services = Set.copyOf(services);
        this.executor = executor;
    }

    @Override
    public AAssociateRj admit(AAssociateRq rq, InetSocketAddress remote) {
        boolean allowed = call(listener -> listener.isAllowed(rq.callingAeTitle(), rq.calledAeTitle(), remote));
        if (!allowed) {
            LOG.warning(() -> "Association from " + rq.callingAeTitle() + " at " + remote + " to " + rq.calledAeTitle()
                    + " rejected: calling AE title not recognized or access not allowed (001 §2.2)");
            return AAssociateRj.callingAeNotRecognized();
        }
        return null;
    }

    @Override
    public PresentationContextPolicy presentationContextPolicy(AAssociateRq rq) {
        PresentationContextPolicy policy = new PresentationContextPolicy();
        for (DicomService service : services) {
            service.addTo(policy);
        }
        String preferred = services.contains(DicomService.STORAGE)
                ? call(DicomMessageListener::preferredTransferSyntax) : null;
        return preferred == null ? policy : policy.preferredTransferSyntax(preferred);
    }

    @Override
    public void established(Association association) {
        LOG.fine(() -> "Association established with " + association.callingAeTitle());
        association.dataListener(new DimseProvider(this::onRequest, executor));
    }

    @Override
    public void closed(Association association) {
        if (association.isEstablished() || association.acceptance() != null) {
            call(listener -> {
                listener.associationClosed(association);
                return null;
            });
        }
    }

    private void onRequest(DimseRequest request, Responder responder) throws IOException {
        MessageEndpoint endpoint = endpoint();
        try {
            ((DicomMessageListener) endpoint).onRequest(request, responder);
        } finally {
            endpoint.release();
        }
    }

    private <T> T call(EndpointCall<T> call) {
        MessageEndpoint endpoint = endpoint();
        try {
            return call.on((DicomMessageListener) endpoint);
        } finally {
            endpoint.release();
        }
    }

    private MessageEndpoint endpoint() {
        try {
            return endpoints.createEndpoint(null);
        } catch (ResourceException e) {
            throw new IllegalStateException("No message-driven bean available for DICOM: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface EndpointCall<T> {
        T on(DicomMessageListener listener);
    }
}
