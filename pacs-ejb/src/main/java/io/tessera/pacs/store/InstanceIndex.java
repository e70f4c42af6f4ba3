package io.tessera.pacs.store;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.pacs.domain.Instance;
import io.tessera.pacs.domain.Patient;
import io.tessera.pacs.domain.Series;
import io.tessera.pacs.domain.StoreEvent;
import io.tessera.pacs.domain.Study;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The index side of a C-STORE: look-ups before the file is moved, and the one transaction that records a stored
 * instance — patient, study, series, instance rows, the related counts and the store events.
 */
@Stateless
public class InstanceIndex {

    @PersistenceContext(unitName = "pacs")
    private EntityManager em;

    /** A stored instance as the duplicate check needs it. */
    public record Existing(String digest, Path file) {
    }

    /** What the store decides on before it moves the file: a stored copy, and a patient-ID conflict. */
    public record Lookup(Existing existing, String conflictingPatientName) {
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
    public Path index(Attributes ds, ReceivedFileInfo file, String sourceAe, String conflictNote, Runnable beforeCommit) {
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
        return replaced;
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
