package io.tessera.pacs.admin;

import io.tessera.pacs.domain.ForwardTaskState;
import io.tessera.pacs.route.RoutingService;
import io.tessera.pacs.store.StorageSettings;
import io.tessera.pacs.store.StorageStatistics;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.ejb3.annotation.SecurityDomain;

/**
 * The console's home dashboard (issue 8): what arrived today, the ingest rate of the last 24 hours, storage used and
 * free per storage area, the C-STORE refusals by status, and the forward tasks failed and waiting. Counts are SQL aggregates over the indexed received_at
 * columns; nothing reads a file. Every console user may see it.
 */
@Stateless
@SecurityDomain("tessera")
@RolesAllowed({"VIEW", "FORWARD", "MODIFY", "PRINT", "UPDATE", "ADMIN"})
public class DashboardService {
    static final int HOURS = 24;

    @PersistenceContext(unitName = "pacs")
    private EntityManager em;

    @EJB
    private StorageSettings settings;

    @EJB
    private StorageStatistics statistics;

    @EJB
    private ApplicationEntityRegistry registry;

    @EJB
    private RoutingService routing;

    public DashboardView dashboard() {
        Instant now = Instant.now();
        ZoneId zone = ZoneId.systemDefault();
        Instant midnight = LocalDate.now(zone).atStartOfDay(zone).toInstant();
        DashboardView v = new DashboardView();
        v.setGeneratedAt(now);
        v.setZone(zone.getId());
        v.setInstancesToday(count("SELECT COUNT(i) FROM Instance i WHERE i.receivedAt >= :since", midnight));
        v.setStudiesToday(count("SELECT COUNT(s) FROM Study s WHERE s.receivedAt >= :since", midnight));
        v.setHourly(hourly(now));
        v.setAreas(areas());
        v.setRefusals(statistics.getFailuresByStatus());
        v.setInstancesSinceStart(statistics.getInstancesStored());
        // one GROUP BY over the task rows gives both figures
        Map<ForwardTaskState, Long> tasks = routing.countsByState();
        v.setFailedTasks(tasks.getOrDefault(ForwardTaskState.FAILED, 0L));
        v.setWaitingTasks(tasks.entrySet().stream().filter(e -> e.getKey().isOpen()).mapToLong(Map.Entry::getValue).sum());
        return v;
    }

    private long count(String jpql, Instant since) {
        return em.createQuery(jpql, Long.class).setParameter("since", since).getSingleResult();
    }

    /**
     * Instances received per hour over the last 24 hours, oldest first, the last bucket being the current hour: one
     * range scan of ix_instance_received with one conditional sum per hour.
     */
    private List<HourCount> hourly(Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        Instant start = end.minus(HOURS, ChronoUnit.HOURS);
        StringBuilder jpql = new StringBuilder("SELECT ");
        for (int h = 0; h < HOURS; h++) {
            jpql.append(h == 0 ? "" : ", ")
                .append("SUM(CASE WHEN i.receivedAt >= :t").append(h).append(" AND i.receivedAt < :t").append(h + 1)
                .append(" THEN 1 ELSE 0 END)");
        }
        jpql.append(" FROM Instance i WHERE i.receivedAt >= :t0 AND i.receivedAt < :t").append(HOURS);
        TypedQuery<Object[]> q = em.createQuery(jpql.toString(), Object[].class);
        for (int h = 0; h <= HOURS; h++) {
            q.setParameter("t" + h, start.plus(h, ChronoUnit.HOURS));
        }
        Object[] row = q.getSingleResult();
        List<HourCount> hours = new ArrayList<>(HOURS);
        for (int h = 0; h < HOURS; h++) {
            Object n = row[h];
            hours.add(new HourCount(start.plus(h, ChronoUnit.HOURS), n == null ? 0 : ((Number) n).longValue()));
        }
        return hours;
    }

    /** The default area, every AE's archive directory and every area the index names, with used and free bytes. */
    private List<StorageArea> areas() {
        Map<String, StorageArea> areas = new LinkedHashMap<>();
        areas.put(settings.getDefaultArea().toString(), new StorageArea(settings.getDefaultArea().toString(), "default"));
        for (ApplicationEntityData ae : registry.list()) {
            if (ae.getArchiveDir() != null && !ae.getArchiveDir().isBlank()) {
                String dir = settings.areaFor(ae.getArchiveDir()).toString();
                areas.computeIfAbsent(dir, d -> new StorageArea(d, "")).addUser(ae.getTitle());
            }
        }
        List<Object[]> used = em.createQuery("SELECT i.storageArea, SUM(i.fileSize), COUNT(i) FROM Instance i "
                + "GROUP BY i.storageArea", Object[].class).getResultList();
        for (Object[] row : used) {
            StorageArea a = areas.computeIfAbsent((String) row[0], d -> new StorageArea(d, "no longer configured"));
            a.setUsedBytes(row[1] == null ? 0 : ((Number) row[1]).longValue());
            a.setInstances(((Number) row[2]).longValue());
        }
        for (StorageArea a : areas.values()) {
            fileStore(Path.of(a.getPath())).ifPresent(store -> {
                try {
                    a.setFreeBytes(store.getUsableSpace());
                    a.setTotalBytes(store.getTotalSpace());
                } catch (IOException e) {
                    a.setProblem("free space unknown: " + e.getMessage());
                }
            });
        }
        return new ArrayList<>(areas.values());
    }

    /** The file store of the area, or of its nearest existing parent when the area does not exist yet. */
    private static java.util.Optional<FileStore> fileStore(Path area) {
        for (Path p = area.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return java.util.Optional.of(Files.getFileStore(p));
                } catch (IOException e) {
                    return java.util.Optional.empty();
                }
            }
        }
        return java.util.Optional.empty();
    }
}
