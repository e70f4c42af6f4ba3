package io.tessera.bench.io;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.BulkData;
import io.tessera.dicom.data.Fragments;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.io.DicomInputStream;
import io.tessera.dicom.io.DicomOutputStream;
import io.tessera.dicom.io.FileMetaInformation;
import io.tessera.dicom.io.TransferSyntax;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A 1 GiB multi-frame CT (2048 frames of 512x512x16 bit) generated streaming into a temp file, then parsed with
 * Pixel Data left in the file as BulkData, and once more stopping before Pixel Data. Run with -Xmx64m: the target
 * (issue 3) is parsing in under 64 MB of heap. With "encapsulated" the frames are written as fragments of
 * encapsulated Pixel Data (RLE Lossless transfer syntax UID; the bytes are not real RLE, only the encoding is
 * exercised), which parse into Fragments of BulkData references.
 * With "peer", the same file is also copied file to file by us and by dcmtk's dcmconv (which loads it whole).
 * Usage: LargeMultiframeBench [frames] [dir] [native|encapsulated] [peer].
 */
public final class LargeMultiframeBench {
    private LargeMultiframeBench() {
    }

    public static void main(String[] args) throws IOException {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        Path dir = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir"));
        boolean encapsulated = args.length > 2 && args[2].equals("encapsulated");
        boolean peer = args.length > 3 && args[3].equals("peer");
        Path file = Files.createTempFile(dir, "tessera-1g-", ".dcm");
        try {
            long t0 = System.nanoTime();
            long size = encapsulated ? generateEncapsulated(file, frames) : generate(file, frames);
            System.out.printf("generated %s: %d bytes in %.1f s, max heap %d MB%n", file, size,
                    (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20);

            long t1 = System.nanoTime();
            Attributes ds;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536);
                 DicomInputStream din = new DicomInputStream(in)) {
                din.setBulkData(file, 64 * 1024);
                ds = din.readDataset();
            }
            List<BulkData> parts = new ArrayList<>();
            if (ds.getValue(Tag.PixelData) instanceof Fragments f) {
                for (Object item : f.items()) {
                    if (item instanceof BulkData b) {
                        parts.add(b);
                    }
                }
                System.out.printf("parsed with %d fragments (%d as BulkData) in %.3f s; frames %s%n", f.size(),
                        parts.size(), (System.nanoTime() - t1) / 1e9, ds.getString(Tag.NumberOfFrames));
            } else {
                BulkData px = (BulkData) ds.getValue(Tag.PixelData);
                parts.add(px);
                System.out.printf("parsed with Pixel Data as BulkData(offset %d, length %d) in %.3f s; frames %s%n",
                        px.offset(), px.length(), (System.nanoTime() - t1) / 1e9, ds.getString(Tag.NumberOfFrames));
            }

            long t2 = System.nanoTime();
            try (InputStream in = Files.newInputStream(file); DicomInputStream din = new DicomInputStream(in)) {
                Attributes header = din.readDatasetUntil(Tag.PixelData);
                System.out.printf("header only (stop before Pixel Data): %d elements, stream at %d, %.3f s%n",
                        header.size(), din.position(), (System.nanoTime() - t2) / 1e9);
            }

            // Reading the bulk data back streams through a small buffer.
            long t3 = System.nanoTime();
            long sum = 0;
            byte[] buf = new byte[1 << 16];
            for (BulkData px : parts) {
                try (InputStream in = px.open()) {
                    for (int r; (r = in.read(buf)) > 0; ) {
                        sum += r;
                    }
                }
            }
            System.out.printf("streamed %d Pixel Data bytes from BulkData in %.2f s%n", sum, (System.nanoTime() - t3) / 1e9);
            // Read (Pixel Data as BulkData) + write the whole object again, to a null stream: streaming copy rate.
            long t4 = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536);
                 DicomInputStream din = new DicomInputStream(in);
                 DicomOutputStream dout = new DicomOutputStream(OutputStream.nullOutputStream())) {
                din.setBulkData(file, 64 * 1024);
                Attributes fmi = din.readFileMetaInformation();
                Attributes all = din.readDataset();
                dout.writeFileMetaInformation(fmi);
                dout.writeDataset(all, din.transferSyntax());
            }
            double secs = (System.nanoTime() - t4) / 1e9;
            System.out.printf("RESULT read+write via BulkData: %.0f MB/s (%d bytes in %.2f s)%n", size / 1e6 / secs, size, secs);
            if (peer) {
                compareWithDcmconv(file, size);
            }
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("RESULT 1 GiB multi-frame (%s): parsed in -Xmx%d MB; peak heap used (sum of pool peaks) %.1f MB (target < 64)%n",
                    encapsulated ? "encapsulated" : "native", Runtime.getRuntime().maxMemory() >> 20, peak / 1048576.0);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** File to file, same transfer syntax: us (Pixel Data as BulkData) against dcmconv. */
    private static void compareWithDcmconv(Path file, long size) throws IOException {
        Path ours = file.resolveSibling(file.getFileName() + ".ours.dcm");
        Path theirs = file.resolveSibling(file.getFileName() + ".dcmconv.dcm");
        try {
            long t0 = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536);
                 DicomInputStream din = new DicomInputStream(in);
                 DicomOutputStream dout = new DicomOutputStream(Files.newOutputStream(ours))) {
                din.setBulkData(file, 64 * 1024);
                Attributes fmi = din.readFileMetaInformation();
                Attributes all = din.readDataset();
                dout.writeFileMetaInformation(fmi);
                dout.writeDataset(all, din.transferSyntax());
            }
            double oursSecs = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            Process p = new ProcessBuilder("dcmconv", file.toString(), theirs.toString()).inheritIO().start();
            int exit;
            try {
                exit = p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            double dcmconvSecs = (System.nanoTime() - t1) / 1e9;
            System.out.printf("RESULT file to file: ours %.2f s (%.0f MB/s, byte-identical %b), dcmconv %.2f s (exit %d); "
                            + "ratio dcmconv/ours %.1f%n", oursSecs, size / 1e6 / oursSecs, sameBytes(file, ours),
                    dcmconvSecs, exit, dcmconvSecs / oursSecs);
        } finally {
            Files.deleteIfExists(ours);
            Files.deleteIfExists(theirs);
        }
    }

    private static boolean sameBytes(Path a, Path b) throws IOException {
        return Files.mismatch(a, b) == -1;
    }

    /** Header through the library, then encapsulated Pixel Data: empty Basic Offset Table and one fragment per frame. */
    private static long generateEncapsulated(Path file, int frames) throws IOException {
        Attributes ds = CtHeader.header(frames);
        try (OutputStream os = Files.newOutputStream(file); DicomOutputStream out = new DicomOutputStream(os)) {
            out.writeFileMetaInformation(FileMetaInformation.create(ds, TransferSyntax.RLE_LOSSLESS.uid()));
            out.writeDataset(ds, TransferSyntax.RLE_LOSSLESS);
            ByteBuffer h = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
            h.putShort((short) 0x7FE0).putShort((short) 0x0010).put((byte) 'O').put((byte) 'B').putShort((short) 0)
                    .putInt(-1).putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(0);
            out.write(h.array());
            byte[] frame = new byte[512 * 512 * 2];
            ByteBuffer item = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            for (int f = 0; f < frames; f++) {
                java.util.Arrays.fill(frame, (byte) f);
                item.clear();
                item.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(frame.length);
                out.write(item.array());
                out.write(frame);
            }
            item.clear();
            item.putShort((short) 0xFFFE).putShort((short) 0xE0DD).putInt(0);
            out.write(item.array());
        }
        return Files.size(file);
    }

    /** Header through the library, then the Pixel Data element header and frames streamed in 512 KB chunks. */
    private static long generate(Path file, int frames) throws IOException {
        Attributes ds = CtHeader.header(frames);
        long length = (long) frames * 512 * 512 * 2;
        if (length > 0xFFFFFFFEL) {
            throw new IllegalArgumentException("Pixel Data over 4 GB needs encapsulation");
        }
        try (OutputStream os = Files.newOutputStream(file); DicomOutputStream out = new DicomOutputStream(os)) {
            out.writeFileMetaInformation(FileMetaInformation.create(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()));
            out.writeDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            h.putShort((short) 0x7FE0).putShort((short) 0x0010).put((byte) 'O').put((byte) 'W').putShort((short) 0)
                    .putInt((int) length);
            out.write(h.array());
            byte[] frame = new byte[512 * 512 * 2];
            for (int f = 0; f < frames; f++) {
                for (int i = 0; i < frame.length; i += 2) {
                    int v = (i / 2 + f * 31) & 0x0FFF;
                    frame[i] = (byte) v;
                    frame[i + 1] = (byte) (v >> 8);
                }
                out.write(frame);
            }
        }
        return Files.size(file);
    }
}
