package io.tessera.pacs.store;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.io.DicomInputStream;
import io.tessera.dicom.io.TransferSyntax;
import io.tessera.pacs.admin.ApplicationEntityData;
import io.tessera.pacs.admin.ApplicationEntityRegistry;
import io.tessera.pacs.domain.StorageFormat;
import io.tessera.pacs.domain.StoreEvent;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start-up, finishes or undoes what a crash interrupted in each storage area's {@code .incoming} directory
 * (see {@link ReceivedFile}): a temporary file without a marker was never acknowledged and is deleted; a marker
 * names a file moved into place whose index row may not have committed — it is indexed now if its SOP instance is
 * not and its content is the marker's digest (the file is forced to disk after its rename, so a crash of the machine
 * can leave it incomplete: then it is deleted, never acknowledged), and deleted if the index already has that
 * instance in another file; a marker of a file the index has is removed (markers wait for the index to be on disk,
 * {@link IndexSync}, so a stop leaves the last second's). Only files older than this server's
 * start are touched, so stores already running on the new server are safe. Logs what it did.
 */
@Singleton
@Startup
@DependsOn("StorageSettings")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StorageReconciliation {
    private static final Logger LOG = Logger.getLogger(StorageReconciliation.class.getName());

    @EJB
    private StorageSettings settings;

    @EJB
    private InstanceIndex index;

    @EJB
    private ApplicationEntityRegistry applicationEntities;

    private long serverStart;
    private int deleted;
    private int reindexed;
    private int dropped;
    private int incomplete;
    private int confirmed;

    @PostConstruct
    void reconcile() {
        serverStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Set<Path> areas = new LinkedHashSet<>();
        areas.add(settings.getDefaultArea());
        try {
            for (ApplicationEntityData ae : applicationEntities.list()) {
                areas.add(settings.areaFor(ae.getArchiveDir()));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot list the AEs' archive directories; reconciling the default area only", e);
        }
        for (Path area : areas) {
            reconcile(area);
        }
        if (deleted + reindexed + dropped + incomplete + confirmed > 0) {
            LOG.warning(() -> "Storage reconciliation after an unclean stop: " + deleted + " unacknowledged temporary file(s) deleted, "
                    + reindexed + " file(s) indexed, " + dropped + " superseded file(s) deleted, " + incomplete
                    + " unacknowledged file(s) cut short deleted, " + confirmed + " marker(s) of indexed file(s) removed");
        } else {
            LOG.info("Storage reconciliation: nothing to do");
        }
    }

    private void reconcile(Path area) {
        Path incoming = area.resolve(ReceivedFile.INCOMING);
        if (!Files.isDirectory(incoming)) {
            return;
        }
        try (DirectoryStream<Path> markers = Files.newDirectoryStream(incoming, "*.target")) {
            for (Path marker : markers) {
                if (olderThanStart(marker)) {
                    finish(area, marker);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot reconcile " + incoming, e);
        }
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(incoming, "*.part")) {
            for (Path part : parts) {
                if (olderThanStart(part) && Files.deleteIfExists(part)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot clean " + incoming, e);
        }
    }

    /** Marker lines: relative path, transfer syntax, digest, size, format, calling AE (ReceivedFile.moveTo). */
    private void finish(Path area, Path marker) throws IOException {
        List<String> lines = Files.readAllLines(marker);
        if (lines.size() < 5) {
            Files.deleteIfExists(marker);
            return;
        }
        Path file = area.resolve(lines.get(0));
        if (Files.exists(file)) {
            StorageFormat format = StorageFormat.valueOf(lines.get(4));
            String sourceAe = lines.size() > 5 && !lines.get(5).isEmpty() ? lines.get(5) : null;
            try {
                Attributes ds = header(file, format, lines.get(1));
                InstanceIndex.Existing existing = index.find(ds.getString(Tag.SOPInstanceUID));
                if (existing == null && !lines.get(2).equals(dataSetDigest(file, format))) {
                    // renamed, not yet on disk when the machine stopped: never acknowledged, never indexed
                    Files.deleteIfExists(file);
                    index.record(StoreEvent.Kind.RECONCILED_DELETED, sourceAe, ds.getString(Tag.SOPInstanceUID),
                            file + " incomplete (digest differs from the one received)");
                    incomplete++;
                } else if (existing == null) {
                    index.index(ds, new ReceivedFileInfo(area, lines.get(0), Long.parseLong(lines.get(3)), format,
                            lines.get(1), lines.get(2)), sourceAe, null, null);
                    index.record(StoreEvent.Kind.RECONCILED_REINDEXED, sourceAe, ds.getString(Tag.SOPInstanceUID), file.toString());
                    reindexed++;
                } else if (!existing.file().equals(file)) {
                    Files.deleteIfExists(file);
                    index.record(StoreEvent.Kind.RECONCILED_DELETED, sourceAe, ds.getString(Tag.SOPInstanceUID),
                            file + " superseded by " + existing.file());
                    dropped++;
                } else {
                    confirmed++; // indexed, the marker waited for the index to be on disk (IndexSync)
                }
            } catch (IOException | RuntimeException e) {
                if (!lines.get(2).equals(dataSetDigest(file, format))) {
                    // cut short so that not even its header parses (the machine stopped before the force): the
                    // store parsed it before the rename, so it was never indexed nor acknowledged
                    LOG.log(Level.WARNING, "Deleting " + file + ": incomplete after the crash", e);
                    Files.deleteIfExists(file);
                    incomplete++;
                } else {
                    LOG.log(Level.SEVERE, "Cannot index " + file + " after the crash; left in place", e);
                    return;
                }
            }
        }
        Files.deleteIfExists(marker);
        Files.deleteIfExists(Path.of(marker.toString().replace(".target", ".part")));
    }

    /**
     * The SHA-256 of the data set as received, as the store took it (ReceivedFile): a Part 10 file's bytes after its
     * File Meta Information — the preamble, "DICM", the group length element (12 bytes) and the length it gives
     * (PS3.10 §7.1). A file cut short before its data set has no digest that could match: "".
     */
    private static String dataSetDigest(Path file, StorageFormat format) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            if (format == StorageFormat.PART10) {
                byte[] head = in.readNBytes(144);
                if (head.length < 144 || head[128] != 'D' || head[129] != 'I' || head[130] != 'C' || head[131] != 'M') {
                    return "";
                }
                long groupLength = java.nio.ByteBuffer.wrap(head, 140, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt()
                        & 0xFFFFFFFFL;
                try {
                    in.skipNBytes(groupLength);
                } catch (java.io.EOFException e) {
                    return "";
                }
            }
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Attributes header(Path file, StorageFormat format, String ts) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536)) {
            DicomInputStream dis = format == StorageFormat.PART10 ? new DicomInputStream(in)
                    : new DicomInputStream(in, TransferSyntax.of(ts));
            return dis.readDatasetUntil(Tag.PixelData);
        }
    }

    private boolean olderThanStart(Path p) throws IOException {
        return Files.getLastModifiedTime(p).toMillis() < serverStart;
    }
}
