package io.tessera.pacs.store;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.net.dimse.Commands;
import io.tessera.dicom.net.dimse.DimseRequest;
import io.tessera.dicom.net.dimse.Responder;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.pacs.admin.ApplicationEntityData;
import io.tessera.pacs.admin.ApplicationEntityRegistry;
import io.tessera.pacs.domain.StorageFormat;
import io.tessera.pacs.domain.StoreEvent;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Storage SOP Class as SCP (001 §3.4.1): every storage class, the data set stored exactly as received (Level 2)
 * as Part 10 or Native, in the calling AE's archive directory or the default area. The answer 0000 goes out only
 * after the file is on disk under its final name and the index transaction has committed; every failure gets the
 * status of 001 Table 22 with an Error Comment and a log line naming the calling AE.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CStoreScp {
    private static final Logger LOG = Logger.getLogger(CStoreScp.class.getName());
    private static final int INDEX_ATTEMPTS = 3;
    /** PS3.5 §9.1: a UID is digits and dots, at most 64 characters (compiled once: this runs for every image). */
    private static final java.util.regex.Pattern UID_VALUE = java.util.regex.Pattern.compile("[0-9.]{1,64}");

    @EJB
    private StorageSettings settings;

    @EJB
    private InstanceIndex index;

    @EJB
    private ApplicationEntityRegistry applicationEntities;

    @EJB
    private StorageStatistics statistics;

    @EJB
    private InstanceStoredEvents events;

    @EJB
    private IndexSync indexSync;

    /** Forces files and directories to disk while this thread goes on with the store (see {@link ReceivedFile}). */
    @Resource
    private ManagedExecutorService disk;

    public void store(DimseRequest rq, Responder responder) throws IOException {
        String callingAe = rq.association().callingAeTitle();
        String iuid = rq.sopInstanceUid();
        try {
            long size = store(rq, callingAe);
            statistics.stored(size);
            responder.respond(Status.SUCCESS);
        } catch (StoreFailure f) {
            statistics.failed(f.status());
            Level level = f.status() == StoreFailure.PATIENT_ID_CONFLICT || f.status() == StoreFailure.DATA_SET_DOES_NOT_MATCH_SOP_CLASS
                    ? Level.WARNING : Level.SEVERE;
            LOG.log(level, String.format("C-STORE %s from %s refused with %04XH: %s", iuid, callingAe, f.status(),
                    f.getMessage()), f.getCause());
            Attributes extras = new Attributes();
            Commands.errorComment(extras, f.errorComment());
            responder.respond(f.status(), extras, null);
        }
    }

    /**
     * The association ended: one "study received" event per study stored on it (issue 5), for the capabilities that
     * act on a whole study (routing schedules, archive status), and a log line naming the calling AE.
     */
    public void associationClosed(io.tessera.dicom.net.Association association) {
        StoreContext context = StoreContext.on(association);
        if (context == null) {
            return;
        }
        String callingAe = association.callingAeTitle();
        context.receivedStudies().studies().forEach((studyUid, r) -> {
            LOG.info(() -> "Study " + studyUid + " (patient " + r.patientId() + "): " + r.instances().get()
                    + " instance(s) received from " + callingAe);
            events.studyReceived(studyUid, r.patientId(), callingAe, r.instances().get());
        });
    }

    /** Returns the size of the stored file. */
    private long store(DimseRequest rq, String callingAe) throws StoreFailure, IOException {
        String cuid = rq.sopClassUid();
        String iuid = rq.sopInstanceUid();
        if (rq.data() == null) {
            // PS3.7 §9.1.1.1: a C-STORE-RQ always carries a data set; a damaged command (Command Data Set Type 0101H)
            // must get an answer, not a NullPointerException (found by the PDU fuzz against the server, issue 9)
            throw new StoreFailure(StoreFailure.CANNOT_UNDERSTAND, "C-STORE-RQ without a data set");
        }
        StoreContext context = StoreContext.of(rq.association(),
                () -> new StoreContext(area(callingAe), settings.getFormat()));
        ReceivedFile file;
        try {
            file = ReceivedFile.receive(context.area(), rq.data(), context.format(), cuid, iuid, rq.transferSyntax(),
                    callingAe);
        } catch (OutOfMemoryError e) {
            throw new StoreFailure(StoreFailure.OUT_OF_MEMORY, "Out of memory receiving the data set", e);
        }
        boolean indexed = false;
        try {
            Attributes ds = file.readHeader();
            checkMatchesSopClass(ds, cuid, iuid, rq.abstractSyntax());
            ReceivedFileInfo info = new ReceivedFileInfo(context.area(), relativePath(ds, file), file.size(),
                    file.format(), file.transferSyntaxUid(), file.digest());
            Path replaced = null;
            if (!indexNextOfKnownSeries(context.knownSeries(), ds, file, info, callingAe)) {
                InstanceIndex.Indexed result = indexInFull(context.knownSeries(), ds, file, info, callingAe);
                if (result == null) {
                    return file.size(); // a duplicate the policy drops: acknowledged, the stored copy stays
                }
                replaced = result.replaced();
            }
            indexed = true;
            acknowledged(context, ds, file, info, callingAe, replaced);
            return file.size();
        } catch (OutOfMemoryError e) {
            throw new StoreFailure(StoreFailure.OUT_OF_MEMORY, "Out of memory storing the data set", e);
        } finally {
            if (!indexed) {
                file.discard();
            }
        }
    }

    /**
     * The next image of a series this association stored: its duplicate check, move and index in one transaction,
     * the patient's name from the first image. False when it is not one, or when the index says to take the full path.
     */
    private boolean indexNextOfKnownSeries(KnownSeries known, Attributes ds, ReceivedFile file, ReceivedFileInfo info,
                                           String callingAe) throws StoreFailure {
        String seriesUid = ds.getString(Tag.SeriesInstanceUID);
        KnownSeries.Entry series = known.get(seriesUid, ds.getString(Tag.StudyInstanceUID), patientKey(ds));
        if (series == null) {
            return false;
        }
        String conflict = patientIdConflict(ds, callingAe, InstanceIndex.conflictingName(series.patientName(), ds));
        if (indexNext(series, ds, info, callingAe, conflict, file)) {
            return true;
        }
        known.forget(seriesUid); // stored before, or a row is gone: the full path finds out
        return false;
    }

    /**
     * Any image: the look-up of a stored copy (the duplicate policy) and of the patient (the patient-ID policy), the
     * move, and the index transaction that finds or creates patient, study and series. Null when the duplicate
     * policy drops the received copy.
     */
    private InstanceIndex.Indexed indexInFull(KnownSeries known, Attributes ds, ReceivedFile file, ReceivedFileInfo info,
                                              String callingAe) throws StoreFailure {
        String patientKey = patientKey(ds);
        // renamed first (done already when the next-image path tried it), so that its force runs while the look-up
        // and the index transaction do; a duplicate the policy drops, or a refusal, deletes it again
        file.moveTo(info.relativePath(), callingAe, disk);
        InstanceIndex.Lookup lookup;
        try {
            lookup = index.lookup(ds, known.patientName(patientKey));
        } catch (RuntimeException e) {
            throw databaseFailure("looking for a stored copy", e);
        }
        if (isDuplicateToDiscard(ds, file, callingAe, lookup.existing())) {
            return null;
        }
        String conflict = patientIdConflict(ds, callingAe, lookup.conflictingPatientName());
        // the transaction commits once the file is on disk
        InstanceIndex.Indexed result = index(ds, info, callingAe, conflict, file);
        String storedName = lookup.conflictingPatientName() != null ? lookup.conflictingPatientName()
                : IndexedAttributes.patientName(ds);
        known.put(ds.getString(Tag.SeriesInstanceUID),
                new KnownSeries.Entry(ds.getString(Tag.StudyInstanceUID), patientKey, storedName, result.parents()));
        return result;
    }

    /**
     * The index has committed (the 0000 goes out next): the instance-stored event is queued, the study counted for
     * the association's summary; the marker and the file of a replaced duplicate go once the index is on disk
     * ({@link IndexSync}) — never the new file: a receipt's file name is its own.
     */
    private void acknowledged(StoreContext context, Attributes ds, ReceivedFile file, ReceivedFileInfo info,
                              String callingAe, Path replaced) {
        try {
            indexSync.deleteWhenDurable(file.marker(), replaced);
        } catch (RuntimeException e) {
            // the server is stopping: the marker stays and the next start's reconciliation removes it (the row is
            // there); a replaced file would stay as an orphan — said in the log, the image is stored either way
            LOG.log(Level.WARNING, "C-STORE " + info.relativePath() + " from " + callingAe + ": its marker"
                    + (replaced != null ? " and the replaced file " + replaced : "") + " left for the next start", e);
        }
        events.instanceStored(ds, info, callingAe, replaced != null);
        context.receivedStudies().stored(ds.getString(Tag.StudyInstanceUID), IndexedAttributes.patientId(ds));
    }

    private static String patientKey(Attributes ds) {
        return KnownSeries.patientKey(IndexedAttributes.patientId(ds), IndexedAttributes.issuer(ds));
    }

    private Path area(String callingAe) throws StoreFailure {
        try {
            String archiveDir = applicationEntities.find(callingAe).map(ApplicationEntityData::getArchiveDir).orElse(null);
            return settings.areaFor(archiveDir);
        } catch (RuntimeException e) {
            throw databaseFailure("looking up " + callingAe, e);
        }
    }

    /** 001 Table 22, A900: the command's SOP Class/Instance UID are the data set's, and the hierarchy's UIDs are there. */
    private static void checkMatchesSopClass(Attributes ds, String cuid, String iuid, String abstractSyntax)
            throws StoreFailure {
        if (!cuid.equals(abstractSyntax)) {
            throw new StoreFailure(StoreFailure.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    "Affected SOP Class UID " + cuid + " is not the context's " + abstractSyntax);
        }
        String dsCuid = ds.getString(Tag.SOPClassUID);
        String dsIuid = ds.getString(Tag.SOPInstanceUID);
        if (!cuid.equals(dsCuid)) {
            throw new StoreFailure(StoreFailure.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    "SOP Class UID " + dsCuid + " is not the Affected SOP Class UID " + cuid);
        }
        if (!iuid.equals(dsIuid)) {
            throw new StoreFailure(StoreFailure.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    "SOP Instance UID " + dsIuid + " is not the Affected SOP Instance UID " + iuid);
        }
        for (int tag : new int[] {Tag.StudyInstanceUID, Tag.SeriesInstanceUID}) {
            String uid = ds.getString(tag);
            if (uid == null || uid.isBlank()) {
                throw new StoreFailure(StoreFailure.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                        (tag == Tag.StudyInstanceUID ? "Study" : "Series") + " Instance UID missing");
            }
            if (!UID_VALUE.matcher(uid).matches()) {
                throw new StoreFailure(StoreFailure.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                        (tag == Tag.StudyInstanceUID ? "Study" : "Series") + " Instance UID is not a UID");
            }
        }
        if (!UID_VALUE.matcher(iuid).matches()) {
            throw new StoreFailure(StoreFailure.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "SOP Instance UID is not a UID");
        }
    }

    /** The duplicate policy: true when the received copy is to be dropped (and acknowledged). */
    private boolean isDuplicateToDiscard(Attributes ds, ReceivedFile file, String callingAe,
                                         InstanceIndex.Existing existing) throws StoreFailure {
        if (existing == null) {
            return false;
        }
        String iuid = ds.getString(Tag.SOPInstanceUID);
        DuplicatePolicy policy = settings.getDuplicates();
        boolean identical = existing.digest().equals(file.digest());
        if (policy == DuplicatePolicy.KEEP || (policy == DuplicatePolicy.REPLACE_IF_DIFFERENT && identical)) {
            StoreEvent.Kind kind = identical ? StoreEvent.Kind.DUPLICATE_IDENTICAL : StoreEvent.Kind.DUPLICATE_KEPT;
            try {
                index.record(kind, callingAe, iuid, "kept " + existing.file() + " (" + existing.digest()
                        + "); received copy " + file.digest() + " discarded, policy " + policy);
            } catch (RuntimeException e) {
                throw databaseFailure("recording a duplicate", e);
            }
            LOG.info(() -> "C-STORE " + iuid + " from " + callingAe + ": already stored, " + kind + " (policy " + policy + ")");
            return true;
        }
        return false;
    }

    /** The patient-ID conflict policy: null when none, a note to record when accepted, A703 when refused. */
    private String patientIdConflict(Attributes ds, String callingAe, String storedName) throws StoreFailure {
        if (storedName == null) {
            return null;
        }
        String note = "Patient ID " + IndexedAttributes.patientId(ds) + " is stored for '" + storedName + "', received for '"
                + ds.getString(Tag.PatientName, "") + "'";
        if (settings.getPatientIdPolicy() == PatientIdPolicy.REFUSE) {
            try {
                index.record(StoreEvent.Kind.PATIENT_ID_CONFLICT_REFUSED, callingAe, ds.getString(Tag.SOPInstanceUID), note);
            } catch (RuntimeException e) {
                throw databaseFailure("recording a patient-ID conflict", e);
            }
            throw new StoreFailure(StoreFailure.PATIENT_ID_CONFLICT, "Patient ID " + IndexedAttributes.patientId(ds)
                    + " belongs to another patient name");
        }
        LOG.warning(() -> "C-STORE from " + callingAe + ": " + note + "; stored under the existing patient");
        return note;
    }

    /**
     * {@code <Study UID>/<Series UID>/<SOP UID>.<receipt>.dcm}: every receipt has a file of its own, so no store ever
     * renames over a file an index row names — not a duplicate received again (its row points at the old file until
     * the new one commits), not the same instance arriving on two associations at once (the one that fails for good
     * deletes only its own file).
     */
    private static String relativePath(Attributes ds, ReceivedFile file) {
        String suffix = file.format() == io.tessera.pacs.domain.StorageFormat.PART10 ? ".dcm" : ".raw";
        return ds.getString(Tag.StudyInstanceUID) + "/" + ds.getString(Tag.SeriesInstanceUID) + "/"
                + ds.getString(Tag.SOPInstanceUID) + "." + file.receipt() + suffix;
    }

    /**
     * The next image of a series this association stored before. False when its SOP instance is indexed already, or
     * the insert failed for another reason than the disk (a parent row deleted meanwhile, the same instance stored
     * meanwhile by another association): the caller then takes the full path, which finds out what is there.
     */
    private boolean indexNext(KnownSeries.Entry series, Attributes ds, ReceivedFileInfo info, String callingAe,
                              String conflict, ReceivedFile file) throws StoreFailure {
        // renamed first, so that its force runs while the transaction does (a duplicate found there deletes it again)
        file.moveTo(info.relativePath(), callingAe, disk);
        try {
            return index.indexNext(series.parents(), ds, info, callingAe, conflict, file::awaitDurable);
        } catch (RuntimeException e) {
            notOnDisk(e);
            LOG.log(Level.FINE, "C-STORE of the next image of a known series failed; indexing it in full", e);
            return false;
        }
    }

    /** Throws A700 when {@code e} says that the file did not reach the disk. */
    private static void notOnDisk(RuntimeException e) throws StoreFailure {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ReceivedFile.NotOnDisk n) {
                throw new StoreFailure(StoreFailure.CANNOT_CREATE_FILE, "Cannot write to disk: " + n.getMessage(), n);
            }
        }
    }

    /** Concurrent stores of a new study or series may collide on its unique UID: the loser retries and finds it. */
    private InstanceIndex.Indexed index(Attributes ds, ReceivedFileInfo info, String callingAe, String conflict,
                                        ReceivedFile file) throws StoreFailure {
        for (int attempt = 1; ; attempt++) {
            try {
                return index.index(ds, info, callingAe, conflict, file::awaitDurable);
            } catch (RuntimeException e) {
                if (attempt < INDEX_ATTEMPTS && isUniqueViolation(e)) {
                    continue;
                }
                notOnDisk(e);
                throw databaseFailure("indexing", e);
            }
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static StoreFailure databaseFailure(String doing, RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new StoreFailure(StoreFailure.DATABASE_FAILURE, "Database failure " + doing + ": " + root.getMessage(), e);
    }
}
