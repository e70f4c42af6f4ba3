package io.tessera.pacs.retrieve;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.net.Association;
import io.tessera.dicom.net.PresentationContextPolicy;
import io.tessera.dicom.net.dimse.Commands;
import io.tessera.dicom.net.dimse.Dimse;
import io.tessera.dicom.net.dimse.DimseProvider;
import io.tessera.dicom.net.dimse.DimseRequest;
import io.tessera.dicom.net.dimse.Responder;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.PresentationContextAc;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The C-GET SCP of the three GET information models (PS3.4 C.4.3; issue 6): the identifier resolved as for C-MOVE,
 * the C-STORE sub-operations sent back on the requestor's own association, on the storage contexts it proposed with
 * the SCP role (PS3.7 §D.3.3.4, negotiated by the adapter's storage policy) — the stored syntax, or Implicit VR LE
 * for a stored Explicit VR LE. An instance without such a context fails its sub-operation; the others go on.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CGetScp {
    private static final Logger LOG = Logger.getLogger(CGetScp.class.getName());

    @EJB
    private InstanceLocator locator;

    @EJB
    private RetrieveStatistics statistics;

    public void get(DimseRequest rq, Responder responder) throws IOException {
        try {
            getInstances(rq, responder);
        } catch (RuntimeException e) {
            // 001 Table 30, C000: anything unforeseen; the requestor gets a reason, the log the details
            LOG.log(Level.SEVERE, "C-GET from " + rq.association().callingAeTitle() + " failed", e);
            if (!responder.isDone()) {
                statistics.got(Status.UNABLE_TO_PROCESS, 0, 0, 0);
                responder.respond(Status.UNABLE_TO_PROCESS, Commands.errorComment(new Attributes(false, 1),
                        "Unable to process: " + e), null);
            }
        }
    }

    private void getInstances(DimseRequest rq, Responder responder) throws IOException {
        Association as = rq.association();
        String requestor = as.callingAeTitle();
        List<StoredInstance> instances;
        try {
            instances = locator.find(RetrieveIdentifier.parse(rq.sopClassUid(), RetrieveIdentifier.read(rq)));
        } catch (RetrieveFailure f) {
            LOG.log(f.status() == Status.OUT_OF_RESOURCES_NUMBER_OF_MATCHES ? Level.SEVERE : Level.WARNING,
                    String.format("C-GET from %s refused with %04XH: %s", requestor, f.status(), f.getMessage()),
                    f.getCause());
            statistics.got(f.status(), 0, 0, 0);
            responder.respond(f.status(), Commands.errorComment(new Attributes(false, 1), f.getMessage()), null);
            return;
        }
        if (!(as.dataListener() instanceof DimseProvider provider)) {
            throw new IllegalStateException("no DIMSE provider on " + as);
        }
        StoreSubOperations subOperations = new StoreSubOperations(instances);
        subOperations.run(rq, responder, requestor, instance -> store(provider, as, instance));
        int status = subOperations.respond(responder);
        statistics.got(status, subOperations.completed(), subOperations.failed(), subOperations.warning());
        Level level = status == Status.SUCCESS || status == Status.CANCEL ? Level.INFO : Level.WARNING;
        LOG.log(level, () -> String.format("C-GET from %s: %04XH, %d completed, %d failed, %d warning, %d not sent%s",
                requestor, status, subOperations.completed(), subOperations.failed(), subOperations.warning(),
                subOperations.remaining(), subOperations.errorComment() == null ? ""
                        : "; first failure: " + subOperations.errorComment()));
    }

    private static int store(DimseProvider provider, Association as, StoredInstance instance)
            throws IOException, StoreSubOperations.NotSent {
        if (!PresentationContextPolicy.negotiatedRole(as.acceptance(), instance.sopClassUid()).scp()) {
            throw new StoreSubOperations.NotSent(as.callingAeTitle() + " did not take the SCP role for "
                    + UID.nameOf(instance.sopClassUid()) + " (PS3.4 C.4.3.1)");
        }
        PresentationContextAc pc = SubOperationContexts.find(as, instance);
        if (pc == null) {
            throw new StoreSubOperations.NotSent("no context accepted on " + as.callingAeTitle() + "'s association for "
                    + UID.nameOf(instance.sopClassUid()) + " in " + UID.nameOf(instance.transferSyntaxUid()));
        }
        InstanceDataSet data = InstanceDataSet.open(instance, pc.transferSyntax());
        try (data) {
            return provider.invoke(as, pc.id(), Commands.cStoreRq(provider.nextMessageId(), instance.sopClassUid(),
                    instance.sopInstanceUid(), Dimse.PRIORITY_MEDIUM, null, -1), data, null).status();
        }
    }
}
