package io.tessera.pacs.route;

import io.tessera.dicom.net.AssociationRejectedException;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.pacs.admin.ApplicationEntityData;
import io.tessera.pacs.admin.ApplicationEntityRegistry;
import io.tessera.pacs.jca.DicomConnection;
import io.tessera.pacs.jca.DicomConnectionFactory;
import io.tessera.pacs.retrieve.StoreScu;
import io.tessera.pacs.retrieve.StoreSubOperations;
import io.tessera.pacs.retrieve.StoredInstance;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.resource.ResourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the due tasks of one destination with the C-STORE SCU C-MOVE uses ({@link StoreScu}; 001 §3.3.4.3,
 * §3.3.5.3 "Same as Section 3.3.3.3"): the instances of one study on one association, each data set as stored, a
 * refused one failing alone while the others go on (001 §3.3.3.4). At most {@link RoutingSettings#getParallelism()}
 * senders work for one destination at a time. Outcomes are written back every {@value #SETTLE_EVERY} instances, so a
 * crash re-sends at most that many.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ForwardSender {
    private static final Logger LOG = Logger.getLogger(ForwardSender.class.getName());
    /** Tasks per association: one study's, up to this many. */
    static final int BATCH = 500;
    static final int SETTLE_EVERY = 50;

    @EJB
    private ForwardTasks tasks;

    @EJB
    private ForwardProgress progress;

    @EJB
    private ForwardQueue queue;

    @EJB
    private RoutingSettings settings;

    @EJB
    private AutoPurge autoPurge;

    @EJB
    private ApplicationEntityRegistry applicationEntities;

    @Resource(lookup = DicomConnectionFactory.JNDI_NAME)
    private DicomConnectionFactory dicom;

    /** Sends every due task of the destination, association after association, if a slot for it is free. */
    public void drain(String destinationAe) {
        if (!progress.acquire(destinationAe, settings.getParallelism())) {
            return; // the senders at work take what is due
        }
        try {
            while (true) {
                ForwardTasks.Claim claim = tasks.claim(destinationAe, BATCH);
                if (claim.tasks().isEmpty()) {
                    return;
                }
                if (settings.getParallelism() > 1) {
                    queue.wake(destinationAe); // another sender may take the next study meanwhile
                }
                send(destinationAe, claim);
            }
        } finally {
            progress.release(destinationAe);
        }
    }

    private void send(String destinationAe, ForwardTasks.Claim claim) {
        List<ForwardTasks.Claimed> batch = claim.tasks();
        String study = batch.get(0).studyInstanceUid();
        ForwardProgress.Running running = progress.start(claim.token(), destinationAe, study, batch.size());
        Set<String> purge = new LinkedHashSet<>();
        Settler settler = new Settler(claim.token(), purge);
        try {
            Optional<ApplicationEntityData> ae = applicationEntities.find(destinationAe);
            if (ae.isEmpty() || !ae.get().isReachable()) {
                settler.failAll(batch, 0, null, "Destination " + destinationAe + (ae.isEmpty()
                        ? " is no longer an application entity here" : " has no host and port") + ".", false);
                return;
            }
            Map<Long, StoredInstance> files = tasks.instances(batch.stream().map(ForwardTasks.Claimed::instanceId).toList());
            List<ForwardTasks.Claimed> sendable = new ArrayList<>();
            for (ForwardTasks.Claimed t : batch) {
                if (files.containsKey(t.instanceId())) {
                    sendable.add(t);
                } else {
                    settler.add(new ForwardTasks.Outcome(t.id(), false, null, "Instance " + t.sopInstanceUid()
                            + " is no longer stored here (deleted).", true));
                    running.failed.incrementAndGet();
                }
            }
            if (!sendable.isEmpty()) {
                associate(ae.get(), sendable, files, settler, running);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Sending to " + destinationAe + " failed unexpectedly", e);
        } finally {
            try {
                settler.flush();
            } finally {
                tasks.release(claim.token()); // any not settled (an unexpected failure): PENDING again
                progress.end(claim.token());
                batch.forEach(t -> progress.takeCancelled(t.id())); // cancels that came too late to skip it
            }
        }
        int sent = running.sent.get();
        int failed = running.failed.get();
        Level level;
        if (failed == 0) {
            progress.succeeded(destinationAe);
            level = Level.INFO;
        } else {
            level = progress.warnFailure(destinationAe) ? Level.WARNING : Level.FINE;
        }
        LOG.log(level, () -> String.format("Forwarded %d of %d instance(s) of study %s to %s%s", sent, batch.size(),
                study, destinationAe, failed == 0 ? "" : "; " + failed + " failed, first: " + settler.firstError));
        for (String s : purge) { // studies with a task completed now: one may have become purgeable
            try {
                autoPurge.consider(s);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Auto purge of study " + s + " failed; it is tried again after its next delivery"
                        + " or at the next start", e);
            }
        }
    }

    private void associate(ApplicationEntityData ae, List<ForwardTasks.Claimed> sendable, Map<Long, StoredInstance> files,
                           Settler settler, ForwardProgress.Running running) {
        String where = ae.getTitle() + " at " + ae.getHost() + ":" + ae.getPort();
        List<StoredInstance> instances = sendable.stream().map(t -> files.get(t.instanceId())).toList();
        try (DicomConnection connection = dicom.getConnection()) {
            Scu scu;
            try {
                scu = connection.open(ae.getHost(), ae.getPort(), StoreScu.associateRq(ae.getTitle(), instances));
            } catch (AssociationRejectedException e) {
                settler.failAll(sendable, 0, null, "Association rejected by " + where + ": " + e.reject(), false);
                running.failed.addAndGet(sendable.size());
                return;
            } catch (IOException e) {
                settler.failAll(sendable, 0, null, "Cannot reach " + where + ": " + e.getMessage(), false);
                running.failed.addAndGet(sendable.size());
                return;
            }
            try (scu) {
                for (int n = 0; n < sendable.size(); n++) {
                    ForwardTasks.Claimed t = sendable.get(n);
                    if (progress.takeCancelled(t.id())) {
                        continue;
                    }
                    int status;
                    try {
                        status = StoreScu.store(scu, files.get(t.instanceId()), null, -1);
                    } catch (StoreSubOperations.NotSent e) {
                        settler.add(new ForwardTasks.Outcome(t.id(), false, null, e.getMessage(), false));
                        running.failed.incrementAndGet();
                        continue;
                    } catch (IOException e) {
                        // the association is gone: this one and the rest failed this attempt
                        settler.failAll(sendable, n, null, "Association with " + where + " failed: " + e.getMessage(),
                                false);
                        running.failed.addAndGet(sendable.size() - n);
                        return;
                    }
                    Status.Kind kind = Status.kindOf(status);
                    if (kind == Status.Kind.SUCCESS || kind == Status.Kind.WARNING) {
                        settler.add(new ForwardTasks.Outcome(t.id(), true, status, null, false));
                        running.sent.incrementAndGet();
                    } else {
                        settler.add(new ForwardTasks.Outcome(t.id(), false, status, String.format(
                                "%s refused %s with %04XH", ae.getTitle(), t.sopInstanceUid(), status), false));
                        running.failed.incrementAndGet();
                    }
                }
            }
        } catch (ResourceException e) {
            settler.failAll(sendable, 0, null, "No outbound DICOM connection: " + e.getMessage(), false);
            running.failed.addAndGet(sendable.size());
        }
    }

    /** Collects outcomes and writes them to the task rows every {@value #SETTLE_EVERY}. */
    private final class Settler {
        private final String token;
        private final Set<String> purge;
        private final List<ForwardTasks.Outcome> outcomes = new ArrayList<>();
        private final Set<Long> settled = new java.util.HashSet<>();
        private String firstError;

        Settler(String token, Set<String> purge) {
            this.token = token;
            this.purge = purge;
        }

        void add(ForwardTasks.Outcome o) {
            if (!settled.add(o.taskId())) {
                return;
            }
            if (!o.success() && firstError == null) {
                firstError = o.error();
            }
            outcomes.add(o);
            if (outcomes.size() >= SETTLE_EVERY) {
                flush();
            }
        }

        void failAll(List<ForwardTasks.Claimed> tasks, int from, Integer status, String error, boolean permanent) {
            for (int i = from; i < tasks.size(); i++) {
                add(new ForwardTasks.Outcome(tasks.get(i).id(), false, status, error, permanent));
            }
        }

        void flush() {
            if (!outcomes.isEmpty()) {
                purge.addAll(tasks.settle(token, List.copyOf(outcomes)));
                outcomes.clear();
            }
        }
    }
}
