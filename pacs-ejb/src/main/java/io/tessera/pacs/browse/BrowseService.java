package io.tessera.pacs.browse;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.domain.Instance;
import io.tessera.pacs.domain.Series;
import io.tessera.pacs.domain.Study;
import io.tessera.pacs.store.IndexSync;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's view of the index: studies (with their patient) paged, sorted and filtered; the series of a study;
 * the instances of a series; where an instance's file is for the image servlet; and deleting series and studies.
 * Viewing takes any console privilege; deleting takes Update (or ADMIN), checked here whatever the page shows.
 *
 * <p>A delete removes the rows in one transaction — instances, series, the study when it has no series left — and
 * lowers the patient's and study's counts by UPDATE statements, as {@code InstanceIndex} raises them. The files go
 * only after that transaction committed: a rollback leaves rows and files as they were, a crash between the two
 * leaves files without rows (which storage reconciliation reports), never rows without files.
 */
@Stateless
@org.jboss.ejb3.annotation.SecurityDomain("tessera")
@RolesAllowed({"VIEW", "FORWARD", "MODIFY", "PRINT", "UPDATE", "ADMIN"})
public class BrowseService {
    private static final Logger LOG = Logger.getLogger(BrowseService.class.getName());

    /** The sortable study columns: field name of {@link StudyView} → JPQL path. */
    private static final Map<String, String> STUDY_SORT = new LinkedHashMap<>();

    static {
        STUDY_SORT.put("patientName", "p.patientName");
        STUDY_SORT.put("patientNameDisplay", "p.patientName");
        STUDY_SORT.put("patientId", "p.patientId");
        STUDY_SORT.put("studyDate", "s.studyDate");
        STUDY_SORT.put("studyDateDisplay", "s.studyDate");
        STUDY_SORT.put("accessionNumber", "s.accessionNumber");
        STUDY_SORT.put("studyDescription", "s.studyDescription");
        STUDY_SORT.put("modalitiesInStudy", "s.modalitiesInStudy");
        STUDY_SORT.put("numberOfSeries", "s.numberOfSeries");
        STUDY_SORT.put("numberOfInstances", "s.numberOfInstances");
    }

    @PersistenceContext(unitName = "pacs")
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @EJB
    private IndexSync indexSync;

    // ---- studies ----

    /**
     * Studies matching {@code filter}, rows {@code first} to {@code first + max - 1}, ordered by {@code sortField}
     * (a {@link StudyView} property; unknown names fall back to study date, newest first).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<StudyView> findStudies(StudyFilter filter, int first, int max, String sortField, boolean ascending) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(filter, parameters);
        String path = STUDY_SORT.get(sortField);
        String order = path == null ? " ORDER BY s.studyDate DESC, s.studyTime DESC, s.id DESC"
                : " ORDER BY " + path + (ascending ? " ASC" : " DESC") + ", s.id";
        TypedQuery<StudyView> q = em.createQuery("SELECT NEW io.tessera.pacs.browse.StudyView(s.studyInstanceUid,"
                + " p.patientName, p.patientId, p.birthDate, p.sex, s.studyDate, s.studyTime, s.accessionNumber,"
                + " s.studyDescription, s.studyId, s.referringPhysicianName, s.modalitiesInStudy, s.numberOfSeries,"
                + " s.numberOfInstances) FROM Study s " + patientJoin(filter) + where + order, StudyView.class);
        parameters.forEach(q::setParameter);
        return q.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 500))).getResultList();
    }

    /** How many studies match {@code filter}: the paginator's total. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int countStudies(StudyFilter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        // without a patient filter the patient is not needed to count: H2 then counts the study table alone (from its
        // row count), where the join read every patient (100,000 studies: bench/scale)
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(s) FROM Study s" + (filtersPatient(filter) ? " JOIN s.patient p" : "")
                + where(filter, parameters), Long.class);
        parameters.forEach(q::setParameter);
        return q.getSingleResult().intValue();
    }

    /** One study, or null. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public StudyView study(String studyInstanceUid) {
        List<StudyView> found = em.createQuery("SELECT NEW io.tessera.pacs.browse.StudyView(s.studyInstanceUid,"
                + " p.patientName, p.patientId, p.birthDate, p.sex, s.studyDate, s.studyTime, s.accessionNumber,"
                + " s.studyDescription, s.studyId, s.referringPhysicianName, s.modalitiesInStudy, s.numberOfSeries,"
                + " s.numberOfInstances) FROM Study s JOIN s.patient p WHERE s.studyInstanceUid = :uid", StudyView.class)
                .setParameter("uid", studyInstanceUid).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static boolean filtersPatient(StudyFilter f) {
        return f != null && (notBlank(f.getPatientName()) || notBlank(f.getPatientId()));
    }

    /**
     * Without a patient filter the study table leads (LEFT JOIN: every study has its patient, so the rows are the
     * same): with an inner join H2 scans every patient and sorts every study for a page of 25; so it reads the page
     * from the index on study date and time (db V5) — 58 rows read instead of 100,000 (bench/scale, EXPLAIN).
     */
    private static String patientJoin(StudyFilter f) {
        return filtersPatient(f) ? "JOIN s.patient p" : "LEFT JOIN s.patient p";
    }

    private static String where(StudyFilter f, Map<String, Object> parameters) {
        if (f == null) {
            return "";
        }
        List<String> and = new ArrayList<>();
        if (notBlank(f.getPatientName())) {
            and.add("UPPER(p.patientName) LIKE :name ESCAPE '\\'");
            parameters.put("name", BrowseText.namePattern(f.getPatientName()));
        }
        if (notBlank(f.getPatientId())) {
            and.add("p.patientId = :pid");
            parameters.put("pid", f.getPatientId().strip());
        }
        if (notBlank(f.getAccessionNumber())) {
            and.add("s.accessionNumber = :accession");
            parameters.put("accession", f.getAccessionNumber().strip());
        }
        String from = BrowseText.dateFilter(f.getStudyDateFrom(), "The first study date");
        String to = BrowseText.dateFilter(f.getStudyDateTo(), "The last study date");
        if (from != null) {
            and.add("s.studyDate >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            and.add("s.studyDate <= :to");
            parameters.put("to", to);
        }
        if (notBlank(f.getModality())) {
            and.add("EXISTS (SELECT 1 FROM Series m WHERE m.study = s AND m.modality = :modality)");
            parameters.put("modality", f.getModality().strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (notBlank(f.getSourceAe())) {
            and.add("EXISTS (SELECT 1 FROM Series a WHERE a.study = s AND a.sourceAe = :sourceAe)");
            parameters.put("sourceAe", f.getSourceAe().strip());
        }
        return and.isEmpty() ? "" : " WHERE " + String.join(" AND ", and);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    // ---- series and instances ----

    /** The series of a study by series number. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SeriesView> findSeries(String studyInstanceUid) {
        return em.createQuery("SELECT NEW io.tessera.pacs.browse.SeriesView(r.seriesInstanceUid, r.modality,"
                + " r.seriesNumber, r.seriesDate, r.bodyPartExamined, r.seriesDescription, r.sourceAe, r.numberOfInstances)"
                + " FROM Series r WHERE r.study.studyInstanceUid = :uid ORDER BY r.seriesNumber, r.id", SeriesView.class)
                .setParameter("uid", studyInstanceUid).getResultList();
    }

    private static final String INSTANCE_VIEW = "SELECT NEW io.tessera.pacs.browse.InstanceView(i.sopInstanceUid,"
            + " i.sopClassUid, i.instanceNumber, i.rows, i.columns, i.numberOfFrames, i.transferSyntaxUid, i.fileSize,"
            + " i.sourceAe, r.seriesInstanceUid, s.studyInstanceUid) FROM Instance i JOIN i.series r JOIN r.study s";

    /** The instances of a series by instance number, a page of them. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<InstanceView> findInstances(String seriesInstanceUid, int first, int max) {
        return em.createQuery(INSTANCE_VIEW + " WHERE r.seriesInstanceUid = :uid ORDER BY i.instanceNumber, i.id",
                        InstanceView.class).setParameter("uid", seriesInstanceUid)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 500))).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int countInstances(String seriesInstanceUid) {
        return em.createQuery("SELECT COUNT(i) FROM Instance i WHERE i.series.seriesInstanceUid = :uid", Long.class)
                .setParameter("uid", seriesInstanceUid).getSingleResult().intValue();
    }

    /** One instance, or null. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public InstanceView instance(String sopInstanceUid) {
        List<InstanceView> found = em.createQuery(INSTANCE_VIEW + " WHERE i.sopInstanceUid = :uid", InstanceView.class)
                .setParameter("uid", sopInstanceUid).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The SOP Instance UIDs of a series in instance-number order (the viewer's previous/next). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> instanceUids(String seriesInstanceUid) {
        return em.createQuery("SELECT i.sopInstanceUid FROM Instance i WHERE i.series.seriesInstanceUid = :uid"
                + " ORDER BY i.instanceNumber, i.id", String.class).setParameter("uid", seriesInstanceUid).getResultList();
    }

    /** Where the file of an instance is, for the image servlet; null for an unknown UID. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public InstanceFile file(String sopInstanceUid) {
        List<Instance> found = em.createNamedQuery(Instance.BY_UID, Instance.class).setParameter("uid", sopInstanceUid)
                .getResultList();
        if (found.isEmpty()) {
            return null;
        }
        Instance i = found.get(0);
        int frames = i.getNumberOfFrames() == null || i.getNumberOfFrames() < 1 ? 1 : i.getNumberOfFrames();
        return new InstanceFile(i.getSopInstanceUid(), i.file(), i.getTransferSyntaxUid(), frames, i.getRows(),
                i.getColumns(), i.getDigest());
    }

    /**
     * The data set of a stored instance as an attribute tree (sequences with their items as children; Pixel Data by
     * its length only); null for an unknown UID.
     *
     * @throws InvalidRequestException when its file cannot be read
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DataSetNode> dataSet(String sopInstanceUid) {
        List<Instance> found = em.createNamedQuery(Instance.BY_UID, Instance.class).setParameter("uid", sopInstanceUid)
                .getResultList();
        if (found.isEmpty()) {
            return null;
        }
        Instance i = found.get(0);
        try {
            return DataSetTree.read(i.file());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the data set of " + i.file(), e);
            throw new InvalidRequestException("The data set could not be read: " + e.getMessage());
        }
    }

    /** Per series of a study, the SOP Instance UID of its first image (lowest instance number with Rows), for thumbnails. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<String, String> thumbnailUids(String studyInstanceUid) {
        Map<String, String> first = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT r.seriesInstanceUid, i.sopInstanceUid FROM Instance i JOIN i.series r"
                        + " WHERE r.study.studyInstanceUid = :uid AND i.rows IS NOT NULL ORDER BY i.instanceNumber, i.id",
                Object[].class).setParameter("uid", studyInstanceUid).getResultList()) {
            first.putIfAbsent((String) row[0], (String) row[1]);
        }
        return first;
    }

    /**
     * The content tree of a stored Structured Report, flattened in document order; null for an unknown UID.
     *
     * @throws InvalidRequestException when the instance is not an SR or its file cannot be read
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SrNode> structuredReport(String sopInstanceUid) {
        List<Instance> found = em.createNamedQuery(Instance.BY_UID, Instance.class).setParameter("uid", sopInstanceUid)
                .getResultList();
        if (found.isEmpty()) {
            return null;
        }
        Instance i = found.get(0);
        if (!StructuredReports.isStructuredReport(i.getSopClassUid())) {
            throw new InvalidRequestException("Instance " + sopInstanceUid + " is not a Structured Report.");
        }
        try {
            return StructuredReports.read(i.file());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the SR " + i.file(), e);
            throw new InvalidRequestException("The report could not be read: " + e.getMessage());
        }
    }

    // ---- delete ----

    /** Deletes a series: its instances' rows now, their files after commit. */
    @RolesAllowed({"UPDATE", "ADMIN"})
    public DeleteResult deleteSeries(String seriesInstanceUid) {
        Series series = first(em.createNamedQuery(Series.BY_UID, Series.class).setParameter("uid", seriesInstanceUid)
                .getResultList());
        if (series == null) {
            throw new InvalidRequestException("There is no series " + seriesInstanceUid + " (deleted already?).");
        }
        Study study = series.getStudy();
        // lock the study, then the series: concurrent deletes of the same study wait; a store inserting into this
        // series waits on the foreign key (PostgreSQL) or fails on it once the row is gone
        em.lock(study, LockModeType.PESSIMISTIC_WRITE);
        em.lock(series, LockModeType.PESSIMISTIC_WRITE);
        List<Doomed> files = new ArrayList<>();
        int instances = removeSeries(series, files);
        long patientId = study.getPatient().getId();
        long remaining = em.createQuery("SELECT COUNT(r) FROM Series r WHERE r.study = :study", Long.class)
                .setParameter("study", study).getSingleResult();
        em.createNativeQuery("UPDATE patient SET num_series = num_series - 1, num_instances = num_instances - ?1"
                        + (remaining == 0 ? ", num_studies = num_studies - 1" : "") + " WHERE id = ?2")
                .setParameter(1, instances).setParameter(2, patientId).executeUpdate();
        String what;
        if (remaining == 0) {
            em.remove(study);
            what = "series " + seriesInstanceUid + " (the last of study " + study.getStudyInstanceUid()
                    + ", which is deleted with it)";
        } else {
            em.createNativeQuery("UPDATE study SET num_series = num_series - 1, num_instances = num_instances - ?1"
                    + " WHERE id = ?2").setParameter(1, instances).setParameter(2, study.getId()).executeUpdate();
            String modalities = String.join("\\", em.createNamedQuery(Series.MODALITIES_OF_STUDY, String.class)
                    .setParameter("study", study).getResultList());
            study.setModalitiesInStudy(modalities.length() > 256 ? modalities.substring(0, 256) : modalities);
            study.touch();
            what = "series " + seriesInstanceUid + " of study " + study.getStudyInstanceUid();
        }
        em.flush();
        return afterCommit(what, 1, instances, files);
    }

    /** Deletes a study with all its series: rows now, files after commit. */
    @RolesAllowed({"UPDATE", "ADMIN"})
    public DeleteResult deleteStudy(String studyInstanceUid) {
        Study study = first(em.createNamedQuery(Study.BY_UID, Study.class).setParameter("uid", studyInstanceUid)
                .getResultList());
        if (study == null) {
            throw new InvalidRequestException("There is no study " + studyInstanceUid + " (deleted already?).");
        }
        em.lock(study, LockModeType.PESSIMISTIC_WRITE);
        List<Series> all = em.createQuery("SELECT r FROM Series r WHERE r.study = :study", Series.class)
                .setParameter("study", study).getResultList();
        List<Doomed> files = new ArrayList<>();
        int instances = 0;
        for (Series series : all) {
            em.lock(series, LockModeType.PESSIMISTIC_WRITE);
            instances += removeSeries(series, files);
        }
        em.createNativeQuery("UPDATE patient SET num_studies = num_studies - 1, num_series = num_series - ?1,"
                        + " num_instances = num_instances - ?2 WHERE id = ?3")
                .setParameter(1, all.size()).setParameter(2, instances).setParameter(3, study.getPatient().getId())
                .executeUpdate();
        em.remove(study);
        em.flush();
        return afterCommit("study " + studyInstanceUid, all.size(), instances, files);
    }

    /** Removes the rows of a series and its instances; adds their files to {@code files}; returns the instances. */
    private int removeSeries(Series series, List<Doomed> files) {
        for (Object[] row : em.createQuery("SELECT i.storageArea, i.filePath, i.sopInstanceUid FROM Instance i"
                + " WHERE i.series = :series", Object[].class).setParameter("series", series).getResultList()) {
            Path area = Path.of((String) row[0]);
            files.add(new Doomed(area, area.resolve((String) row[1]), (String) row[2]));
        }
        int instances = em.createQuery("DELETE FROM Instance i WHERE i.series = :series").setParameter("series", series)
                .executeUpdate();
        em.remove(series);
        return instances;
    }

    /** Logs the delete and removes the files once the transaction committed; the result counts rows removed. */
    private DeleteResult afterCommit(String what, int series, int instances, List<Doomed> files) {
        String who = session.getCallerPrincipal().getName();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    LOG.warning(() -> "Delete of " + what + " by " + who + " rolled back: rows and files kept");
                    return;
                }
                // H2 writes the commit but does not force it: forced first, so that a power loss cannot bring back
                // rows whose files are gone (IndexSync); if it cannot be, the files stay (space, never a lost image)
                if (!indexSync.syncNow()) {
                    LOG.warning(() -> "Delete of " + what + " by " + who + ": the index could not be forced to disk, "
                            + files.size() + " file(s) kept in the archive");
                    return;
                }
                int deleted = 0;
                int failed = 0;
                for (Doomed doomed : files) {
                    Path f = doomed.file();
                    RenderedCache.evict(doomed.sopInstanceUid());
                    try {
                        Files.deleteIfExists(f);
                        deleted++;
                        removeEmptyParents(doomed.area(), f);
                    } catch (IOException | RuntimeException e) {
                        failed++;
                        LOG.log(Level.WARNING, "Could not delete " + f + " of deleted " + what + ": " + e, e);
                    }
                }
                int d = deleted;
                int x = failed;
                LOG.info(() -> "User " + who + " deleted " + what + ": " + series + " series, " + instances
                        + " instances, " + d + " files removed" + (x > 0 ? ", " + x + " could not be removed" : ""));
            }
        });
        return new DeleteResult(what, series, instances, files.size(), 0);
    }

    /** Removes the now empty directories between a deleted file and its storage area (never the area). */
    private static void removeEmptyParents(Path area, Path file) {
        Path top = area.toAbsolutePath().normalize();
        for (Path dir = file.toAbsolutePath().normalize().getParent();
             dir != null && dir.startsWith(top) && !dir.equals(top); dir = dir.getParent()) {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException e) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }

    /** A file to delete after commit, its storage area and its instance. */
    private record Doomed(Path area, Path file, String sopInstanceUid) {
    }

    private static <T> T first(List<T> list) {
        return list.isEmpty() ? null : list.get(0);
    }
}
