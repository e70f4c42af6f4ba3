package io.tessera.pacs.store;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.io.DicomInputStream;
import io.tessera.dicom.io.DicomOutputStream;
import io.tessera.dicom.io.FileMetaInformation;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.pacs.domain.StorageFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One received data set on its way to the archive (ARCHITECTURE.md, "Data flow of one C-STORE"): streamed from the
 * network into {@code <area>/.incoming/<uuid>.part} (never held in memory), its SHA-256 taken on the way, forced to
 * disk; then moved to its final name in one atomic rename, with a {@code .target} marker beside it while the move is
 * not yet backed by an index row, so that start-up reconciliation can finish or undo it.
 */
final class ReceivedFile {
    static final String INCOMING = ".incoming";
    private static final int BUFFER = 64 * 1024;

    private final Path area;
    private final Path temp;
    private final StorageFormat format;
    private final String transferSyntaxUid;
    private long size;
    private String digest;
    private Path target;

    private ReceivedFile(Path area, StorageFormat format, String transferSyntaxUid) {
        this.area = area;
        this.temp = area.resolve(INCOMING).resolve(UUID.randomUUID() + ".part");
        this.format = format;
        this.transferSyntaxUid = transferSyntaxUid;
    }

    /**
     * Writes the data set to a temporary file in {@code area} and forces it to disk.
     *
     * @throws StoreFailure A700 when the file cannot be created or written (disk full, not writable)
     * @throws IOException when reading from the network fails (the association is gone; nothing to answer)
     */
    static ReceivedFile receive(Path area, InputStream data, StorageFormat format, String sopClassUid,
                                String sopInstanceUid, String transferSyntaxUid, String callingAe)
            throws StoreFailure, IOException {
        ReceivedFile f = new ReceivedFile(area, format, transferSyntaxUid);
        f.write(data, sopClassUid, sopInstanceUid, callingAe);
        return f;
    }

    private void write(InputStream data, String sopClassUid, String sopInstanceUid, String callingAe)
            throws StoreFailure, IOException {
        MessageDigest sha256 = sha256();
        FileChannel channel;
        try {
            Files.createDirectories(temp.getParent());
            channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreFailure(StoreFailure.CANNOT_CREATE_FILE, "Cannot create file: " + reason(e) + " (in " + area + ")", e);
        }
        try (channel) {
            if (format == StorageFormat.PART10) {
                writeFileMetaInformation(channel, sopClassUid, sopInstanceUid, callingAe);
            }
            byte[] buffer = new byte[BUFFER];
            ByteBuffer bb = ByteBuffer.wrap(buffer);
            int n;
            while ((n = data.read(buffer)) > 0) { // an IOException here is the network's: let it through
                sha256.update(buffer, 0, n);
                bb.clear().limit(n);
                try {
                    while (bb.hasRemaining()) {
                        channel.write(bb);
                    }
                } catch (IOException e) {
                    throw new StoreFailure(StoreFailure.CANNOT_CREATE_FILE, "Cannot write: " + reason(e) + " (" + temp + ")", e);
                }
            }
            try {
                channel.force(true);
                size = channel.size();
            } catch (IOException e) {
                throw new StoreFailure(StoreFailure.CANNOT_CREATE_FILE, "Cannot write to disk: " + reason(e) + " (" + temp + ")", e);
            }
        } catch (StoreFailure | IOException | RuntimeException | Error e) {
            discard();
            throw e;
        }
        digest = HexFormat.of().formatHex(sha256.digest());
    }

    /** PS3.10 §7.1: preamble, "DICM", the meta header; the data set follows as received. */
    private void writeFileMetaInformation(FileChannel channel, String sopClassUid, String sopInstanceUid,
                                          String callingAe) throws StoreFailure {
        try {
            Attributes fmi = FileMetaInformation.create(sopClassUid, sopInstanceUid, transferSyntaxUid);
            fmi.setString(Tag.SourceApplicationEntityTitle, VR.AE, callingAe);
            OutputStream out = Channels.newOutputStream(channel);
            DicomOutputStream dos = new DicomOutputStream(out);
            dos.writeFileMetaInformation(fmi);
            dos.flush();
        } catch (IOException e) {
            throw new StoreFailure(StoreFailure.CANNOT_CREATE_FILE, "Cannot write: " + reason(e) + " (" + temp + ")", e);
        }
    }

    /**
     * Parses the stored data set up to Pixel Data (the index needs nothing after it).
     *
     * @throws StoreFailure C000 when it cannot be parsed
     */
    Attributes readHeader() throws StoreFailure {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(temp), BUFFER)) {
            DicomInputStream dis = format == StorageFormat.PART10 ? new DicomInputStream(in)
                    : new DicomInputStream(in, TransferSyntax.of(transferSyntaxUid));
            return dis.readDatasetUntil(Tag.PixelData);
        } catch (IOException | RuntimeException e) {
            throw new StoreFailure(StoreFailure.CANNOT_UNDERSTAND, "Cannot parse the data set: " + e.getMessage(), e);
        }
    }

    /**
     * Renames the file to {@code relativePath} in its area (atomic, then the directory is forced to disk), leaving a
     * {@code .target} marker naming it until {@link #committed()}.
     */
    void moveTo(String relativePath, String callingAe) throws StoreFailure {
        Path finalPath = area.resolve(relativePath);
        Path marker = marker();
        try {
            Files.createDirectories(finalPath.getParent());
            // what reconciliation needs to index the file if we crash before the index commits
            Files.writeString(marker, String.join("\n", relativePath, transferSyntaxUid, digest, Long.toString(size),
                    format.name(), callingAe == null ? "" : callingAe));
            try {
                Files.move(temp, finalPath, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the storage area does not support atomic rename", e);
            }
            forceDirectory(finalPath.getParent());
            target = finalPath;
        } catch (IOException e) {
            discard();
            throw new StoreFailure(StoreFailure.CANNOT_CREATE_FILE, "Cannot store: " + reason(e) + " (" + finalPath + ")", e);
        }
    }

    /** The index row is committed: the marker goes. */
    void committed() {
        try {
            Files.deleteIfExists(marker());
        } catch (IOException e) {
            // harmless: reconciliation finds the file indexed and removes the marker
        }
    }

    /** Removes whatever this receipt left: the temporary file, the moved file (the index refused it), the marker. */
    void discard() {
        try {
            Files.deleteIfExists(temp);
            if (target != null) {
                Files.deleteIfExists(target);
            }
            Files.deleteIfExists(marker());
        } catch (IOException e) {
            // reconciliation at the next start removes it
        }
    }

    private Path marker() {
        return temp.resolveSibling(temp.getFileName().toString().replace(".part", ".target"));
    }

    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    Path area() {
        return area;
    }

    long size() {
        return size;
    }

    String digest() {
        return digest;
    }

    StorageFormat format() {
        return format;
    }

    String transferSyntaxUid() {
        return transferSyntaxUid;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : m != null ? m : e.getClass().getSimpleName();
    }
}
