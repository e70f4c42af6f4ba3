package io.tessera.pacs.route;

import io.tessera.pacs.browse.BrowseService;
import io.tessera.pacs.domain.ForwardTaskState;
import io.tessera.pacs.domain.Study;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.ejb3.annotation.RunAsPrincipal;
import org.jboss.ejb3.annotation.SecurityDomain;

/**
 * Auto purge (001 §1, Automatic Image Routing Table: "purge received images after they have been routed
 * successfully to the destination AE(s)"): a study goes once every destination of its auto-purge tasks has every one
 * of its instances (a COMPLETED task per instance and destination) and no task for it is still open or failed — so
 * a destination that is down (its tasks PENDING) keeps the study, and so does an instance stored but not routed yet.
 *
 * <p>Crash-safe order: the index rows go first, in one transaction with a journal row per file (routing_purged_file);
 * the files after the commit (BrowseService's delete does that). Files first would leave, after a crash, index rows
 * pointing at nothing (C-MOVE and the viewer would fail on them); rows first without the journal would leave files no
 * row points at, which StorageReconciliation does not look for (it re-indexes only the files of interrupted stores in
 * .incoming) — orphans for ever. With the journal, {@link #finishJournal} deletes at the next start what the crash
 * left, and only files no instance row points at again (the same image may have been received anew meanwhile).
 */
@Stateless
@SecurityDomain("tessera")
@PermitAll
@RunAs("ADMIN")
@RunAsPrincipal("auto-purge")
public class AutoPurge {
    private static final Logger LOG = Logger.getLogger(AutoPurge.class.getName());

    @PersistenceContext(unitName = "pacs")
    private EntityManager em;

    @EJB
    private BrowseService browse;

    /** Purges the study if the conditions above hold now; returns whether it did. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean consider(String studyInstanceUid) {
        List<Study> found = em.createNamedQuery(Study.BY_UID, Study.class).setParameter("uid", studyInstanceUid)
                .getResultList();
        if (found.isEmpty()) {
            return false;
        }
        Study study = found.get(0);
        List<String> destinations = em.createQuery("SELECT DISTINCT t.destinationAe FROM ForwardTask t"
                        + " WHERE t.studyInstanceUid = :study AND t.autoPurge = TRUE", String.class)
                .setParameter("study", studyInstanceUid).getResultList();
        if (destinations.isEmpty()) {
            return false; // no auto-purge rule matched it
        }
        // stores into the study wait for this lock (they update its counts) until the decision is made
        em.lock(study, LockModeType.PESSIMISTIC_WRITE);
        long unfinished = em.createQuery("SELECT COUNT(t) FROM ForwardTask t WHERE t.studyInstanceUid = :study"
                        + " AND t.state IN :states", Long.class).setParameter("study", studyInstanceUid)
                .setParameter("states", List.of(ForwardTaskState.SCHEDULED, ForwardTaskState.PENDING,
                        ForwardTaskState.IN_PROGRESS, ForwardTaskState.FAILED)).getSingleResult();
        if (unfinished > 0) {
            return false;
        }
        long instances = em.createQuery("SELECT COUNT(i) FROM Instance i WHERE i.series.study = :study", Long.class)
                .setParameter("study", study).getSingleResult();
        for (String destination : destinations) {
            long delivered = em.createQuery("SELECT COUNT(DISTINCT t.instanceId) FROM ForwardTask t"
                            + " WHERE t.studyInstanceUid = :uid AND t.destinationAe = :destination AND t.state = :completed"
                            + " AND t.instanceId IN (SELECT i.id FROM Instance i WHERE i.series.study = :study)", Long.class)
                    .setParameter("uid", studyInstanceUid).setParameter("destination", destination)
                    .setParameter("completed", ForwardTaskState.COMPLETED).setParameter("study", study)
                    .getSingleResult();
            if (delivered < instances) {
                return false;
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        for (Object[] row : em.createQuery("SELECT i.storageArea, i.filePath FROM Instance i WHERE i.series.study = :study",
                Object[].class).setParameter("study", study).getResultList()) {
            em.createNativeQuery("INSERT INTO routing_purged_file (storage_area, file_path, purged_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, row[0]).setParameter(2, row[1]).setParameter(3, now).executeUpdate();
        }
        browse.deleteStudy(studyInstanceUid);
        LOG.info(() -> "Auto purge: study " + studyInstanceUid + " (" + instances + " instance(s)) removed; every"
                + " destination has it: " + String.join(", ", destinations));
        return true;
    }

    /**
     * Deletes the files of purged instances that are still there (a crash came between the commit and the delete)
     * unless an instance row points at the file again, and forgets the journal rows. {@code all}: at start-up; else
     * only rows older than a minute (newer ones belong to purges whose own delete is still running).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finishJournal(boolean all) {
        Timestamp before = Timestamp.from(all ? Instant.now().plusSeconds(1) : Instant.now().minusSeconds(60));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, storage_area, file_path FROM routing_purged_file"
                + " WHERE purged_at < ?1 ORDER BY id").setParameter(1, before).setMaxResults(5000).getResultList();
        int deleted = 0;
        for (Object[] row : rows) {
            String area = (String) row[1];
            String path = (String) row[2];
            long used = em.createQuery("SELECT COUNT(i) FROM Instance i WHERE i.storageArea = :area AND i.filePath = :path",
                    Long.class).setParameter("area", area).setParameter("path", path).getSingleResult();
            if (used == 0) {
                try {
                    if (Files.deleteIfExists(Path.of(area).resolve(path))) {
                        deleted++;
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not delete purged file " + Path.of(area).resolve(path), e);
                    continue;
                }
            }
            em.createNativeQuery("DELETE FROM routing_purged_file WHERE id = ?1").setParameter(1, ((Number) row[0]).longValue())
                    .executeUpdate();
        }
        if (deleted > 0) {
            int d = deleted;
            LOG.warning(() -> "Auto purge: " + d + " file(s) of purged studies were still there after an interrupted"
                    + " purge and are deleted now");
        }
    }
}
