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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * One received data set on its way to the archive (ARCHITECTURE.md, "Data flow of one C-STORE"): streamed from the
 * network into {@code <area>/.incoming/<receipt>.part} (never held in memory), its SHA-256 taken on the way; then moved
 * to its final name in one atomic rename, with a {@code .target} marker beside it until the move is backed by an
 * index row that is on disk ({@link IndexSync}), so that start-up reconciliation can finish or undo it.
 *
 * <p>The wait on the disk overlaps the index transaction instead of adding to it (issue 5, the ingest figure): the
 * file is renamed first and then forced — file, then its directory entry — on another thread while the index
 * transaction does its work; the transaction commits only once both are on disk ({@link #awaitDurable()}, called
 * inside it). One journal commit serves the data, the new inode and the rename, where forcing before the rename
 * took two. So an index row always names a file that is complete on disk; a file under its final name without an
 * index row may be incomplete after a crash, and reconciliation checks its digest against the marker's before
 * indexing it.
 */
final class ReceivedFile {
    static final String INCOMING = ".incoming";
    private static final int BUFFER = 64 * 1024;

    private final Path area;
    /** This receipt's own name: its temporary file's and part of its final one (16 hex digits, random). */
    private final String receipt;
    private final Path temp;
    private final StorageFormat format;
    private final String transferSyntaxUid;
    private long size;
    private String digest;
    private Path target;
    /** Open from creation until the file is forced (or discarded). */
    private FileChannel channel;
    /** Forcing the renamed file and its directory entry to disk, started by {@link #moveTo}. */
    private CompletableFuture<Void> forced;

    /** The file or its directory could not be forced to disk: the index transaction must not commit. */
    @jakarta.ejb.ApplicationException(rollback = true)
    static final class NotOnDisk extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotOnDisk(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private ReceivedFile(Path area, StorageFormat format, String transferSyntaxUid) {
        this.area = area;
        UUID id = UUID.randomUUID();
        this.receipt = HexFormat.of().toHexDigits(id.getMostSignificantBits() ^ id.getLeastSignificantBits());
        this.temp = area.resolve(INCOMING).resolve(receipt + ".part");
        this.format = format;
        this.transferSyntaxUid = transferSyntaxUid;
    }

    /**
     * Writes the data set to a temporary file in {@code area} (not yet forced: see {@link #moveTo}).
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
        try {
            Files.createDirectories(temp.getParent());
            channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreFailure(StoreFailure.CANNOT_CREATE_FILE, "Cannot create file: " + reason(e) + " (in " + area + ")", e);
        }
        try {
            if (format == StorageFormat.PART10) {
                writeFileMetaInformation(channel, sopClassUid, sopInstanceUid, callingAe);
            }
            byte[] buffer = new byte[BUFFER];
            ByteBuffer bb = ByteBuffer.wrap(buffer);
            int n;
            // a PDV holds at most a PDU (32 KiB by default): fill the buffer before writing, half the system calls
            while ((n = data.readNBytes(buffer, 0, BUFFER)) > 0) { // an IOException here is the network's: let it through
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
     * Renames the file to {@code relativePath} in its area (atomic), leaving a {@code .target} marker naming it (deleted
     * by {@link IndexSync} once the index row is on disk), and starts forcing the file and then the directory that
     * holds it to disk on {@code disk}.
     * The caller runs the index transaction meanwhile and calls {@link #awaitDurable()} before it commits.
     */
    void moveTo(String relativePath, String callingAe, Executor disk) throws StoreFailure {
        Path finalPath = area.resolve(relativePath);
        if (finalPath.equals(target)) {
            return; // moved by an attempt whose index transaction rolled back: it is in place, and being forced
        }
        Path marker = marker();
        try {
            // a directory made here is an entry in its parent: forced with the file's (a series' first image only)
            List<Path> created = createDirectories(finalPath.getParent());
            // what reconciliation needs to index the file if we crash before the index commits
            Files.writeString(marker, String.join("\n", relativePath, transferSyntaxUid, digest, Long.toString(size),
                    format.name(), callingAe == null ? "" : callingAe));
            try {
                Files.move(temp, finalPath, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the storage area does not support atomic rename", e);
            }
            target = finalPath;
            FileChannel ch = channel;
            forced = CompletableFuture.runAsync(() -> {
                try (ch) {
                    // the file's data and inode, and on a journaling file system the rename with them (the
                    // directory's force below then finds its entry already on disk and costs little)
                    ch.force(true);
                    forceDirectory(finalPath.getParent());
                    for (Path dir : created) {
                        forceDirectory(dir.getParent());
                    }
                } catch (IOException e) {
                    throw new NotOnDisk(e);
                }
            }, disk);
        } catch (IOException | RuntimeException e) {
            discard();
            throw new StoreFailure(StoreFailure.CANNOT_CREATE_FILE, "Cannot store: "
                    + (e instanceof IOException io ? reason(io) : e.toString()) + " (" + finalPath + ")", e);
        }
    }

    /**
     * Waits until the file and its directory entry are on disk. Called inside the index transaction, last, so that
     * an index row is never committed for a file that is not.
     *
     * @throws NotOnDisk when either could not be forced (the transaction rolls back; A700)
     */
    void awaitDurable() {
        try {
            forced.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof NotOnDisk n ? n : new NotOnDisk(new IOException(e.getCause()));
        }
    }

    /** Like {@link Files#createDirectories}, returning the directories it made (outermost first). */
    private static List<Path> createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> created = new ArrayList<>();
        for (Path d = dir; d != null && !Files.isDirectory(d); d = d.getParent()) {
            created.add(0, d);
        }
        for (Path d : created) {
            try {
                Files.createDirectory(d);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another association made it meanwhile; forcing its parent again is harmless
            }
        }
        return created;
    }

    /**
     * The marker naming this receipt's final file, kept until its index row is on disk ({@link IndexSync}): while it
     * exists, start-up reconciliation indexes the file again if the row did not survive.
     */
    Path marker() {
        return temp.resolveSibling(temp.getFileName().toString().replace(".part", ".target"));
    }

    /** Removes whatever this receipt left: the temporary file, the moved file (the index refused it), the marker. */
    void discard() {
        if (forced != null) {
            try {
                forced.join(); // the force runs on another thread (and closes the file): let it finish first
            } catch (CompletionException e) {
                // the file goes anyway
            }
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing more to write to it
        }
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


    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    Path area() {
        return area;
    }

    String receipt() {
        return receipt;
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
