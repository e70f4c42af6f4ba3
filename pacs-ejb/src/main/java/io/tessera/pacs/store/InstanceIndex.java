package io.tessera.pacs.store;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.pacs.domain.Instance;
import io.tessera.pacs.domain.Patient;
import io.tessera.pacs.domain.Series;
import io.tessera.pacs.domain.StoreEvent;
import io.tessera.pacs.domain.Study;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The index side of a C-STORE: look-ups before the file is moved, and the one transaction that records a stored
 * instance — patient, study, series, instance rows, the related counts and the store events.
 *
 * <p>Two paths (issue 5, the ingest figure): the first image of a series goes through JPA (patient, study, series
 * found or created); every further image of that series on the association — nearly all of them — is one plain
 * JDBC insert and three count updates on the ids the first one returned ({@link #indexInSeries}). JPA's query
 * interpretation and flush were two thirds of the CPU a stored image cost.
 */
@Stateless
public class InstanceIndex {
    /** The instance row of {@link #indexNext}: every column the {@link Instance} entity maps (InstanceIndexTest checks). */
    static final String INSERT_INSTANCE = "INSERT INTO instance (series_fk, sop_instance_uid, sop_class_uid,"
            + " instance_number, instance_creation_date, instance_creation_time, samples_per_pixel, pixel_rows,"
            + " pixel_columns, bits_allocated, bits_stored, pixel_representation, number_of_frames, overlay_number,"
            + " curve_number, lut_number, storage_area, file_path, file_size, storage_format, transfer_syntax_uid, digest,"
            + " source_ae, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @PersistenceContext(unitName = "pacs")
    private EntityManager em;

    /** The persistence unit's data source: a connection taken in a transaction is enlisted in it. */
    @Resource(lookup = "java:jboss/datasources/PacsDS")
    private DataSource dataSource;

    /** The rows an image of a series hangs from, as the first image of the series on an association found them. */
    public record Parents(long patient, long study, long series) {
    }

    /** What {@link #index} did: the file a duplicate replaced (or null), and the rows the instance hangs from. */
    public record Indexed(Path replaced, Parents parents) {
    }

    /** A stored instance as the duplicate check needs it. */
    public record Existing(String digest, Path file) {
    }

    /** What the store decides on before it moves the file: a stored copy, and a patient-ID conflict. */
    public record Lookup(Existing existing, String conflictingPatientName) {
    }

    /**
     * {@link #lookup} in plain JDBC, for the C-STORE: the stored copy and the stored Patient's Name, the latter only
     * when {@code knownName} (the name of this patient as a previous image of the association found it) is null.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Lookup lookup(Attributes ds, String knownName) {
        try (Connection c = dataSource.getConnection()) {
            Existing existing = null;
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT digest, storage_area, file_path FROM instance WHERE sop_instance_uid = ?")) {
                st.setString(1, ds.getString(Tag.SOPInstanceUID));
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        existing = new Existing(rs.getString(1), Path.of(rs.getString(2)).resolve(rs.getString(3)));
                    }
                }
            }
            String storedName = knownName;
            boolean known = knownName != null;
            if (!known) {
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT patient_name FROM patient WHERE patient_id = ? AND issuer_of_patient_id = ?")) {
                    st.setString(1, IndexedAttributes.patientId(ds));
                    st.setString(2, IndexedAttributes.issuer(ds));
                    try (ResultSet rs = st.executeQuery()) {
                        if (rs.next()) {
                            known = true;
                            storedName = rs.getString(1);
                        }
                    }
                }
            }
            String conflict = null;
            if (known && !Objects.equals(normalized(storedName), normalized(IndexedAttributes.patientName(ds)))) {
                conflict = Objects.requireNonNullElse(storedName, "");
            }
            return new Lookup(existing, conflict);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The next image of a series whose rows {@code parents} names (a previous image of the association found or made
     * them), in one transaction and in plain JDBC: false, doing nothing, when the SOP instance is already indexed
     * (the caller applies the duplicate policy); else the insert of the instance in {@code file} and the three count
     * updates, then {@code beforeCommit}.
     *
     * @throws IllegalStateException when a parent row is gone (deleted meanwhile): the caller takes {@link #index}
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean indexNext(Parents parents, Attributes ds, ReceivedFileInfo file, String sourceAe, String conflictNote,
                             Runnable beforeCommit) {
        String sopUid = ds.getString(Tag.SOPInstanceUID);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM instance WHERE sop_instance_uid = ?")) {
                st.setString(1, sopUid);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            if (conflictNote != null) {
                em.persist(new StoreEvent(StoreEvent.Kind.PATIENT_ID_CONFLICT_ACCEPTED, sourceAe, sopUid, conflictNote));
                em.flush();
            }
            Instance i = new Instance(null, sopUid, ds.getString(Tag.SOPClassUID));
            IndexedAttributes.toInstance(ds, i); // the same columns as the JPA path, from the same code
            try (PreparedStatement st = c.prepareStatement(INSERT_INSTANCE)) {
                int k = 1;
                st.setLong(k++, parents.series());
                st.setString(k++, i.getSopInstanceUid());
                st.setString(k++, i.getSopClassUid());
                setInt(st, k++, i.getInstanceNumber());
                st.setString(k++, i.getInstanceCreationDate());
                st.setString(k++, i.getInstanceCreationTime());
                setInt(st, k++, i.getSamplesPerPixel());
                setInt(st, k++, i.getRows());
                setInt(st, k++, i.getColumns());
                setInt(st, k++, i.getBitsAllocated());
                setInt(st, k++, i.getBitsStored());
                setInt(st, k++, i.getPixelRepresentation());
                setInt(st, k++, i.getNumberOfFrames());
                setInt(st, k++, i.getOverlayNumber());
                setInt(st, k++, i.getCurveNumber());
                setInt(st, k++, i.getLutNumber());
                st.setString(k++, file.area().toString());
                st.setString(k++, file.relativePath());
                st.setLong(k++, file.size());
                st.setString(k++, file.format().name());
                st.setString(k++, file.transferSyntaxUid());
                st.setString(k++, file.digest());
                st.setString(k++, sourceAe);
                st.setObject(k, OffsetDateTime.now(ZoneOffset.UTC));
                st.executeUpdate();
            }
            count(c, "UPDATE series SET num_instances = num_instances + 1 WHERE id = ?", parents.series());
            count(c, "UPDATE study SET num_instances = num_instances + 1 WHERE id = ?", parents.study());
            count(c, "UPDATE patient SET num_instances = num_instances + 1 WHERE id = ?", parents.patient());
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (beforeCommit != null) {
            beforeCommit.run();
        }
        return true;
    }

    /** The stored Patient's Name when it is not the received one ("Doe^John" = "DOE^JOHN "), else null. */
    static String conflictingName(String storedName, Attributes ds) {
        return Objects.equals(normalized(storedName), normalized(IndexedAttributes.patientName(ds))) ? null
                : Objects.requireNonNullElse(storedName, "");
    }

    private static void count(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, id);
            if (st.executeUpdate() != 1) {
                throw new IllegalStateException("row " + id + " is gone: " + sql);
            }
        }
    }

    private static void setInt(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setInt(index, value);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Existing find(String sopInstanceUid) {
        List<Instance> found = em.createNamedQuery(Instance.BY_UID, Instance.class).setParameter("uid", sopInstanceUid)
                .getResultList();
        return found.isEmpty() ? null : new Existing(found.get(0).getDigest(), found.get(0).file());
    }

    /**
     * One read for both decisions. {@code conflictingPatientName} is the stored Patient's Name when this Patient ID
     * (and issuer) is known under another name, else null.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Lookup lookup(Attributes ds) {
        Existing existing = find(ds.getString(Tag.SOPInstanceUID));
        Patient p = patient(ds);
        String conflict = null;
        if (p != null && !Objects.equals(normalized(p.getPatientName()), normalized(IndexedAttributes.patientName(ds)))) {
            conflict = Objects.requireNonNullElse(p.getPatientName(), "");
        }
        return new Lookup(existing, conflict);
    }

    /**
     * Records the instance whose file is now at {@code relativePath} in {@code area}; a known SOP Instance UID is
     * pointed at the new file. Returns the file it replaced, or null. Patient, study and series take the attributes
     * of the first instance that creates them (later instances do not rewrite them: that is what study correction
     * is for), so an image of a known series costs one insert and the count updates.
     *
     * @param beforeCommit runs last inside the transaction (the C-STORE waits there for its file to be on disk, see
     *                     {@link ReceivedFile}); a runtime exception from it rolls the transaction back. May be null.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Indexed index(Attributes ds, ReceivedFileInfo file, String sourceAe, String conflictNote, Runnable beforeCommit) {
        Patient patient = patient(ds);
        if (patient == null) {
            patient = new Patient(IndexedAttributes.patientId(ds), IndexedAttributes.issuer(ds));
            IndexedAttributes.toPatient(ds, patient);
            em.persist(patient);
        }
        if (conflictNote != null) {
            em.persist(new StoreEvent(StoreEvent.Kind.PATIENT_ID_CONFLICT_ACCEPTED, sourceAe,
                    ds.getString(Tag.SOPInstanceUID), conflictNote));
        }

        String studyUid = ds.getString(Tag.StudyInstanceUID);
        Study study = first(em.createNamedQuery(Study.BY_UID, Study.class).setParameter("uid", studyUid).getResultList());
        boolean newStudy = study == null;
        if (newStudy) {
            study = new Study(patient, studyUid);
            IndexedAttributes.toStudy(ds, study);
            em.persist(study);
        }

        String seriesUid = ds.getString(Tag.SeriesInstanceUID);
        Series series = first(em.createNamedQuery(Series.BY_UID, Series.class).setParameter("uid", seriesUid).getResultList());
        boolean newSeries = series == null;
        if (newSeries) {
            series = new Series(study, seriesUid);
            series.setSourceAe(sourceAe);
            IndexedAttributes.toSeries(ds, series);
            em.persist(series);
        }

        String sopUid = ds.getString(Tag.SOPInstanceUID);
        Instance instance = first(em.createNamedQuery(Instance.BY_UID, Instance.class).setParameter("uid", sopUid).getResultList());
        Path replaced = null;
        boolean newInstance = instance == null;
        if (newInstance) {
            instance = new Instance(series, sopUid, ds.getString(Tag.SOPClassUID));
        } else {
            replaced = instance.file();
            instance.setSopClassUid(ds.getString(Tag.SOPClassUID));
            em.persist(new StoreEvent(StoreEvent.Kind.DUPLICATE_REPLACED, sourceAe, sopUid,
                    "replaced " + replaced + " (" + instance.getDigest() + ") by " + file.relativePath() + " (" + file.digest() + ")"));
        }
        IndexedAttributes.toInstance(ds, instance);
        instance.setFile(file.area().toString(), file.relativePath(), file.size(), file.format(), file.transferSyntaxUid(),
                file.digest(), sourceAe);
        if (newInstance) {
            em.persist(instance);
        }
        em.flush();

        if (newSeries) {
            String modalities = String.join("\\", em.createNamedQuery(Series.MODALITIES_OF_STUDY, String.class)
                    .setParameter("study", study).getResultList());
            study.setModalitiesInStudy(IndexedAttributes.cut(modalities, 256));
        }
        if (newInstance) {
            // counts for the "Number of … Related …" keys: an UPDATE … + 1 each, so concurrent stores add up; the
            // entities never write these columns (updatable = false), so a flush cannot put a stale count back
            em.createNativeQuery("UPDATE series SET num_instances = num_instances + 1 WHERE id = ?1")
                    .setParameter(1, series.getId()).executeUpdate();
            em.createNativeQuery("UPDATE study SET num_instances = num_instances + 1, num_series = num_series + ?1 WHERE id = ?2")
                    .setParameter(1, newSeries ? 1 : 0).setParameter(2, study.getId()).executeUpdate();
            em.createNativeQuery("UPDATE patient SET num_instances = num_instances + 1, num_series = num_series + ?1,"
                    + " num_studies = num_studies + ?2 WHERE id = ?3")
                    .setParameter(1, newSeries ? 1 : 0).setParameter(2, newStudy ? 1 : 0).setParameter(3, patient.getId())
                    .executeUpdate();
        }
        if (beforeCommit != null) {
            beforeCommit.run();
        }
        return new Indexed(replaced, new Parents(patient.getId(), study.getId(), series.getId()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(StoreEvent.Kind kind, String sourceAe, String sopInstanceUid, String detail) {
        em.persist(new StoreEvent(kind, sourceAe, sopInstanceUid, detail));
    }

    private Patient patient(Attributes ds) {
        return first(em.createNamedQuery(Patient.BY_ID, Patient.class)
                .setParameter("patientId", IndexedAttributes.patientId(ds))
                .setParameter("issuer", IndexedAttributes.issuer(ds)).getResultList());
    }

    /** Names compare without case and padding: "DOE^JOHN" and "Doe^John " are the same patient. */
    private static String normalized(String name) {
        return name == null ? "" : name.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static <T> T first(List<T> list) {
        return list.isEmpty() ? null : list.get(0);
    }
}
