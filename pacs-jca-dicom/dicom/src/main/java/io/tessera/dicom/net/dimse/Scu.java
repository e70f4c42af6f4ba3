package io.tessera.dicom.net.dimse;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.UID;
import io.tessera.dicom.io.DicomInputStream;
import io.tessera.dicom.net.Association;
import io.tessera.dicom.net.Connector;
import io.tessera.dicom.net.DicomNetworkException;
import io.tessera.dicom.net.pdu.AAssociateRq;
import io.tessera.dicom.net.pdu.PresentationContextAc;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The SCU side of one association: C-ECHO, C-STORE (streamed), C-FIND, C-MOVE, C-GET (with the incoming C-STORE
 * sub-operations served by a handler), C-CANCEL and the N-services. Each call blocks until the final response and
 * returns it; a failure status is a normal return (check {@link DimseResponse#status()}), a network failure throws.
 */
public final class Scu implements Closeable {

    private final Association association;
    private final DimseProvider provider;

    private Scu(Association association, DimseProvider provider) {
        this.association = association;
        this.provider = provider;
    }

    /** Opens an association; requests the peer sends us (C-STORE sub-operations of C-GET) go to {@code incoming}. */
    public static Scu open(Connector connector, String host, int port, AAssociateRq rq, DimseRequestHandler incoming)
            throws IOException {
        DimseProvider provider = new DimseProvider(incoming, null);
        Association a = connector.open(host, port, rq, provider);
        return new Scu(a, provider);
    }

    public static Scu open(Connector connector, String host, int port, AAssociateRq rq) throws IOException {
        return open(connector, host, port, rq, null);
    }

    /**
     * Requests on an association we did not open as SCU: a C-GET SCP sends its C-STORE sub-operations on the
     * association the C-GET came on (PS3.4 §C.4.3.3). Its data listener must be a {@link DimseProvider}, and the
     * handler calling this must not run on the reader thread (C-GET handlers run on the executor).
     */
    public static Scu of(Association association) {
        if (!(association.dataListener() instanceof DimseProvider p)) {
            throw new IllegalStateException("no DIMSE provider on " + association);
        }
        return new Scu(association, p);
    }

    public Association association() {
        return association;
    }

    /** An accepted context for {@code abstractSyntax}, preferring the given transfer syntaxes in order. */
    public int presentationContext(String abstractSyntax, String... transferSyntaxes) throws DicomNetworkException {
        PresentationContextAc pc = association.findContext(abstractSyntax, transferSyntaxes);
        if (pc == null) {
            throw new DicomNetworkException(association.remoteAeTitle() + " accepted no presentation context for "
                    + abstractSyntax + " (" + UID.nameOf(abstractSyntax) + ")");
        }
        return pc.id();
    }

    /** Any request: sends it on {@code pcid} and waits for the final response. */
    public DimseResponse invoke(int pcid, Attributes request, DataWriter data, Consumer<DimseResponse> onPending)
            throws IOException {
        return provider.invoke(association, pcid, request, data, onPending);
    }

    public int nextMessageId() {
        return provider.nextMessageId();
    }

    // ---- C-services ----

    /** C-ECHO (PS3.4 Annex A). */
    public DimseResponse echo() throws IOException {
        int pc = presentationContext(UID.VerificationSOPClass);
        return invoke(pc, Commands.cEchoRq(nextMessageId(), UID.VerificationSOPClass), null, null);
    }

    /**
     * C-STORE of a data set already encoded in {@code transferSyntax} (no File Meta Information), streamed from
     * {@code data}; needs an accepted context for the SOP class with exactly that transfer syntax.
     */
    public DimseResponse store(String sopClass, String sopInstance, String transferSyntax, InputStream data,
                               int priority) throws IOException {
        return store(sopClass, sopInstance, transferSyntax, data, priority, null, -1);
    }

    /**
     * C-STORE as a sub-operation of a C-MOVE (PS3.4 §C.4.2.2.2): with Move Originator AE Title and Message ID.
     */
    public DimseResponse store(String sopClass, String sopInstance, String transferSyntax, InputStream data,
                               int priority, String moveOriginatorAe, int moveOriginatorMessageId) throws IOException {
        PresentationContextAc pc = association.findContext(sopClass, transferSyntax);
        if (pc == null || !transferSyntax.equals(pc.transferSyntax())) {
            throw new DicomNetworkException(association.remoteAeTitle() + " accepted no presentation context for "
                    + sopClass + " with transfer syntax " + transferSyntax);
        }
        return invoke(pc.id(), Commands.cStoreRq(nextMessageId(), sopClass, sopInstance, priority, moveOriginatorAe,
                moveOriginatorMessageId), DataWriter.of(data), null);
    }

    /** C-STORE of a Part 10 file: the data set after the meta header is sent as it is in the file. */
    public DimseResponse store(Path file) throws IOException {
        return store(file, null, -1);
    }

    /** C-STORE of a Part 10 file as a C-MOVE sub-operation (Move Originator AE null when not). */
    public DimseResponse store(Path file, String moveOriginatorAe, int moveOriginatorMessageId) throws IOException {
        Attributes fmi;
        long offset;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            DicomInputStream dis = new DicomInputStream(in);
            fmi = dis.readFileMetaInformation();
            offset = dis.position();
        }
        if (fmi == null) {
            throw new DicomNetworkException(file + " has no File Meta Information (PS3.10 §7.1)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            return store(fmi.getString(Tag.MediaStorageSOPClassUID), fmi.getString(Tag.MediaStorageSOPInstanceUID),
                    fmi.getString(Tag.TransferSyntaxUID), new BufferedInputStream(in, 65536), Dimse.PRIORITY_MEDIUM,
                    moveOriginatorAe, moveOriginatorMessageId);
        }
    }

    /** C-FIND: each pending response (with its identifier) goes to {@code onMatch}; returns the final response. */
    public DimseResponse find(String sopClass, Attributes keys, Consumer<DimseResponse> onMatch) throws IOException {
        int pc = presentationContext(sopClass);
        return invoke(pc, Commands.cFindRq(nextMessageId(), sopClass, Dimse.PRIORITY_MEDIUM), DataWriter.of(keys),
                onMatch);
    }

    /** C-FIND collecting the matches; a final status other than success is an exception. */
    public List<Attributes> findAll(String sopClass, Attributes keys) throws IOException {
        List<Attributes> matches = new ArrayList<>();
        DimseResponse last = find(sopClass, keys, r -> {
            if (r.dataSet() != null) {
                matches.add(r.dataSet());
            }
        });
        if (last.status() != Status.SUCCESS) {
            throw new DicomNetworkException("C-FIND failed: " + last);
        }
        return matches;
    }

    /** C-MOVE to {@code destination}; pending responses (sub-operation counts) go to {@code onPending}. */
    public DimseResponse move(String sopClass, Attributes keys, String destination, Consumer<DimseResponse> onPending)
            throws IOException {
        int pc = presentationContext(sopClass);
        return invoke(pc, Commands.cMoveRq(nextMessageId(), sopClass, Dimse.PRIORITY_MEDIUM, destination),
                DataWriter.of(keys), onPending);
    }

    /**
     * C-GET; the instances arrive as C-STORE requests on this association and go to the handler given to
     * {@link #open}. Propose the storage classes with SCP role selection in the A-ASSOCIATE-RQ (PS3.4 §C.4.3.1).
     */
    public DimseResponse get(String sopClass, Attributes keys, Consumer<DimseResponse> onPending) throws IOException {
        int pc = presentationContext(sopClass);
        return invoke(pc, Commands.cGetRq(nextMessageId(), sopClass, Dimse.PRIORITY_MEDIUM), DataWriter.of(keys),
                onPending);
    }

    /** C-CANCEL of the outstanding C-FIND/C-MOVE/C-GET with {@code messageId}, on the context it used. */
    public void cancel(int pcid, int messageId) throws IOException {
        provider.send(association, pcid, Commands.cCancelRq(messageId), null);
    }

    // ---- N-services ----

    public DimseResponse nEventReport(String sopClass, String sopInstance, int eventTypeId, Attributes info)
            throws IOException {
        int pc = presentationContext(sopClass);
        return invoke(pc, Commands.nEventReportRq(nextMessageId(), sopClass, sopInstance, eventTypeId, info != null),
                info == null ? null : DataWriter.of(info), null);
    }

    public DimseResponse nGet(String sopClass, String sopInstance, int... attributeIdentifiers) throws IOException {
        int pc = presentationContext(sopClass);
        return invoke(pc, Commands.nGetRq(nextMessageId(), sopClass, sopInstance, attributeIdentifiers), null, null);
    }

    public DimseResponse nSet(String sopClass, String sopInstance, Attributes modifications) throws IOException {
        int pc = presentationContext(sopClass);
        return invoke(pc, Commands.nSetRq(nextMessageId(), sopClass, sopInstance), DataWriter.of(modifications), null);
    }

    public DimseResponse nAction(String sopClass, String sopInstance, int actionTypeId, Attributes info)
            throws IOException {
        int pc = presentationContext(sopClass);
        return invoke(pc, Commands.nActionRq(nextMessageId(), sopClass, sopInstance, actionTypeId, info != null),
                info == null ? null : DataWriter.of(info), null);
    }

    public DimseResponse nCreate(String sopClass, String sopInstance, Attributes attributes) throws IOException {
        int pc = presentationContext(sopClass);
        return invoke(pc, Commands.nCreateRq(nextMessageId(), sopClass, sopInstance, attributes != null),
                attributes == null ? null : DataWriter.of(attributes), null);
    }

    public DimseResponse nDelete(String sopClass, String sopInstance) throws IOException {
        int pc = presentationContext(sopClass);
        return invoke(pc, Commands.nDeleteRq(nextMessageId(), sopClass, sopInstance), null, null);
    }

    // ---- end ----

    public void release() throws IOException {
        association.release();
    }

    public void abort() {
        association.abort();
    }

    /** Releases if still established, else makes sure the connection is closed. */
    @Override
    public void close() {
        if (association.isEstablished()) {
            try {
                association.release();
                return;
            } catch (IOException e) {
                // fall through to abort
            }
        }
        association.abort();
    }
}
