package io.tessera.dicom.net.dimse;

import io.tessera.dicom.net.Association;
import io.tessera.dicom.net.AssociationAcceptor;
import io.tessera.dicom.net.PresentationContextPolicy;
import io.tessera.dicom.net.pdu.AAssociateRj;
import io.tessera.dicom.net.pdu.AAssociateRq;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * A ready {@link AssociationAcceptor}: an admission rule, one presentation context policy, and a DIMSE handler
 * served by a {@link DimseProvider} on each established association.
 */
public final class PolicyAcceptor implements AssociationAcceptor {
    private final PresentationContextPolicy policy;
    private final DimseRequestHandler handler;
    private final Executor executor;
    private final BiFunction<AAssociateRq, InetSocketAddress, AAssociateRj> admission;

    /**
     * @param admission returns the A-ASSOCIATE-RJ to send, or null to accept; null admits everyone
     */
    public PolicyAcceptor(PresentationContextPolicy policy, DimseRequestHandler handler, Executor executor,
                          BiFunction<AAssociateRq, InetSocketAddress, AAssociateRj> admission) {
        this.policy = policy;
        this.handler = handler;
        this.executor = executor;
        this.admission = admission;
    }

    @Override
    public AAssociateRj admit(AAssociateRq rq, InetSocketAddress remote) {
        return admission == null ? null : admission.apply(rq, remote);
    }

    @Override
    public PresentationContextPolicy presentationContextPolicy(AAssociateRq rq) {
        return policy;
    }

    @Override
    public void established(Association association) {
        association.dataListener(new DimseProvider(handler, executor));
    }
}
