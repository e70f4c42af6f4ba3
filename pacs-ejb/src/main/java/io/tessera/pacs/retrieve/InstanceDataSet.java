package io.tessera.pacs.retrieve;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.io.DicomInputStream;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.dicom.net.PDataOutputStream;
import io.tessera.dicom.net.dimse.DataWriter;
import io.tessera.pacs.domain.StorageFormat;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The data set of a stored instance as a C-STORE sub-operation sends it. In its stored transfer syntax the bytes go
 * out exactly as they are in the file (001 §3.3.3.3: "transmitted … exactly as they were received"): a Part 10
 * file from the first byte after its File Meta Information, a Native file whole. Only Explicit VR Little Endian may
 * be sent in another syntax — Implicit VR Little Endian, for a destination that accepts only that — and is then
 * parsed and re-encoded. The file is opened before the C-STORE-RQ goes out, so a missing or unreadable file fails
 * its sub-operation without leaving a half-sent message on the association.
 */
final class InstanceDataSet implements DataWriter, Closeable {
    private static final Logger LOG = Logger.getLogger(InstanceDataSet.class.getName());
    private final InputStream raw;
    private final Attributes converted;

    private InstanceDataSet(InputStream raw, Attributes converted) {
        this.raw = raw;
        this.converted = converted;
    }

    /**
     * Opens {@code instance} to be sent in {@code transferSyntax}: its stored one, or Implicit VR LE. A file that
     * cannot be read fails this sub-operation only (and is logged: the archive lost or damaged a file).
     */
    static InstanceDataSet open(StoredInstance instance, String transferSyntax) throws StoreSubOperations.NotSent {
        try {
            return read(instance, transferSyntax);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Cannot read " + instance.file() + " of " + instance.sopInstanceUid(), e);
            throw new StoreSubOperations.NotSent("cannot read the file of " + instance.sopInstanceUid() + ": " + e);
        }
    }

    private static InstanceDataSet read(StoredInstance instance, String transferSyntax) throws IOException {
        String stored = instance.transferSyntaxUid();
        if (stored.equals(transferSyntax)) {
            long offset = 0;
            if (instance.storageFormat() == StorageFormat.PART10) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(instance.file()))) {
                    DicomInputStream dis = new DicomInputStream(in);
                    if (dis.readFileMetaInformation() == null) {
                        throw new IOException(instance.file() + " has no File Meta Information");
                    }
                    offset = dis.position();
                }
            }
            InputStream in = Files.newInputStream(instance.file());
            try {
                in.skipNBytes(offset);
            } catch (IOException e) {
                in.close();
                throw e;
            }
            return new InstanceDataSet(new BufferedInputStream(in, 65536), null);
        }
        if (!TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid().equals(stored)
                || !TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid().equals(transferSyntax)) {
            throw new IllegalArgumentException("cannot send " + stored + " as " + transferSyntax);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(instance.file()), 65536)) {
            DicomInputStream dis = instance.storageFormat() == StorageFormat.PART10
                    ? new DicomInputStream(in) : new DicomInputStream(in, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            return new InstanceDataSet(null, dis.readDataset());
        }
    }

    @Override
    public void writeTo(PDataOutputStream out, String transferSyntax) throws IOException {
        if (raw != null) {
            out.transferFrom(raw);
        } else {
            DataWriter.of(converted).writeTo(out, transferSyntax);
        }
    }

    @Override
    public void close() throws IOException {
        if (raw != null) {
            raw.close();
        }
    }
}
