package io.tessera.pacs.route;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.domain.ForwardTask;
import io.tessera.pacs.domain.ForwardTaskAttempt;
import io.tessera.pacs.domain.ForwardTaskOrigin;
import io.tessera.pacs.domain.ForwardTaskState;
import io.tessera.pacs.retrieve.StoredInstance;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The forward-task rows: made by the router and by users' Forward, claimed and settled by the sender, listed, retried
 * and cancelled by the console and JMX. Every state change is an UPDATE of the row in a short transaction; wake-ups
 * go to the forward queue after the commit (the dispatcher's timer finds any that get lost).
 */
@Stateless
public class ForwardTasks {
    private static final Logger LOG = Logger.getLogger(ForwardTasks.class.getName());
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "pacs")
    private EntityManager em;

    @EJB
    private RoutingClock clock;

    @EJB
    private RoutingSettings settings;

    @EJB
    private RoutingTable table;

    @EJB
    private ForwardQueue queue;

    @EJB
    private ForwardProgress progress;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** One stored instance as the index has it, to route or forward. */
    public record IndexedInstance(long id, String sopInstanceUid, String sopClassUid, String seriesInstanceUid,
                           String studyInstanceUid, String patientId, String referringPhysicianName, String sourceAe) {
    }

    /** One delivery the router decided: where, by which rule, when, and whether the study is purged after it. */
    public record Delivery(String destinationAe, long ruleId, ScheduleWindow window, boolean autoPurge) {
    }

    /** A task claimed by a sender. */
    public record Claimed(long id, long instanceId, String sopInstanceUid, String studyInstanceUid, int attempts,
                   boolean autoPurge) {
    }

    /** What one sender claimed: its token and the tasks, all of one study and one destination. */
    public record Claim(String token, List<Claimed> tasks) {
    }

    /** The outcome of one attempt: status null when the destination never answered; permanent: no retry helps. */
    public record Outcome(long taskId, boolean success, Integer status, String error, boolean permanent) {
    }

    static final String INSTANCE_COLUMNS = "SELECT i.id, i.sopInstanceUid, i.sopClassUid, r.seriesInstanceUid,"
            + " s.studyInstanceUid, p.patientId, s.referringPhysicianName, i.sourceAe"
            + " FROM Instance i JOIN i.series r JOIN r.study s JOIN s.patient p";

    static IndexedInstance indexed(Object[] row) {
        return new IndexedInstance((Long) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], (String) row[6], (String) row[7]);
    }

    // ---- creation ----

    /** The router's deliveries of one instance, one task each; the destinations to wake after the commit. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void route(IndexedInstance instance, Collection<Delivery> deliveries) {
        Instant now = clock.now();
        Set<String> wake = new LinkedHashSet<>();
        for (Delivery d : deliveries) {
            ForwardTask t = new ForwardTask(ForwardTaskOrigin.ROUTE, d.ruleId(), "routing rule " + d.ruleId(),
                    d.destinationAe(), instance.id(), instance.sopInstanceUid(), instance.sopClassUid(),
                    instance.seriesInstanceUid(), instance.studyInstanceUid(), instance.patientId(), instance.sourceAe(),
                    now);
            t.setAutoPurge(d.autoPurge());
            if (d.window() != null) {
                t.schedule(d.window().start(), d.window().end());
                if (d.window().contains(clock.timeOfDay())) {
                    t.setState(ForwardTaskState.PENDING, now);
                }
            }
            em.persist(t);
            if (t.getState() == ForwardTaskState.PENDING) {
                wake.add(d.destinationAe());
            }
        }
        wakeAfterCommit(wake);
    }

    /** 001 §3.3.4: every instance of the selection to one destination, one task each. */
    public ForwardResult forward(ForwardSelection selection, String destinationAe, String user) {
        String destination = table.destination(destinationAe);
        if (selection == null || selection.getKeys().isEmpty()) {
            throw new InvalidRequestException("Choose the patients, studies or series to forward first.");
        }
        String column = switch (selection.getLevel()) {
            case PATIENT -> "p.patientId";
            case STUDY -> "s.studyInstanceUid";
            case SERIES -> "r.seriesInstanceUid";
        };
        List<String> keys = selection.getKeys().stream().filter(k -> k != null && !k.isBlank()).map(String::strip)
                .distinct().toList();
        Instant now = clock.now();
        Set<String> studies = new LinkedHashSet<>();
        int n = 0;
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<Object[]> rows = em.createQuery(INSTANCE_COLUMNS + " WHERE " + column + " IN :keys"
                            + " ORDER BY s.id, r.id, i.instanceNumber, i.id", Object[].class)
                    .setParameter("keys", keys.subList(from, Math.min(keys.size(), from + CHUNK))).getResultList();
            for (Object[] row : rows) {
                IndexedInstance i = indexed(row);
                em.persist(new ForwardTask(ForwardTaskOrigin.FORWARD, null, user, destination, i.id(),
                        i.sopInstanceUid(), i.sopClassUid(), i.seriesInstanceUid(), i.studyInstanceUid(), i.patientId(),
                        i.sourceAe(), now));
                studies.add(i.studyInstanceUid());
                if (++n % CHUNK == 0) {
                    em.flush();
                    em.clear();
                }
            }
        }
        if (n == 0) {
            throw new InvalidRequestException("Nothing is stored under the chosen " + switch (selection.getLevel()) {
                case PATIENT -> "patient(s)";
                case STUDY -> "study(ies)";
                case SERIES -> "series";
            } + " (deleted meanwhile?).");
        }
        int tasks = n;
        LOG.info(() -> user + " forwarded " + tasks + " instance(s) of " + studies.size() + " study(ies) to " + destination);
        wakeAfterCommit(Set.of(destination));
        return new ForwardResult(destination, studies.size(), tasks);
    }

    // ---- the console's and JMX's view ----

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ForwardTaskView> find(TaskFilter filter, int first, int max) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<ForwardTask> q = em.createQuery("SELECT t FROM ForwardTask t" + where(filter, parameters)
                + " ORDER BY t.id DESC", ForwardTask.class);
        parameters.forEach(q::setParameter);
        return q.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 500))).getResultStream()
                .map(ForwardTaskView::new).toList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int count(TaskFilter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(t) FROM ForwardTask t" + where(filter, parameters), Long.class);
        parameters.forEach(q::setParameter);
        return q.getSingleResult().intValue();
    }

    private static String where(TaskFilter f, Map<String, Object> parameters) {
        if (f == null) {
            return "";
        }
        List<String> and = new ArrayList<>();
        if (f.getState() != null) {
            and.add("t.state = :state");
            parameters.put("state", f.getState());
        }
        if (f.getDestinationAe() != null && !f.getDestinationAe().isBlank()) {
            and.add("UPPER(t.destinationAe) = :destination");
            parameters.put("destination", f.getDestinationAe().strip().toUpperCase(java.util.Locale.ROOT));
        }
        ZoneId zone = ZoneId.systemDefault();
        if (f.getFrom() != null) {
            and.add("t.createdAt >= :from");
            parameters.put("from", f.getFrom().atStartOfDay(zone).toInstant());
        }
        if (f.getTo() != null) {
            and.add("t.createdAt < :to");
            parameters.put("to", f.getTo().plusDays(1).atStartOfDay(zone).toInstant());
        }
        return and.isEmpty() ? "" : " WHERE " + String.join(" AND ", and);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ForwardTaskView view(long id) {
        ForwardTask t = em.find(ForwardTask.class, id);
        return t == null ? null : new ForwardTaskView(t);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ForwardTaskAttemptView> history(long taskId) {
        return em.createQuery("SELECT a FROM ForwardTaskAttempt a WHERE a.taskId = :task ORDER BY a.id",
                ForwardTaskAttempt.class).setParameter("task", taskId).getResultStream().map(ForwardTaskAttemptView::new)
                .toList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<ForwardTaskState, Long> countsByState() {
        Map<ForwardTaskState, Long> counts = new EnumMap<>(ForwardTaskState.class);
        for (ForwardTaskState s : ForwardTaskState.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : em.createQuery("SELECT t.state, COUNT(t) FROM ForwardTask t GROUP BY t.state",
                Object[].class).getResultList()) {
            counts.put((ForwardTaskState) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Tasks waiting (SCHEDULED, PENDING) and being sent, per destination: the real queue depths. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, Long> openByDestination() {
        Map<String, Long> depth = new java.util.TreeMap<>();
        for (Object[] row : em.createQuery("SELECT t.destinationAe, COUNT(t) FROM ForwardTask t WHERE t.state IN"
                + " (:open) GROUP BY t.destinationAe", Object[].class).setParameter("open", OPEN).getResultList()) {
            depth.put((String) row[0], (Long) row[1]);
        }
        return depth;
    }

    static final List<ForwardTaskState> OPEN = List.of(ForwardTaskState.SCHEDULED, ForwardTaskState.PENDING,
            ForwardTaskState.IN_PROGRESS);

    // ---- retry and cancel ----

    public void retry(long taskId, String user) {
        ForwardTask t = task(taskId);
        if (t.getState() == ForwardTaskState.IN_PROGRESS) {
            throw new InvalidRequestException("Task " + taskId + " is being sent now.");
        }
        restart(t);
        LOG.info(() -> user + " retried forward task " + taskId + " (" + t.getSopInstanceUid() + " to "
                + t.getDestinationAe() + ")");
        wakeAfterCommit(Set.of(t.getDestinationAe()));
    }

    public void cancel(long taskId, String user) {
        ForwardTask t = task(taskId);
        if (t.getState() == ForwardTaskState.COMPLETED) {
            throw new InvalidRequestException("Task " + taskId + " is completed already: " + t.getDestinationAe()
                    + " has the image.");
        }
        if (t.getState() == ForwardTaskState.CANCELLED) {
            return;
        }
        if (t.getState() == ForwardTaskState.IN_PROGRESS) {
            progress.cancelled(taskId);
        }
        t.setState(ForwardTaskState.CANCELLED, clock.now());
        LOG.info(() -> user + " cancelled forward task " + taskId + " (" + t.getSopInstanceUid() + " to "
                + t.getDestinationAe() + ")");
    }

    public int retryAll(TaskFilter filter, String user) {
        int n = 0;
        Set<String> wake = new LinkedHashSet<>();
        for (ForwardTask t : matching(filter, List.of(ForwardTaskState.FAILED, ForwardTaskState.CANCELLED))) {
            restart(t);
            wake.add(t.getDestinationAe());
            n++;
        }
        int count = n;
        LOG.info(() -> user + " retried " + count + " forward task(s)");
        wakeAfterCommit(wake);
        return n;
    }

    public int cancelAll(TaskFilter filter, String user) {
        int n = 0;
        Instant now = clock.now();
        for (ForwardTask t : matching(filter, List.of(ForwardTaskState.SCHEDULED, ForwardTaskState.PENDING,
                ForwardTaskState.IN_PROGRESS, ForwardTaskState.FAILED))) {
            if (t.getState() == ForwardTaskState.IN_PROGRESS) {
                progress.cancelled(t.getId());
            }
            t.setState(ForwardTaskState.CANCELLED, now);
            n++;
        }
        int count = n;
        LOG.info(() -> user + " cancelled " + count + " forward task(s)");
        return n;
    }

    private List<ForwardTask> matching(TaskFilter filter, List<ForwardTaskState> states) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(filter, parameters);
        TypedQuery<ForwardTask> q = em.createQuery("SELECT t FROM ForwardTask t" + where
                + (where.isEmpty() ? " WHERE" : " AND") + " t.state IN :states", ForwardTask.class);
        parameters.forEach(q::setParameter);
        return q.setParameter("states", states).getResultList();
    }

    private void restart(ForwardTask t) {
        Instant now = clock.now();
        t.setAttempts(0);
        t.setNextAttemptAt(now);
        t.setState(ForwardTaskState.PENDING, now);
    }

    private ForwardTask task(long id) {
        ForwardTask t = em.find(ForwardTask.class, id);
        if (t == null) {
            throw new InvalidRequestException("There is no forward task " + id + ".");
        }
        return t;
    }

    // ---- the sender's side ----

    /**
     * Claims up to {@code max} due PENDING tasks of one study (the one with the oldest due task) for one destination:
     * they become IN_PROGRESS under a new claim token, so a second sender cannot take them.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Claim claim(String destinationAe, int max) {
        Instant now = clock.now();
        List<String> study = em.createQuery("SELECT t.studyInstanceUid FROM ForwardTask t WHERE t.state = :pending"
                        + " AND t.destinationAe = :destination AND t.nextAttemptAt <= :now ORDER BY t.nextAttemptAt, t.id",
                String.class).setParameter("pending", ForwardTaskState.PENDING).setParameter("destination", destinationAe)
                .setParameter("now", now).setMaxResults(1).getResultList();
        if (study.isEmpty()) {
            return new Claim(null, List.of());
        }
        List<Long> ids = em.createQuery("SELECT t.id FROM ForwardTask t WHERE t.state = :pending"
                        + " AND t.destinationAe = :destination AND t.studyInstanceUid = :study AND t.nextAttemptAt <= :now"
                        + " ORDER BY t.id", Long.class).setParameter("pending", ForwardTaskState.PENDING)
                .setParameter("destination", destinationAe).setParameter("study", study.get(0))
                .setParameter("now", now).setMaxResults(max).getResultList();
        String claim = UUID.randomUUID().toString();
        em.createQuery("UPDATE ForwardTask t SET t.state = :progress, t.claim = :claim, t.updatedAt = :now"
                        + " WHERE t.id IN :ids AND t.state = :pending").setParameter("progress", ForwardTaskState.IN_PROGRESS)
                .setParameter("claim", claim).setParameter("now", now).setParameter("ids", ids)
                .setParameter("pending", ForwardTaskState.PENDING).executeUpdate();
        return new Claim(claim, em.createQuery("SELECT t FROM ForwardTask t WHERE t.claim = :claim ORDER BY t.id",
                ForwardTask.class).setParameter("claim", claim).getResultStream().map(t -> new Claimed(t.getId(),
                t.getInstanceId(), t.getSopInstanceUid(), t.getStudyInstanceUid(), t.getAttempts(), t.isAutoPurge()))
                .toList());
    }

    /** The files of claimed tasks' instances, by instance id (missing: the instance was deleted meanwhile). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, StoredInstance> instances(List<Long> instanceIds) {
        Map<Long, StoredInstance> found = new LinkedHashMap<>();
        for (int from = 0; from < instanceIds.size(); from += CHUNK) {
            for (Object[] row : em.createQuery("SELECT i.id, i.sopInstanceUid, i.sopClassUid, i.transferSyntaxUid,"
                            + " i.storageFormat, i.storageArea, i.filePath FROM Instance i WHERE i.id IN :ids", Object[].class)
                    .setParameter("ids", instanceIds.subList(from, Math.min(instanceIds.size(), from + CHUNK)))
                    .getResultList()) {
                found.put((Long) row[0], new StoredInstance((String) row[1], (String) row[2], (String) row[3],
                        (io.tessera.pacs.domain.StorageFormat) row[4], (String) row[5], (String) row[6]));
            }
        }
        return found;
    }

    /**
     * Settles attempts: completed, or failed — retried after the backoff (or when its window opens again), failed
     * for good after the last attempt allowed or when no retry can help. Tasks no longer IN_PROGRESS under this claim
     * (cancelled meanwhile) keep their state. Returns the studies with a task completed now (auto purge candidates).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Set<String> settle(String claim, List<Outcome> outcomes) {
        Instant now = clock.now();
        Set<String> purgeCandidates = new LinkedHashSet<>();
        LocalTime time = clock.timeOfDay();
        for (Outcome o : outcomes) {
            ForwardTask t = em.find(ForwardTask.class, o.taskId());
            if (t == null || t.getState() != ForwardTaskState.IN_PROGRESS || !claim.equals(t.getClaim())) {
                continue;
            }
            t.setAttempts(t.getAttempts() + 1);
            t.attempted(now, o.status(), o.error());
            if (o.success()) {
                t.setState(ForwardTaskState.COMPLETED, now);
                // any completed task may be the last one an auto purge of its study waited for
                purgeCandidates.add(t.getStudyInstanceUid());
                continue;
            }
            em.persist(new ForwardTaskAttempt(t.getId(), now, o.status(), o.error() == null ? "failed" : o.error()));
            if (o.permanent() || t.getAttempts() >= settings.getMaxAttempts()) {
                t.setState(ForwardTaskState.FAILED, now);
            } else {
                t.setNextAttemptAt(now.plus(settings.backoff(t.getAttempts())));
                boolean closed = t.getWindowStart() != null
                        && !new ScheduleWindow(t.getWindowStart(), t.getWindowEnd()).contains(time);
                t.setState(closed ? ForwardTaskState.SCHEDULED : ForwardTaskState.PENDING, now);
            }
        }
        return purgeCandidates;
    }

    /** Hands back tasks a sender claimed but did not attempt (it stopped): PENDING again, attempts unchanged. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int release(String claim) {
        return em.createQuery("UPDATE ForwardTask t SET t.state = :pending, t.claim = NULL, t.updatedAt = :now"
                        + " WHERE t.claim = :claim AND t.state = :progress").setParameter("pending", ForwardTaskState.PENDING)
                .setParameter("now", clock.now()).setParameter("claim", claim)
                .setParameter("progress", ForwardTaskState.IN_PROGRESS).executeUpdate();
    }

    // ---- the dispatcher's side ----

    /** SCHEDULED tasks whose window is open now become PENDING; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int openWindows() {
        LocalTime time = clock.timeOfDay();
        Instant now = clock.now();
        int n = 0;
        for (Object[] w : em.createQuery("SELECT DISTINCT t.windowStart, t.windowEnd FROM ForwardTask t"
                + " WHERE t.state = :scheduled", Object[].class).setParameter("scheduled", ForwardTaskState.SCHEDULED)
                .getResultList()) {
            if (w[0] != null && w[1] != null && new ScheduleWindow((Integer) w[0], (Integer) w[1]).contains(time)) {
                n += em.createQuery("UPDATE ForwardTask t SET t.state = :pending, t.nextAttemptAt = :now, t.updatedAt = :now"
                                + " WHERE t.state = :scheduled AND t.windowStart = :start AND t.windowEnd = :end")
                        .setParameter("pending", ForwardTaskState.PENDING).setParameter("now", now)
                        .setParameter("scheduled", ForwardTaskState.SCHEDULED).setParameter("start", w[0])
                        .setParameter("end", w[1]).executeUpdate();
            }
        }
        return n;
    }

    /** Destinations with PENDING tasks due now. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> dueDestinations() {
        return em.createQuery("SELECT DISTINCT t.destinationAe FROM ForwardTask t WHERE t.state = :pending"
                        + " AND t.nextAttemptAt <= :now", String.class).setParameter("pending", ForwardTaskState.PENDING)
                .setParameter("now", clock.now()).getResultList();
    }

    /** At start-up: what was IN_PROGRESS when the server stopped is PENDING again (it may be sent twice). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int resumeInterrupted() {
        return em.createQuery("UPDATE ForwardTask t SET t.state = :pending, t.claim = NULL, t.updatedAt = :now"
                        + " WHERE t.state = :progress").setParameter("pending", ForwardTaskState.PENDING)
                .setParameter("now", clock.now()).setParameter("progress", ForwardTaskState.IN_PROGRESS).executeUpdate();
    }

    /** Wakes the senders of these destinations once the current transaction committed. */
    private void wakeAfterCommit(Set<String> destinations) {
        if (destinations.isEmpty()) {
            return;
        }
        Set<String> copy = Set.copyOf(destinations);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    copy.forEach(queue::wake);
                }
            }
        });
    }
}
