package io.tessera.dicom.net.dimse;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.io.DicomInputStream;
import io.tessera.dicom.io.FileMetaInformation;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.Association;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One received DIMSE request: the association and presentation context it came on, its command set and its data
 * set as a stream (encoded in {@link #transferSyntax()}), and the cancel signal of C-CANCEL (PS3.7 §9.3.2.3).
 */
public final class DimseRequest {
    private final Association association;
    private final int pcid;
    private final Attributes command;
    private final InputStream data;
    private volatile boolean canceled;
    private final List<Runnable> cancelListeners = new CopyOnWriteArrayList<>();

    DimseRequest(Association association, int pcid, Attributes command, InputStream data) {
        this.association = association;
        this.pcid = pcid;
        this.command = command;
        this.data = data;
    }

    public Association association() {
        return association;
    }

    public int presentationContextId() {
        return pcid;
    }

    /** The abstract syntax (SOP class) of the presentation context. */
    public String abstractSyntax() {
        return association.abstractSyntax(pcid);
    }

    /** The transfer syntax UID the data set is encoded in. */
    public String transferSyntax() {
        return association.transferSyntax(pcid);
    }

    public Attributes command() {
        return command;
    }

    public int commandField() {
        return command.getInt(Tag.CommandField, 0);
    }

    public int messageId() {
        return command.getInt(Tag.MessageID, 0);
    }

    /** Affected SOP Class UID, or Requested SOP Class UID for N-GET/SET/ACTION/DELETE. */
    public String sopClassUid() {
        String s = command.getString(Tag.AffectedSOPClassUID);
        return s != null ? s : command.getString(Tag.RequestedSOPClassUID);
    }

    public String sopInstanceUid() {
        String s = command.getString(Tag.AffectedSOPInstanceUID);
        return s != null ? s : command.getString(Tag.RequestedSOPInstanceUID);
    }

    public boolean hasDataSet() {
        return data != null;
    }

    /**
     * The data set, raw in the context's transfer syntax, or null when the command has none. For C-STORE the stream
     * reads straight from the network; it ends at the end of the data set.
     */
    public InputStream data() {
        return data;
    }

    /** Parses the whole data set (for identifiers and N-service attribute lists; C-STORE should stream). */
    public Attributes readDataSet() throws IOException {
        if (data == null) {
            return null;
        }
        return new DicomInputStream(data, TransferSyntax.of(transferSyntax())).readDataset();
    }

    /**
     * File Meta Information for keeping this C-STORE's data set as a Part 10 file (PS3.10 §7.1): SOP class and
     * instance from the command, the context's transfer syntax, our implementation, and the calling AE as Source
     * Application Entity Title. Write it, then copy {@link #data()} after it.
     */
    public Attributes fileMetaInformation() {
        Attributes fmi = FileMetaInformation.create(sopClassUid(), sopInstanceUid(), transferSyntax());
        String ae = association.remoteAeTitle();
        if (ae != null) {
            fmi.setString(Tag.SourceApplicationEntityTitle, VR.AE, ae);
        }
        return fmi;
    }

    /** True once the peer sent a C-CANCEL-RQ for this request. */
    public boolean isCanceled() {
        return canceled;
    }

    /** Runs {@code listener} when a C-CANCEL-RQ arrives (at once if it already did). */
    public void onCancel(Runnable listener) {
        cancelListeners.add(listener);
        if (canceled) {
            listener.run();
        }
    }

    void cancel() {
        if (!canceled) {
            canceled = true;
            for (Runnable r : cancelListeners) {
                r.run();
            }
        }
    }

    @Override
    public String toString() {
        return Dimse.name(commandField()) + "[id " + messageId() + ", pc " + pcid + ", " + sopClassUid() + "]";
    }
}
