package io.tessera.pacs.retrieve;

import io.tessera.dicom.data.UID;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.dimse.Commands;
import io.tessera.dicom.net.dimse.Dimse;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.net.pdu.PresentationContextAc;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The C-STORE SCU of stored instances on an association we open: C-MOVE's sub-association (001 §3.3.3) and
 * routing and user forwarding (001 §3.3.4, §3.3.5, "Same as Section 3.3.3.3"), one implementation for all three.
 */
public final class StoreScu {
    private static final Logger LOG = Logger.getLogger(StoreScu.class.getName());
    /** PS3.8 §9.3.2.2: presentation context IDs are the odd numbers 1–255. */
    private static final int MAX_CONTEXTS = 128;

    private StoreScu() {
    }

    /**
     * 001 §3.3.3.2–3: one context per distinct (SOP class, stored transfer syntax), and one more with Implicit VR
     * Little Endian where the stored syntax is Explicit VR Little Endian, for a destination that accepts only that.
     */
    public static AAssociateRq associateRq(String calledAeTitle, List<StoredInstance> instances) {
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
        rq.calledAeTitle(calledAeTitle);
        int n = 0;
        for (List<String> pc : contexts) {
            if (n++ == MAX_CONTEXTS) {
                LOG.warning(() -> contexts.size() + " (SOP class, transfer syntax) pairs to send to "
                        + calledAeTitle + ": only " + MAX_CONTEXTS + " fit one association; the instances"
                        + " of the others fail");
                break;
            }
            rq.addPresentationContext(pc.get(0), pc.get(1));
        }
        return rq;
    }

    /**
     * Sends one instance as stored (001 §3.3.3.3) and returns the status of its C-STORE-RSP. {@code moveOriginator}
     * (null and -1 outside a C-MOVE) goes into the request's Move Originator fields.
     *
     * @throws StoreSubOperations.NotSent the destination accepted no context for it, or its file cannot be read:
     *         this instance fails, the association goes on
     * @throws IOException the association failed
     */
    public static int store(Scu scu, StoredInstance instance, String moveOriginator, int moveOriginatorMessageId)
            throws IOException, StoreSubOperations.NotSent {
        PresentationContextAc pc = SubOperationContexts.find(scu.association(), instance);
        if (pc == null) {
            throw new StoreSubOperations.NotSent(scu.association().remoteAeTitle() + " accepted no context for "
                    + UID.nameOf(instance.sopClassUid()) + " in " + UID.nameOf(instance.transferSyntaxUid()));
        }
        InstanceDataSet data = InstanceDataSet.open(instance, pc.transferSyntax());
        try (data) {
            return scu.invoke(pc.id(), Commands.cStoreRq(scu.nextMessageId(), instance.sopClassUid(),
                    instance.sopInstanceUid(), Dimse.PRIORITY_MEDIUM, moveOriginator, moveOriginatorMessageId), data, null)
                    .status();
        }
    }
}
