package io.tessera.pacs.retrieve;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.net.AssociationRejectedException;
import io.tessera.dicom.net.dimse.Commands;
import io.tessera.dicom.net.dimse.DimseRequest;
import io.tessera.dicom.net.dimse.Responder;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.dimse.Status;
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
import java.util.List;
import java.util.Optional;
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
                scu = connection.open(destination.getHost(), destination.getPort(), StoreScu.associateRq(destination.getTitle(), instances));
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
                subOperations.run(rq, responder, destination.getTitle(), instance -> StoreScu.store(scu, instance, originator, originatorMessageId));
            }
        } catch (ResourceException e) {
            subOperations.failAll("no outbound DICOM connection: " + e.getMessage());
        }
    }
}
