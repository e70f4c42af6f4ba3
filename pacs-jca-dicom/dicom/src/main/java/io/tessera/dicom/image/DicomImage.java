package io.tessera.dicom.image;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.BulkData;
import io.tessera.dicom.data.Fragments;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.io.DicomInputStream;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One frame of a DICOM image, decoded: what a viewer or a WADO service renders. Reading a file parses the data set
 * up to and including the Pixel Data element header, leaves the pixel data in the file ({@link BulkData}) and then
 * reads only the bytes of the requested frame, so frame n of a large multi-frame object costs one frame of memory.
 *
 * <pre>{@code
 * DicomImage image = DicomImage.read(path, 1);                    // frame numbers are 1-based, as in DICOM
 * image.writePng(response.getOutputStream(), VoiSelection.window(40, 400));
 * }</pre>
 */
public final class DicomImage {

    /** Values at least this long stay in the file; LUTs and small pixel data are read. */
    private static final int BULK_THRESHOLD = 64 * 1024;

    private final ImageDescription description;
    private final Frame frame;
    private final int frameNumber;
    private final String transferSyntaxUid;

    public DicomImage(ImageDescription description, Frame frame, int frameNumber, String transferSyntaxUid) {
        this.description = description;
        this.frame = frame;
        this.frameNumber = frameNumber;
        this.transferSyntaxUid = transferSyntaxUid;
    }

    /**
     * Reads and decodes frame {@code frameNumber} (1-based) of a Part 10 file (or a bare data set).
     *
     * @throws UnsupportedTransferSyntaxException for pixel data in a syntax without a decoder here (the UID is named)
     * @throws PixelDataException when the file has no usable pixel data, or the frame number is out of range
     * @throws IllegalArgumentException when an Image Pixel Module attribute is missing or inconsistent (named)
     */
    public static DicomImage read(Path file, int frameNumber) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
             DicomInputStream dis = new DicomInputStream(in)) {
            bulkData(dis, file);
            // Stop after Pixel Data: trailing elements (padding, signatures) are not needed to render.
            Attributes ds = dis.readDatasetUntil(Tag.PixelData + 1);
            return decode(ds, dis.transferSyntax().uid(), frameNumber);
        }
    }

    /** The description of a file's image (all frames' layout, presets, frame 1's transformations) without pixels. */
    public static ImageDescription readDescription(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
             DicomInputStream dis = new DicomInputStream(in)) {
            bulkData(dis, file);
            return ImageDescriptions.of(dis.readDatasetUntil(Tag.PixelData));
        }
    }

    /** Leaves large values in the file, except in Deflated files whose stream offsets are not file offsets. */
    private static void bulkData(DicomInputStream dis, Path file) throws IOException {
        if (!dis.transferSyntax().deflated()) {
            dis.setBulkData(file, BULK_THRESHOLD);
        }
    }

    /**
     * Decodes frame {@code frameNumber} (1-based) of a data set already read, whose Pixel Data is bytes,
     * {@link BulkData} or {@link Fragments}.
     */
    public static DicomImage decode(Attributes ds, String transferSyntaxUid, int frameNumber) throws IOException {
        ImageDescription description;
        try {
            description = ImageDescriptions.of(ds, frameNumber);
        } catch (IllegalArgumentException e) {
            throw new PixelDataException(e.getMessage(), e);
        }
        ImagePixel px = description.pixel();
        if (frameNumber < 1 || frameNumber > px.numberOfFrames()) {
            throw new PixelDataException("frame " + frameNumber + " requested, Number of Frames (0028,0008) is "
                    + px.numberOfFrames());
        }
        Object value = ds.getValue(Tag.PixelData);
        if (value == null) {
            throw new PixelDataException(ds.contains(Tag.FloatPixelData) || ds.contains(Tag.DoubleFloatPixelData)
                    ? "Float Pixel Data (7FE0,0008/0009) is not rendered; only integer Pixel Data (7FE0,0010)"
                    : "no Pixel Data (7FE0,0010) in the data set");
        }
        Frame frame;
        if (value instanceof Fragments fragments) {
            byte[] bytes = encapsulatedFrame(ds, fragments, px.numberOfFrames(), frameNumber);
            frame = PixelDataDecoder.decodeEncapsulated(px, transferSyntaxUid, bytes);
        } else {
            if (!PixelDataDecoder.isNative(transferSyntaxUid)) {
                throw new PixelDataException("Pixel Data (7FE0,0010) has a defined length in encapsulated transfer "
                        + "syntax " + transferSyntaxUid + " (PS3.5 §A.4 requires fragments)");
            }
            frame = nativeFrame(ds, value, px, frameNumber);
        }
        return new DicomImage(description, frame, frameNumber, transferSyntaxUid);
    }

    private static Frame nativeFrame(Attributes ds, Object value, ImagePixel px, int frameNumber) throws IOException {
        long frameLength = px.bytesPerFrame();
        long offset = (frameNumber - 1) * frameLength;
        if (px.bitsAllocated() == 1) {
            throw new PixelDataException("Bits Allocated 1 (bit-packed) Pixel Data is not rendered");
        }
        if (frameLength > Integer.MAX_VALUE - 8) {
            throw new PixelDataException("a frame of " + frameLength + " bytes does not fit in memory");
        }
        boolean bigEndian = value instanceof BulkData bulk ? bulk.bigEndian() : ds.bigEndian();
        // Under Explicit VR Big Endian an OW value is swapped per 16-bit word, 8-bit samples included (PS3.5 §7.3):
        // read from the word boundary before the frame and swap back.
        boolean swap = bigEndian && px.bitsAllocated() == 8 && ds.getVR(Tag.PixelData) == VR.OW;
        long start = swap ? offset & ~1L : offset;
        long length = swap ? ((offset + frameLength + 1) & ~1L) - start : frameLength;
        byte[] bytes;
        if (value instanceof BulkData bulk) {
            if (offset + frameLength > bulk.length()) {
                throw new PixelDataException("Pixel Data (7FE0,0010) of " + bulk.length() + " bytes at file offset "
                        + bulk.offset() + " ends before frame " + frameNumber + " (" + frameLength + " bytes from "
                        + offset + ")");
            }
            try (InputStream in = bulk.open()) {
                in.skipNBytes(start);
                bytes = in.readNBytes((int) Math.min(length, bulk.length() - start));
            }
        } else if (value instanceof byte[] b) {
            if (offset + frameLength > b.length) {
                throw new PixelDataException("Pixel Data (7FE0,0010) of " + b.length + " bytes ends before frame "
                        + frameNumber + " (" + frameLength + " bytes from " + offset + ")");
            }
            bytes = swap ? java.util.Arrays.copyOfRange(b, (int) start, (int) Math.min(b.length, start + length)) : b;
            if (!swap) {
                start = 0;
            }
        } else {
            throw new PixelDataException("Pixel Data (7FE0,0010) value is " + value.getClass().getSimpleName());
        }
        if (swap) {
            NativePixelData.swapWords(bytes, 0, bytes.length);
        }
        offset -= start;
        return NativePixelData.decode(px, bytes, (int) offset, bigEndian);
    }

    /** The frame's fragments concatenated, located by the Extended or Basic Offset Table or by fragment count. */
    private static byte[] encapsulatedFrame(Attributes ds, Fragments fragments, int frames, int frameNumber)
            throws IOException {
        int n = fragments.size() - 1;
        if (n < 1) {
            throw new PixelDataException("encapsulated Pixel Data (7FE0,0010) has no fragment after the Basic Offset Table");
        }
        long[] lengths = new long[n];
        for (int i = 0; i < n; i++) {
            lengths[i] = fragments.length(i + 1);
        }
        long[] offsets;
        Object eotValue = ds.getValue(Tag.ExtendedOffsetTable);
        byte[] eot = eotValue instanceof byte[] || eotValue instanceof BulkData ? bytes(eotValue) : null;
        if (eot != null && eot.length > 0) {
            offsets = EncapsulatedFrames.extendedOffsetTable(eot);
        } else {
            offsets = EncapsulatedFrames.basicOffsetTable(bytes(fragments.items().get(0)));
        }
        boolean[] soi = null;
        if (offsets.length == 0 && n != frames && frames > 1) {
            soi = new boolean[n];
            for (int i = 0; i < n; i++) {
                byte[] head = head(fragments.items().get(i + 1), 2);
                soi[i] = head.length == 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8;
            }
        }
        int[] starts = EncapsulatedFrames.frameStarts(offsets, lengths, soi, frames);
        int first = starts[frameNumber - 1];
        int end = starts[frameNumber];
        if (end - first == 1) {
            return bytes(fragments.items().get(first + 1));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = first; i < end; i++) {
            out.writeBytes(bytes(fragments.items().get(i + 1)));
        }
        return out.toByteArray();
    }

    private static byte[] bytes(Object item) throws IOException {
        return item instanceof byte[] b ? b : ((BulkData) item).readAllBytes();
    }

    private static byte[] head(Object item, int n) throws IOException {
        if (item instanceof byte[] b) {
            return java.util.Arrays.copyOf(b, Math.min(n, b.length));
        }
        try (InputStream in = ((BulkData) item).open()) {
            return in.readNBytes(n);
        }
    }

    public ImageDescription description() {
        return description;
    }

    /** The decoded stored values. */
    public Frame frame() {
        return frame;
    }

    /** 1-based. */
    public int frameNumber() {
        return frameNumber;
    }

    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }

    /** The frame as an 8-bit image: greyscale through Modality LUT, the chosen VOI and MONOCHROME1 inversion; colour kept. */
    public BufferedImage render(VoiSelection voi) throws PixelDataException {
        return Rendering.render(description, frame, voi);
    }

    /** Renders and writes PNG. */
    public void writePng(OutputStream out, VoiSelection voi) throws IOException {
        ImageOutput.writePng(render(voi), out);
    }

    /** Renders and writes JPEG, {@code quality} 0..1. */
    public void writeJpeg(OutputStream out, VoiSelection voi, float quality) throws IOException {
        ImageOutput.writeJpeg(render(voi), out, quality);
    }
}
