package io.tessera.pacs.retrieve;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.AssociationRejectedException;
import io.tessera.dicom.net.dimse.Commands;
import io.tessera.dicom.net.dimse.Dimse;
import io.tessera.dicom.net.dimse.DimseRequest;
import io.tessera.dicom.net.dimse.Responder;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.net.pdu.PresentationContextAc;
import io.tessera.pacs.admin.ApplicationEntityData;
import io.tessera.pacs.admin.ApplicationEntityRegistry;
import io.tessera.pacs.jca.DicomConnection;
import io.tessera.pacs.jca.DicomConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.resource.ResourceException;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The C-MOVE SCP of the three MOVE information models (001 §3.3.3, §3.4.2.3, Table 30). The Move Destination is
 * looked up in the application-entity table (A801 when it is not there or has no host and port); the identifier is
 * resolved over the index; one sub-association to the destination carries every C-STORE sub-operation, each data
 * set sent as it was received.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CMoveScp {
    private static final Logger LOG = Logger.getLogger(CMoveScp.class.getName());
    /** PS3.8 §9.3.2.2: presentation context IDs are the odd numbers 1–255. */
    private static final int MAX_CONTEXTS = 128;

    @EJB
    private ApplicationEntityRegistry applicationEntities;

    @EJB
    private InstanceLocator locator;

    @EJB
    private RetrieveStatistics statistics;

    @Resource(lookup = DicomConnectionFactory.JNDI_NAME)
    private DicomConnectionFactory dicom;

    public void move(DimseRequest rq, Responder responder) throws IOException {
        try {
            moveInstances(rq, responder);
        } catch (RuntimeException e) {
            // 001 Table 30, C000: anything unforeseen; the requestor gets a reason, the log the details
            LOG.log(Level.SEVERE, "C-MOVE from " + rq.association().callingAeTitle() + " failed", e);
            if (!responder.isDone()) {
                statistics.moved(Status.UNABLE_TO_PROCESS, 0, 0, 0);
                responder.respond(Status.UNABLE_TO_PROCESS, Commands.errorComment(new Attributes(false, 1),
                        "Unable to process: " + e), null);
            }
        }
    }

    private void moveInstances(DimseRequest rq, Responder responder) throws IOException {
        String requestor = rq.association().callingAeTitle();
        String destinationAe = rq.command().getString(Tag.MoveDestination);
        List<StoredInstance> instances;
        ApplicationEntityData destination;
        try {
            destination = destination(destinationAe);
            instances = locator.find(RetrieveIdentifier.parse(rq.sopClassUid(), RetrieveIdentifier.read(rq)));
        } catch (RetrieveFailure f) {
            LOG.log(f.status() == Status.OUT_OF_RESOURCES_NUMBER_OF_MATCHES ? Level.SEVERE : Level.WARNING,
                    String.format("C-MOVE from %s to %s refused with %04XH: %s", requestor, destinationAe, f.status(),
                            f.getMessage()), f.getCause());
            statistics.moved(f.status(), 0, 0, 0);
            responder.respond(f.status(), Commands.errorComment(new Attributes(false, 1), f.getMessage()), null);
            return;
        }
        StoreSubOperations subOperations = new StoreSubOperations(instances);
        if (!instances.isEmpty()) {
            send(rq, responder, destination, instances, subOperations);
        }
        int status = subOperations.respond(responder);
        statistics.moved(status, subOperations.completed(), subOperations.failed(), subOperations.warning());
        Level level = status == Status.SUCCESS || status == Status.CANCEL ? Level.INFO : Level.WARNING;
        LOG.log(level, () -> String.format("C-MOVE from %s to %s: %04XH, %d completed, %d failed, %d warning, %d"
                        + " not sent%s", requestor, destinationAe, status, subOperations.completed(),
                subOperations.failed(), subOperations.warning(), subOperations.remaining(),
                subOperations.errorComment() == null ? "" : "; first failure: " + subOperations.errorComment()));
    }

    private ApplicationEntityData destination(String title) throws RetrieveFailure {
        if (title == null || title.isBlank()) {
            throw new RetrieveFailure(Status.MOVE_DESTINATION_UNKNOWN, "no Move Destination");
        }
        Optional<ApplicationEntityData> ae;
        try {
            ae = applicationEntities.find(title.trim());
        } catch (RuntimeException e) {
            throw new RetrieveFailure(Status.OUT_OF_RESOURCES_NUMBER_OF_MATCHES, "Database failure looking up "
                    + title.trim() + ": " + e.getMessage(), e);
        }
        if (ae.isEmpty()) {
            throw new RetrieveFailure(Status.MOVE_DESTINATION_UNKNOWN,
                    "Move destination unknown: " + title.trim() + " is not an application entity here");
        }
        if (!ae.get().isReachable()) {
            throw new RetrieveFailure(Status.MOVE_DESTINATION_UNKNOWN,
                    "Move destination unknown: " + title.trim() + " has no host and port");
        }
        return ae.get();
    }

    private void send(DimseRequest rq, Responder responder, ApplicationEntityData destination,
                      List<StoredInstance> instances, StoreSubOperations subOperations) throws IOException {
        String where = destination.getTitle() + " at " + destination.getHost() + ":" + destination.getPort();
        try (DicomConnection connection = dicom.getConnection()) {
            Scu scu;
            try {
                scu = connection.open(destination.getHost(), destination.getPort(), associateRq(destination, instances));
            } catch (AssociationRejectedException e) {
                subOperations.failAll("association rejected by " + where + ": " + e.reject());
                return;
            } catch (IOException e) {
                subOperations.failAll("cannot reach " + where + ": " + e);
                return;
            }
            try (scu) {
                String originator = rq.association().callingAeTitle();
                int originatorMessageId = rq.messageId();
                subOperations.run(rq, responder, destination.getTitle(), instance -> store(scu, instance, originator, originatorMessageId));
            }
        } catch (ResourceException e) {
            subOperations.failAll("no outbound DICOM connection: " + e.getMessage());
        }
    }

    /**
     * 001 §3.3.3.2–3: one context per distinct (SOP class, stored transfer syntax), and one more with Implicit VR
     * Little Endian where the stored syntax is Explicit VR Little Endian, for a destination that accepts only that.
     */
    static AAssociateRq associateRq(ApplicationEntityData destination, List<StoredInstance> instances) {
        String explicit = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
        String implicit = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();
        Set<List<String>> contexts = new LinkedHashSet<>();
        for (StoredInstance i : instances) {
            contexts.add(List.of(i.sopClassUid(), i.transferSyntaxUid()));
            if (explicit.equals(i.transferSyntaxUid())) {
                contexts.add(List.of(i.sopClassUid(), implicit));
            }
        }
        AAssociateRq rq = new AAssociateRq();
        rq.calledAeTitle(destination.getTitle());
        int n = 0;
        for (List<String> pc : contexts) {
            if (n++ == MAX_CONTEXTS) {
                LOG.warning(() -> contexts.size() + " (SOP class, transfer syntax) pairs to send to "
                        + destination.getTitle() + ": only " + MAX_CONTEXTS + " fit one association; the instances"
                        + " of the others fail");
                break;
            }
            rq.addPresentationContext(pc.get(0), pc.get(1));
        }
        return rq;
    }

    private static int store(Scu scu, StoredInstance instance, String originator, int originatorMessageId)
            throws IOException, StoreSubOperations.NotSent {
        PresentationContextAc pc = context(scu, instance);
        if (pc == null) {
            throw new StoreSubOperations.NotSent(scu.association().remoteAeTitle() + " accepted no context for "
                    + UID.nameOf(instance.sopClassUid()) + " in " + UID.nameOf(instance.transferSyntaxUid()));
        }
        InstanceDataSet data = InstanceDataSet.open(instance, pc.transferSyntax());
        try (data) {
            return scu.invoke(pc.id(), Commands.cStoreRq(scu.nextMessageId(), instance.sopClassUid(),
                    instance.sopInstanceUid(), Dimse.PRIORITY_MEDIUM, originator, originatorMessageId), data, null)
                    .status();
        }
    }

    private static PresentationContextAc context(Scu scu, StoredInstance instance) {
        return SubOperationContexts.find(scu.association(), instance);
    }
}
