package io.tessera.pacs.route;

import io.tessera.pacs.domain.ForwardTaskOrigin;
import jakarta.ejb.AccessTimeout;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Matches stored instances against the automatic routing table (001 §3.3.5.1) and writes one forward task per
 * distinct destination of the matching rules. Woken per instance by the instance-stored event; because that event
 * is a non-persistent wake-up that a crash between the index commit and the send can lose (InstanceStoredEvents),
 * a sweep also reads the index for instances above a watermark — the highest instance id below which everything
 * was routed — kept in pacs_setting: at start-up (catch-up) and every ten seconds.
 *
 * <p>Identity values can commit out of order (a store that got id 100 may commit after the one that got 101), so the
 * watermark only passes instances received more than {@value #SETTLE_SECONDS} s ago; those above it that were routed
 * already are remembered in memory, and after a restart recognised by their ROUTE tasks. One instance, routed once:
 * all routing goes through this singleton's write lock.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@AccessTimeout(value = 5, unit = TimeUnit.MINUTES)
public class Router {
    private static final Logger LOG = Logger.getLogger(Router.class.getName());
    static final int SETTLE_SECONDS = 60;
    private static final int SWEEP_ROWS = 1000;

    @PersistenceContext(unitName = "pacs")
    private EntityManager em;

    @EJB
    private RoutingTable table;

    @EJB
    private ForwardTasks tasks;

    @EJB
    private RoutingSettings settings;

    private long watermark = -1;
    /** Instances above the watermark routed already (whether or not a rule matched). */
    private Set<Long> routed;
    private boolean firstSweep = true;

    /**
     * The instance-stored event: route it now (again, when it replaced an earlier copy: the new data goes out too).
     * When no rule can match its source AE and Patient ID (most archives route little), nothing is read: the sweep
     * passes it later with nothing to do either.
     */
    public void instanceStored(String sopInstanceUid, boolean replaced, String sourceAe, String patientId) {
        if (table.compiled().stream().noneMatch(r -> r.mayMatch(sourceAe, patientId))) {
            return;
        }
        List<Object[]> rows = em.createQuery(ForwardTasks.INSTANCE_COLUMNS + " WHERE i.sopInstanceUid = :uid",
                Object[].class).setParameter("uid", sopInstanceUid).getResultList();
        if (rows.isEmpty()) {
            return; // deleted meanwhile
        }
        ForwardTasks.IndexedInstance i = ForwardTasks.indexed(rows.get(0));
        load();
        if (!replaced && (i.id() <= watermark || routed.contains(i.id()))) {
            return;
        }
        route(i);
        if (i.id() > watermark) {
            routed.add(i.id());
        }
    }

    /** The catch-up: every instance above the watermark not routed yet; then the watermark moves up. */
    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    public void sweep() {
        try {
            load();
            int n;
            do {
                Instant settled = Instant.now().minusSeconds(SETTLE_SECONDS);
                List<Object[]> rows = em.createQuery(ForwardTasks.INSTANCE_COLUMNS.replace("SELECT i.id,",
                                "SELECT i.receivedAt, i.id,") + " WHERE i.id > :watermark ORDER BY i.id", Object[].class)
                        .setParameter("watermark", watermark).setMaxResults(SWEEP_ROWS).getResultList();
                n = rows.size();
                long next = watermark;
                boolean contiguous = true;
                int caughtUp = 0;
                for (Object[] row : rows) {
                    Object[] columns = new Object[row.length - 1];
                    System.arraycopy(row, 1, columns, 0, columns.length);
                    ForwardTasks.IndexedInstance i = ForwardTasks.indexed(columns);
                    if (!routed.contains(i.id())) {
                        route(i);
                        routed.add(i.id());
                        caughtUp++;
                    }
                    if (contiguous && ((Instant) row[0]).isBefore(settled)) {
                        next = i.id();
                    } else {
                        contiguous = false;
                    }
                }
                if (caughtUp > 0) {
                    int c = caughtUp;
                    // at start-up these are instances whose event a stop or crash lost; later, mostly events not consumed yet
                    LOG.log(firstSweep ? Level.INFO : Level.FINE, () -> "Routing swept up " + c + " instance(s) whose"
                            + " stored event it had not handled");
                }
                if (next > watermark) {
                    settings.watermark(next);
                    watermark = next;
                    long w = next;
                    routed.removeIf(id -> id <= w);
                }
                if (!contiguous) {
                    break;
                }
            } while (n == SWEEP_ROWS);
            firstSweep = false;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Routing sweep failed; the next one retries", e);
        }
    }

    private void load() {
        if (routed == null) {
            watermark = settings.watermark();
            routed = new HashSet<>(em.createQuery("SELECT DISTINCT t.instanceId FROM ForwardTask t WHERE t.origin = :route"
                    + " AND t.instanceId > :watermark", Long.class).setParameter("route", ForwardTaskOrigin.ROUTE)
                    .setParameter("watermark", watermark).getResultList());
        }
    }

    /**
     * 001 §3.3.5.1: every rule whose source AE and key pattern match; one delivery per distinct destination — at once
     * if any of its rules routes immediately, else in the first rule's window — purged after it if any rule says so.
     */
    private void route(ForwardTasks.IndexedInstance i) {
        Map<String, ForwardTasks.Delivery> deliveries = new LinkedHashMap<>();
        for (RoutingTable.CompiledRule r : table.compiled()) {
            if (!r.matches(i.sourceAe(), i.patientId(), i.referringPhysicianName())) {
                continue;
            }
            String key = r.destinationAe().toUpperCase(java.util.Locale.ROOT);
            ForwardTasks.Delivery d = deliveries.get(key);
            if (d == null) {
                deliveries.put(key, new ForwardTasks.Delivery(r.destinationAe(), r.id(), r.window(), r.autoPurge()));
            } else {
                deliveries.put(key, new ForwardTasks.Delivery(d.destinationAe(), d.ruleId(),
                        d.window() == null || r.window() == null ? null : d.window(), d.autoPurge() || r.autoPurge()));
            }
        }
        if (!deliveries.isEmpty()) {
            tasks.route(i, deliveries.values());
        }
    }
}
