package io.tessera.pacs.remote;

import io.tessera.pacs.browse.StudyFilter;
import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.AssociationRejectedException;
import io.tessera.dicom.net.dimse.DimseResponse;
import io.tessera.dicom.net.dimse.Scu;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.pacs.admin.ApplicationEntityData;
import io.tessera.pacs.jca.DicomConnection;
import io.tessera.pacs.jca.DicomConnectionFactory;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Query/Retrieve SCU towards another AE (001 §3.3.2, the console's remote query page): Study Root C-FIND at study
 * level, Patient Root C-FIND at patient level, Study Root C-MOVE of a study to our own AE title. Associations go
 * through the adapter's outbound connections (our AE title as calling AE, its timeouts), one per operation. No
 * privilege checks here: {@link RemoteQueryService} is the entry point.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RemoteDicom {
    private static final Logger LOG = Logger.getLogger(RemoteDicom.class.getName());
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    @Resource(lookup = DicomConnectionFactory.JNDI_NAME)
    private DicomConnectionFactory dicom;

    public RemoteQueryResult findStudies(ApplicationEntityData ae, StudyFilter filter) {
        long start = System.nanoTime();
        Attributes keys = patientKeys(filter);
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setNull(Tag.StudyInstanceUID, VR.UI);
        keys.setNull(Tag.StudyTime, VR.TM);
        keys.setNull(Tag.StudyDescription, VR.LO);
        keys.setNull(Tag.NumberOfStudyRelatedInstances, VR.IS);
        set(keys, Tag.AccessionNumber, VR.SH, filter.getAccessionNumber());
        set(keys, Tag.ModalitiesInStudy, VR.CS, upper(filter.getModality()));
        try {
            String from = da(filter.getStudyDateFrom());
            String to = da(filter.getStudyDateTo());
            set(keys, Tag.StudyDate, VR.DA, from.isEmpty() && to.isEmpty() ? null : from + "-" + to);
            List<Attributes> matches = find(ae, UID.FINDStudyRootQueryRetrieveInformationModel, keys);
            List<RemoteStudy> studies = new ArrayList<>();
            matches.forEach(m -> studies.add(new RemoteStudy(m)));
            return new RemoteQueryResult(studies, null, null, millisSince(start));
        } catch (Failure e) {
            return new RemoteQueryResult(null, null, e.getMessage(), millisSince(start));
        }
    }

    public RemoteQueryResult findPatients(ApplicationEntityData ae, StudyFilter filter) {
        long start = System.nanoTime();
        Attributes keys = patientKeys(filter);
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "PATIENT");
        keys.setNull(Tag.NumberOfPatientRelatedStudies, VR.IS);
        try {
            List<Attributes> matches = find(ae, UID.FINDPatientRootQueryRetrieveInformationModel, keys);
            List<RemotePatient> patients = new ArrayList<>();
            matches.forEach(m -> patients.add(new RemotePatient(m)));
            return new RemoteQueryResult(null, patients, null, millisSince(start));
        } catch (Failure e) {
            return new RemoteQueryResult(null, null, e.getMessage(), millisSince(start));
        }
    }

    /** C-MOVE of one study from {@code ae} to {@code destination}, counts into {@code progress} as they come. */
    @Asynchronous
    public void move(ApplicationEntityData ae, String studyInstanceUid, String destination, RetrieveProgress progress) {
        Attributes keys = new Attributes();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setString(Tag.StudyInstanceUID, VR.UI, studyInstanceUid);
        String sopClass = UID.MOVEStudyRootQueryRetrieveInformationModel;
        try (DicomConnection connection = dicom.getConnection()) {
            try (Scu scu = connection.open(ae.getHost(), ae.getPort(), request(ae, sopClass))) {
                DimseResponse last = scu.move(sopClass, keys, destination,
                        r -> progress.counts(r.remaining(), r.completed(), r.failed(), r.warning()));
                progress.counts(0, Math.max(last.completed(), progress.getCompleted()),
                        Math.max(last.failed(), progress.getFailed()), Math.max(last.warning(), progress.getWarning()));
                scu.release();
                int status = last.status();
                String comment = last.errorComment() == null ? "" : ": " + last.errorComment();
                if (status == Status.SUCCESS) {
                    progress.finish(true, "C-MOVE completed, status 0000H");
                } else {
                    progress.finish(false, String.format("C-MOVE ended with status %04XH (%s)%s", status,
                            Status.meaning(status), comment));
                }
            }
        } catch (Exception e) {
            progress.finish(false, explain(ae, "C-MOVE", e));
        }
        LOG.info(() -> "C-MOVE of study " + studyInstanceUid + " from " + ae.getTitle() + " to " + destination + ": "
                + progress.getSummary());
    }

    private List<Attributes> find(ApplicationEntityData ae, String sopClass, Attributes keys) throws Failure {
        if (!ae.isReachable()) {
            throw new Failure("No host and port are set for " + ae.getTitle() + ".");
        }
        try (DicomConnection connection = dicom.getConnection()) {
            try (Scu scu = connection.open(ae.getHost(), ae.getPort(), request(ae, sopClass))) {
                List<Attributes> matches = new ArrayList<>();
                DimseResponse last = scu.find(sopClass, keys, r -> {
                    if (r.dataSet() != null && r.isPending()) {
                        matches.add(r.dataSet());
                    }
                });
                scu.release();
                if (last.status() != Status.SUCCESS) {
                    throw new Failure(String.format("C-FIND to %s ended with status %04XH (%s)%s", ae.getTitle(),
                            last.status(), Status.meaning(last.status()),
                            last.errorComment() == null ? "" : ": " + last.errorComment()));
                }
                return matches;
            }
        } catch (Failure e) {
            throw e;
        } catch (Exception e) {
            throw new Failure(explain(ae, "C-FIND", e));
        }
    }

    private static AAssociateRq request(ApplicationEntityData ae, String sopClass) {
        AAssociateRq rq = new AAssociateRq();
        rq.calledAeTitle(ae.getTitle());
        rq.addPresentationContext(sopClass, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid());
        return rq;
    }

    private static Attributes patientKeys(StudyFilter filter) {
        Attributes keys = new Attributes();
        set(keys, Tag.PatientName, VR.PN, filter.getPatientName());
        set(keys, Tag.PatientID, VR.LO, filter.getPatientId());
        keys.setNull(Tag.PatientBirthDate, VR.DA);
        keys.setNull(Tag.PatientSex, VR.CS);
        return keys;
    }

    private static void set(Attributes keys, int tag, VR vr, String value) {
        if (value == null || value.isBlank()) {
            keys.setNull(tag, vr);
        } else {
            keys.setString(tag, vr, value.strip());
        }
    }

    /** YYYY-MM-DD or YYYYMMDD as a DA value; empty for none. */
    private static String da(String date) throws Failure {
        if (date == null || date.isBlank()) {
            return "";
        }
        String d = date.strip().replace("-", "");
        try {
            return DA.format(DA.parse(d, java.time.LocalDate::from));
        } catch (java.time.format.DateTimeParseException e) {
            throw new Failure("Not a date: " + date.strip() + " (YYYY-MM-DD)");
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }

    /** The exception in words an administrator can act on. */
    static String explain(ApplicationEntityData ae, String what, Exception e) {
        if (e instanceof AssociationRejectedException r) {
            return "Association rejected by " + ae.getTitle() + ": " + r.reject();
        }
        if (e instanceof ConnectException) {
            return "Connection refused at " + ae.getHost() + ":" + ae.getPort() + " (nothing listening, or a firewall)";
        }
        if (e instanceof UnknownHostException) {
            return "Unknown host " + ae.getHost();
        }
        if (e instanceof SocketTimeoutException) {
            return "No answer from " + ae.getTitle() + " at " + ae.getHost() + ":" + ae.getPort() + " in time";
        }
        if (e instanceof IOException) {
            return what + " to " + ae.getTitle() + " failed: " + e.getMessage();
        }
        if (e instanceof jakarta.resource.ResourceException) {
            return "No DICOM connection available: " + e.getMessage();
        }
        LOG.log(Level.WARNING, what + " to " + ae.getTitle() + " failed", e);
        return what + " to " + ae.getTitle() + " failed: " + e;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A failed query, its message for the page. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }
}
