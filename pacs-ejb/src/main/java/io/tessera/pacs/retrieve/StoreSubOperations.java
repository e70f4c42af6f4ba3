package io.tessera.pacs.retrieve;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.net.dimse.Commands;
import io.tessera.dicom.net.dimse.DimseRequest;
import io.tessera.dicom.net.dimse.Responder;
import io.tessera.dicom.net.dimse.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The C-STORE sub-operations of one C-MOVE or C-GET (PS3.4 C.4.2.3.1, C.4.3.3.1; 001 §3.3.3.4): one after the
 * other, a pending response with the counts after each (001: "one C-MOVE response message for each attempted
 * C-STORE operation"), a refused one counted as failed while the others go on, a C-CANCEL honoured between two,
 * and the final response:
 * <ul>
 * <li>0000 when all completed without warning;</li>
 * <li>B000 when some failed or completed with a warning (Failed SOP Instance UID List in the identifier);</li>
 * <li>A702 "unable to perform sub-operations" when every one failed — the destination could not be reached,
 * refused the association or refused every instance (PS3.4 C.4.2.3.1: Failure when all sub-operations failed;
 * A801 is only for a destination we do not know);</li>
 * <li>FE00 after a C-CANCEL, with the remaining count; the Failed SOP Instance UID List then names the failed
 * instances and those not sent, so the requestor knows everything it still lacks.</li>
 * </ul>
 */
public final class StoreSubOperations {

    /** Where the sub-operations go: a sub-association (C-MOVE) or the requestor's own association (C-GET). */
    interface Destination {
        /**
         * Sends one instance and returns the status of its C-STORE-RSP. Throws {@link NotSent} when it could not be
         * sent (no presentation context for it, file unreadable): that sub-operation fails, the others go on. Throws
         * an IOException when the association failed: the remaining sub-operations then fail too.
         */
        int store(StoredInstance instance) throws IOException, NotSent;
    }

    /** A sub-operation that failed on our side, before a C-STORE-RQ went out; the message says why. */
    public static final class NotSent extends Exception {
        private static final long serialVersionUID = 1L;

        public NotSent(String why) {
            super(why);
        }
    }

    private final List<StoredInstance> instances;
    private final List<String> failedUids = new ArrayList<>();
    private int next;
    private int completed;
    private int failed;
    private int warning;
    private boolean canceled;
    private String errorComment;

    StoreSubOperations(List<StoredInstance> instances) {
        this.instances = instances;
    }

    int total() {
        return instances.size();
    }

    int completed() {
        return completed;
    }

    int failed() {
        return failed;
    }

    int warning() {
        return warning;
    }

    int remaining() {
        return instances.size() - next;
    }

    /** The first reason a sub-operation failed, for the final response's Error Comment and the log. */
    String errorComment() {
        return errorComment;
    }

    /** No sub-operation could be attempted (destination unreachable or association rejected). */
    void failAll(String why) {
        while (next < instances.size()) {
            fail(instances.get(next++), why);
        }
    }

    /** Runs the sub-operations until all are done, the request is canceled or the destination's association fails. */
    void run(DimseRequest rq, Responder responder, String destinationName, Destination destination)
            throws IOException {
        run(rq::isCanceled, responder, destinationName, destination);
    }

    /** As above, with the C-CANCEL signal as a supplier. */
    void run(BooleanSupplier canceledSignal, Responder responder, String destinationName, Destination destination)
            throws IOException {
        while (next < instances.size()) {
            if (canceledSignal.getAsBoolean()) {
                canceled = true;
                return;
            }
            StoredInstance instance = instances.get(next++);
            int status;
            try {
                status = destination.store(instance);
            } catch (NotSent e) {
                status = -1;
                fail(instance, e.getMessage());
            } catch (IOException e) {
                fail(instance, "association with the destination failed: " + e.getMessage());
                failAll("association with the destination failed: " + e.getMessage());
                return;
            }
            if (status != -1) {
                switch (Status.kindOf(status)) {
                    case SUCCESS -> completed++;
                    case WARNING -> warning++;
                    default -> fail(instance, String.format("%s refused %s with %04XH", destinationName,
                            instance.sopInstanceUid(), status));
                }
            }
            if (next < instances.size() && !canceledSignal.getAsBoolean()) {
                responder.pending(Status.PENDING, Commands.subOperations(new Attributes(false, 4), remaining(),
                        completed, failed, warning), null);
            }
        }
    }

    private void fail(StoredInstance instance, String why) {
        failed++;
        failedUids.add(instance.sopInstanceUid());
        if (errorComment == null) {
            errorComment = why;
        }
    }

    /** The final status by the rules above. */
    int finalStatus() {
        if (canceled) {
            return Status.CANCEL;
        }
        if (failed == 0 && warning == 0) {
            return Status.SUCCESS;
        }
        if (completed == 0 && warning == 0) {
            return Status.OUT_OF_RESOURCES_SUB_OPERATIONS;
        }
        return Status.SUB_OPERATIONS_COMPLETE_WITH_FAILURES;
    }

    /** Sends the final response and returns its status. */
    int respond(Responder responder) throws IOException {
        int status = finalStatus();
        Attributes command = Commands.subOperations(new Attributes(false, 5),
                status == Status.CANCEL ? remaining() : -1, completed, failed, warning);
        if (status != Status.SUCCESS && status != Status.CANCEL && errorComment != null) {
            Commands.errorComment(command, errorComment);
        }
        List<String> uids = new ArrayList<>(failedUids);
        if (status == Status.CANCEL) {
            instances.subList(next, instances.size()).forEach(i -> uids.add(i.sopInstanceUid()));
        }
        Attributes identifier = null;
        if (!uids.isEmpty()) {
            identifier = new Attributes(false, 1);
            identifier.setString(Tag.FailedSOPInstanceUIDList, VR.UI, uids.toArray(String[]::new));
        }
        responder.respond(status, command, identifier);
        return status;
    }
}
