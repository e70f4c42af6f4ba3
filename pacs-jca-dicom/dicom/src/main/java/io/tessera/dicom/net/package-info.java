/**
 * The DICOM upper layer (PS3.8): PDUs ({@link io.tessera.dicom.net.pdu}), the association state machine, max-PDU
 * negotiation and P-DATA fragmentation, presentation-context and role negotiation, the acceptor and the requestor.
 * DIMSE (PS3.7) sits on top in {@link io.tessera.dicom.net.dimse}. Plain Java SE; threads come from an injected
 * {@link java.util.concurrent.Executor} so a JCA resource adapter can host it with its WorkManager.
 *
 * <h2>Hosting an acceptor (what the resource adapter does)</h2>
 * <pre>{@code
 * AssociationSettings settings = new AssociationSettings()        // 001 §3.2.1: 32 KB PDUs by default
 *         .artimTimeoutMillis(10_000).dimseTimeoutMillis(60_000).idleTimeoutMillis(300_000);
 * PresentationContextPolicy policy = DefaultAcceptancePolicy.create(preferredTs);   // 001 §3.4
 * AssociationAcceptor hooks = new AssociationAcceptor() {
 *     public AAssociateRj admit(AAssociateRq rq, InetSocketAddress remote) {   // 001 §2.2
 *         return aeTable.allowed(rq.callingAeTitle()) ? null : AAssociateRj.callingAeNotRecognized();
 *     }
 *     public PresentationContextPolicy presentationContextPolicy(AAssociateRq rq) { return policy; }
 *     public void established(Association a) { a.dataListener(new DimseProvider(handler, executor)); }
 * };
 * DicomListener listener = new DicomListener(settings, hooks, executor)
 *         .bindAddress(addr).port(104).tls(2762, sslContext, false).maxAssociations(50);
 * listener.start();   ...   listener.close();
 * }</pre>
 * {@code handler} is a {@link io.tessera.dicom.net.dimse.DimseRequestHandler}: it receives each request with its
 * command, its data set as a stream, the cancel signal, and a {@link io.tessera.dicom.net.dimse.Responder}.
 * {@link io.tessera.dicom.net.dimse.PolicyAcceptor} is a ready implementation of the hooks.
 *
 * <h2>Requesting (SCU)</h2>
 * <pre>{@code
 * AAssociateRq rq = new AAssociateRq();
 * rq.callingAeTitle("TESSERA"); rq.calledAeTitle("REMOTE");
 * rq.addPresentationContext(UID.VerificationSOPClass, UID.ImplicitVRLittleEndian);
 * try (Scu scu = Scu.open(new Connector(settings, executor), host, port, rq)) {
 *     DimseResponse r = scu.echo();      // store(Path), find(...), move(...), get(...), nGet(...) ...
 * }
 * }</pre>
 */
package io.tessera.dicom.net;
