package io.tessera.dicom.io;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.BulkData;
import io.tessera.dicom.data.ElementDictionary;
import io.tessera.dicom.data.Fragments;
import io.tessera.dicom.data.Sequence;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads DICOM data sets as a stream: Part 10 files (PS3.10 §7.1: preamble, "DICM", File Meta Information in
 * Explicit VR Little Endian, then the data set in the transfer syntax it names), files without a meta header
 * (encoding guessed from the first element), and raw data sets in a given transfer syntax (DIMSE command and
 * data sets, PS3.7 §6.3 / PS3.8 §9.3.5).
 *
 * <p>Streaming: {@link #readDatasetUntil(int)} stops before an element, e.g. Pixel Data, leaving this stream at
 * that element's header so the rest can be copied on as bytes; {@link #setBulkData} leaves large values in the
 * file as {@link BulkData} references, so objects of any size parse in bounded heap.
 *
 * <p>Tolerant where real files are sloppy: odd value lengths, missing meta header, Explicit VR declared but
 * Implicit VR written, unknown VR codes (read as UN), undefined-length elements in Implicit VR or with VR UN
 * (parsed as sequences of Implicit VR Little Endian items, PS3.5 §6.2.2 and CP-246). Strict where a stream is
 * unusable: a {@link DicomStreamException} names the tag and byte offset. Values are read in growing chunks, so a
 * bogus length of 4 GB fails at the end of the stream, not with an OutOfMemoryError.
 */
public class DicomInputStream extends FilterInputStream {

    private static final int UNDEFINED = -1; // 0xFFFFFFFF as a 32-bit length (PS3.5 §7.1.1)
    private static final int MAX_DEPTH = 64;
    private static final int CHUNK = 1 << 20;
    private static final byte[] EMPTY = new byte[0];
    private static final ElementDictionary DICT = ElementDictionary.standard();

    private InputStream src;
    private byte[] buf;
    private int bp;
    private int bl;
    private long bufStart;

    private TransferSyntax ts;
    private boolean explicit;
    private boolean big;
    private Attributes fmi;
    private Attributes dataset;
    private boolean datasetDone;

    private Inflater inflater;
    private int currentTag = -1;
    private Path bulkFile;
    private long bulkFileSize = -1;
    private int bulkThreshold = Integer.MAX_VALUE;

    /** A Part 10 file, or a bare data set whose encoding is guessed from its first element. */
    public DicomInputStream(InputStream in) throws IOException {
        super(in);
        this.src = in;
        this.buf = new byte[8192];
        detect();
    }

    /** A raw data set in a known transfer syntax (no preamble, no meta header), e.g. from P-DATA-TF. */
    public DicomInputStream(InputStream in, TransferSyntax ts) throws IOException {
        this(in, ts, 8192);
    }

    /**
     * A raw data set in a known transfer syntax read through a buffer of {@code bufferSize} bytes to begin with (it
     * grows for a longer element header or value): a small one for a small message, e.g. a DIMSE command set or a
     * C-FIND response, of which an SCU reads thousands per query (8 KB each was most of the memory it allocated).
     */
    public DicomInputStream(InputStream in, TransferSyntax ts, int bufferSize) throws IOException {
        super(in);
        this.src = in;
        this.buf = new byte[Math.max(64, bufferSize)];
        setTransferSyntax(ts);
    }

    // ---- configuration and state ----

    /** The transfer syntax of the data set (from the meta header, given, or guessed). */
    public TransferSyntax transferSyntax() {
        return ts;
    }

    /**
     * Values of at least {@code thresholdBytes} become {@link BulkData} references into {@code sourceFile} (which
     * must be the file this stream reads, from its first byte) instead of being read. Ignored for Deflated syntaxes,
     * whose offsets are not file offsets.
     */
    public void setBulkData(Path sourceFile, int thresholdBytes) {
        this.bulkFile = sourceFile;
        this.bulkFileSize = -1; // looked up at the first bulk value
        this.bulkThreshold = sourceFile == null ? Integer.MAX_VALUE : Math.max(0, thresholdBytes);
    }

    /** Bytes consumed from the start of the stream (inflated bytes after the meta header of a Deflated file). */
    public long position() {
        return bufStart + bp;
    }

    private void setTransferSyntax(TransferSyntax ts) throws IOException {
        this.ts = ts;
        this.explicit = ts.explicitVR();
        this.big = ts.bigEndian();
        if (ts.deflated()) {
            // PS3.5 §A.5: everything after the meta header is one raw deflate stream (no zlib wrapper).
            long pos = position();
            InputStream rest = bl > bp
                    ? new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOfRange(buf, bp, bl)), src)
                    : src;
            // Some writers wrap the deflate stream in a zlib header (RFC 1950) against the standard; accept both.
            java.io.PushbackInputStream peek = new java.io.PushbackInputStream(rest, 2);
            int b0 = peek.read();
            int b1 = b0 < 0 ? -1 : peek.read();
            if (b1 >= 0) {
                peek.unread(b1);
            }
            if (b0 >= 0) {
                peek.unread(b0);
            }
            boolean zlib = b1 >= 0 && (b0 & 0x0F) == 8 && (b0 >> 4) <= 7 && ((b0 << 8) | b1) % 31 == 0;
            inflater = new Inflater(!zlib);
            src = new InflaterInputStream(peek, inflater, 8192);
            bufStart = pos;
            bp = 0;
            bl = 0;
            bulkThreshold = Integer.MAX_VALUE;
        }
    }

    // ---- buffer ----

    /** Makes n bytes available at buf[bp..]; false when the stream ends first (the partial bytes stay). */
    private boolean ensure(int n) throws IOException {
        if (bl - bp >= n) {
            return true;
        }
        if (bp > 0) {
            System.arraycopy(buf, bp, buf, 0, bl - bp);
            bufStart += bp;
            bl -= bp;
            bp = 0;
        }
        if (n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
        }
        while (bl < n) {
            int r = fill(buf, bl, buf.length - bl);
            if (r < 0) {
                return false;
            }
            bl += r;
        }
        return true;
    }

    /**
     * Reads from the source for the parser. A corrupt or truncated deflate stream (ZipException, EOFException from
     * the Inflater) becomes a DicomStreamException naming the element being read and the inflated offset.
     */
    private int fill(byte[] b, int off, int len) throws IOException {
        try {
            return src.read(b, off, len);
        } catch (java.util.zip.ZipException | EOFException e) {
            if (inflater == null) {
                throw e;
            }
            throw new DicomStreamException("Deflated data set unreadable: " + e.getMessage(), currentTag, position(), e);
        }
    }

    private int u16(int o) {
        return big ? ((buf[o] & 0xFF) << 8) | (buf[o + 1] & 0xFF) : (buf[o] & 0xFF) | ((buf[o + 1] & 0xFF) << 8);
    }

    private int i32(int o) {
        return big
                ? ((buf[o] & 0xFF) << 24) | ((buf[o + 1] & 0xFF) << 16) | ((buf[o + 2] & 0xFF) << 8) | (buf[o + 3] & 0xFF)
                : (buf[o] & 0xFF) | ((buf[o + 1] & 0xFF) << 8) | ((buf[o + 2] & 0xFF) << 16) | ((buf[o + 3] & 0xFF) << 24);
    }

    private int tagAt(int o) {
        return (u16(o) << 16) | u16(o + 2);
    }

    // ---- InputStream: the bytes after what has been parsed ----

    @Override
    public int read() throws IOException {
        if (bp < bl) {
            return buf[bp++] & 0xFF;
        }
        int b = src.read();
        if (b >= 0) {
            bufStart++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (bp < bl) {
            int n = Math.min(len, bl - bp);
            System.arraycopy(buf, bp, b, off, n);
            bp += n;
            return n;
        }
        int r = src.read(b, off, len);
        if (r > 0) {
            bufStart += r;
        }
        return r;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        if (bp < bl) {
            int k = (int) Math.min(n, bl - bp);
            bp += k;
            return k;
        }
        long s = src.skip(n);
        bufStart += s;
        return s;
    }

    @Override
    public int available() throws IOException {
        return (bl - bp) + src.available();
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        try {
            src.close();
            if (src != in) {
                in.close();
            }
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    // ---- file meta information (PS3.10 §7.1) ----

    private void detect() throws IOException {
        ensure(132);
        int n = bl - bp;
        boolean preamble = n >= 132 && buf[128] == 'D' && buf[129] == 'I' && buf[130] == 'C' && buf[131] == 'M';
        if (preamble) {
            bp += 132;
        } else if (n >= 4 && buf[0] == 'D' && buf[1] == 'I' && buf[2] == 'C' && buf[3] == 'M') {
            bp += 4; // a meta header without preamble (seen in the wild)
        }
        // File Meta Information follows, in Explicit VR Little Endian, if the next group is 0002.
        if (ensure(6) && buf[bp] == 2 && buf[bp + 1] == 0 && isVRCode(bp + 4)) {
            big = false;
            explicit = true;
            fmi = new Attributes(false, 8);
            while (ensure(6) && buf[bp] == 2 && buf[bp + 1] == 0) {
                readElement(fmi, -1, true, false, 0);
            }
            String uid = fmi.getString(Tag.TransferSyntaxUID);
            if (uid != null) {
                TransferSyntax declared = TransferSyntax.of(uid);
                if (!declared.deflated() && declared.explicitVR() && ensure(6) && !isVRCode(bp + 4)) {
                    // Declared explicit, written implicit: a known writer bug; read what is there.
                    setTransferSyntax(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
                } else {
                    setTransferSyntax(declared);
                }
                return;
            }
        } else if (preamble) {
            throw new DicomStreamException("Part 10 file without File Meta Information", 0, position());
        }
        setTransferSyntax(guess());
    }

    /** PS3.5 §7.1.2: two upper-case letters. */
    private boolean isVRCode(int o) {
        return bl - o >= 2 && buf[o] >= 'A' && buf[o] <= 'Z' && buf[o + 1] >= 'A' && buf[o + 1] <= 'Z';
    }

    /** The encoding of a data set without meta header, from its first element header. */
    private TransferSyntax guess() throws IOException {
        if (!ensure(8)) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        int le = (buf[bp] & 0xFF) | ((buf[bp + 1] & 0xFF) << 8);
        int be = ((buf[bp] & 0xFF) << 8) | (buf[bp + 1] & 0xFF);
        boolean ex = isVRCode(bp + 4) && VR.ofCode(((buf[bp + 4] & 0xFF) << 8) | (buf[bp + 5] & 0xFF)) != null;
        if (!ex) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        return be < le ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    }

    /** The File Meta Information, or null when the stream has none. */
    public Attributes readFileMetaInformation() {
        return fmi;
    }

    // ---- data set ----

    /** Reads the (rest of the) data set to the end of the stream. */
    public Attributes readDataset() throws IOException {
        return readDatasetUntil(-1);
    }

    /**
     * Reads top-level elements up to, not including, the first with tag ≥ {@code stopTag} (unsigned; -1 reads to the
     * end). The stream is then positioned at that element's header. A further call continues into the same data set.
     */
    public Attributes readDatasetUntil(int stopTag) throws IOException {
        if (dataset == null) {
            dataset = new Attributes(big, 64);
        }
        if (datasetDone) {
            return dataset;
        }
        while (true) {
            if (!ensure(8)) {
                if (bl - bp > 0) {
                    throw new DicomStreamException("Stream ends inside an element header (" + (bl - bp) + " of 8 bytes)",
                            bl - bp >= 4 ? tagAt(bp) : -1, position());
                }
                datasetDone = true;
                return dataset;
            }
            int tag = tagAt(bp);
            if (stopTag != -1 && Integer.compareUnsigned(tag, stopTag) >= 0) {
                return dataset;
            }
            readElement(dataset, -1, explicit, big, 0);
        }
    }

    /**
     * Reads one element header and value into {@code target}. {@code end} is the end position of the enclosing
     * defined-length item, or -1. Returns false for an Item Delimitation Item (end of an undefined-length item).
     */
    private boolean readElement(Attributes target, long end, boolean explicit, boolean big, int depth)
            throws IOException {
        boolean savedBig = this.big;
        this.big = big;
        try {
            return readElement0(target, end, explicit, depth);
        } finally {
            this.big = savedBig;
        }
    }

    private boolean readElement0(Attributes target, long end, boolean explicit, int depth) throws IOException {
        long start = position();
        if (!ensure(8)) {
            throw truncated(bl - bp >= 4 ? tagAt(bp) : -1, start);
        }
        int tag = tagAt(bp);
        currentTag = tag;
        if ((tag >>> 16) == 0xFFFE) {
            int len = i32(bp + 4);
            bp += 8;
            if (tag == Tag.ItemDelimitationItem) {
                return false;
            }
            throw new DicomStreamException(tag == Tag.Item ? "Item outside a sequence"
                    : tag == Tag.SequenceDelimitationItem ? "Sequence Delimitation Item outside a sequence"
                    : "Unexpected delimiter tag with length " + Integer.toUnsignedString(len), tag, start);
        }
        VR vr;
        int len;
        if (explicit) {
            int code = ((buf[bp + 4] & 0xFF) << 8) | (buf[bp + 5] & 0xFF);
            vr = VR.ofCode(code);
            if (vr == null) {
                // PS3.5 §6.2: an unknown VR is read as UN; VRs added since 2007 all have the long header form.
                vr = VR.UN;
                if (!ensure(12)) {
                    throw truncated(tag, start);
                }
                len = i32(bp + 8);
                bp += 12;
            } else if (vr.hasLongHeader()) {
                if (!ensure(12)) {
                    throw truncated(tag, start);
                }
                len = i32(bp + 8);
                bp += 12;
            } else {
                len = u16(bp + 6);
                bp += 8;
            }
        } else {
            vr = implicitVR(tag, target);
            len = i32(bp + 4);
            bp += 8;
        }
        if (len == UNDEFINED) {
            if (tag == Tag.PixelData || (vr == VR.OB || vr == VR.OW) && explicit) {
                target.setValue(tag, vr, readFragments(tag, vr, end, depth));
            } else if (vr == VR.SQ) {
                Sequence seq = target.newSequence(tag, 2);
                seq.setUndefinedLength(true);
                readItems(seq, tag, -1, explicit, this.big, end, depth);
            } else if (vr == VR.UN || !explicit) {
                // PS3.5 §6.2.2 / CP-246: undefined length UN (or an implicit VR element unknown to the dictionary)
                // is a sequence encoded in Implicit VR Little Endian.
                Sequence seq = new Sequence(target, 2);
                seq.setUndefinedLength(true);
                target.setValue(tag, explicit ? VR.UN : VR.SQ, seq);
                readItems(seq, tag, -1, false, false, end, depth);
            } else {
                throw new DicomStreamException("Undefined length for VR " + vr, tag, start);
            }
            return true;
        }
        long length = len & 0xFFFFFFFFL;
        checkWithin(tag, length, end, start);
        if (vr == VR.SQ) {
            Sequence seq = target.newSequence(tag, 2);
            readItems(seq, tag, position() + length, explicit, this.big, end, depth);
            return true;
        }
        target.setValue(tag, vr, readValue(tag, length, start));
        return true;
    }

    private VR implicitVR(int tag, Attributes target) {
        if ((tag & 0xFFFF) == 0) {
            return VR.UL; // group length, PS3.5 §7.2
        }
        VR vr = DICT.vrOf(tag);
        if (vr == VR.US && DICT.hasMultipleVRs(tag) && !isLutDescriptor(tag) && signedPixels(target)) {
            // "US or SS" follows Pixel Representation (PS3.5 Annex A.1, PS3.3 C.7.6.3.1.4), as dcmtk resolves it.
            return VR.SS;
        }
        return vr;
    }

    /** LUT Descriptors are "US or SS" but their first and third values are always unsigned (PS3.3 C.11.1.1.1). */
    private static boolean isLutDescriptor(int tag) {
        return tag == Tag.LUTDescriptor || tag == Tag.RedPaletteColorLookupTableDescriptor
                || tag == Tag.GreenPaletteColorLookupTableDescriptor || tag == Tag.BluePaletteColorLookupTableDescriptor
                || (tag & 0xFFFF0000) == 0x00280000 && (tag & 0xFFFF) >= 0x1101 && (tag & 0xFFFF) <= 0x1104;
    }

    private static boolean signedPixels(Attributes ds) {
        for (Attributes a = ds; a != null; a = a.parent()) {
            byte[] b = a.getBytes(Tag.PixelRepresentation);
            if (b != null) {
                return a.getVR(Tag.PixelRepresentation) == VR.US && b.length >= 2 && a.getInt(Tag.PixelRepresentation, 0) == 1;
            }
        }
        return false;
    }

    private void checkWithin(int tag, long length, long end, long start) throws DicomStreamException {
        if (end >= 0 && position() + length > end) {
            throw new DicomStreamException("Value length " + length + " runs past the end of its item at offset " + end,
                    tag, start);
        }
    }

    private DicomStreamException truncated(int tag, long offset) {
        return new DicomStreamException("Stream ends inside an element header", tag, offset);
    }

    private void readItems(Sequence seq, int seqTag, long seqEnd, boolean explicit, boolean big, long outerEnd,
                           int depth) throws IOException {
        if (depth >= MAX_DEPTH) {
            throw new DicomStreamException("Sequences nested deeper than " + MAX_DEPTH, seqTag, position());
        }
        boolean savedBig = this.big;
        this.big = big;
        try {
            while (seqEnd < 0 || position() < seqEnd) {
                long start = position();
                if (!ensure(8)) {
                    throw new DicomStreamException("Stream ends inside sequence", seqTag, start);
                }
                int tag = tagAt(bp);
                int len = i32(bp + 4);
                bp += 8;
                if (tag == Tag.SequenceDelimitationItem) {
                    if (seqEnd >= 0) {
                        throw new DicomStreamException("Sequence Delimitation Item in a sequence of defined length",
                                seqTag, start);
                    }
                    return;
                }
                if (tag != Tag.Item) {
                    throw new DicomStreamException("Expected an Item of sequence " + Tag.toString(seqTag) + ", found "
                            + Tag.toString(tag), tag, start);
                }
                Attributes item = new Attributes(big, 8);
                item.setItemPosition(start);
                seq.add(item);
                long itemEnd;
                if (len == UNDEFINED) {
                    item.setUndefinedLength(true);
                    itemEnd = -1;
                } else {
                    long l = len & 0xFFFFFFFFL;
                    itemEnd = position() + l;
                    long limit = seqEnd >= 0 ? seqEnd : outerEnd;
                    if (limit >= 0 && itemEnd > limit) {
                        throw new DicomStreamException("Item length " + l + " runs past the end of sequence "
                                + Tag.toString(seqTag), Tag.Item, start);
                    }
                }
                readItem(item, itemEnd, explicit, big, depth + 1);
            }
            if (position() > seqEnd) {
                throw new DicomStreamException("Items run past the end of the sequence", seqTag, position());
            }
        } finally {
            this.big = savedBig;
        }
    }

    private void readItem(Attributes item, long end, boolean explicit, boolean big, int depth) throws IOException {
        if (end < 0) {
            while (readElement(item, -1, explicit, big, depth)) {
                // until the Item Delimitation Item
            }
            return;
        }
        while (position() < end) {
            long start = position();
            if (!readElement(item, end, explicit, big, depth)) {
                throw new DicomStreamException("Item Delimitation Item in an item of defined length",
                        Tag.ItemDelimitationItem, start);
            }
        }
        if (position() > end) {
            throw new DicomStreamException("Elements run past the end of their item", Tag.Item, end);
        }
    }

    private Fragments readFragments(int tag, VR vr, long outerEnd, int depth) throws IOException {
        Fragments frags = new Fragments(vr, big, 4);
        while (true) {
            long start = position();
            if (!ensure(8)) {
                throw new DicomStreamException("Stream ends inside encapsulated pixel data", tag, start);
            }
            int itemTag = tagAt(bp);
            int len = i32(bp + 4);
            bp += 8;
            if (itemTag == Tag.SequenceDelimitationItem) {
                return frags;
            }
            if (itemTag != Tag.Item) {
                throw new DicomStreamException("Expected a fragment Item in " + Tag.toString(tag) + ", found "
                        + Tag.toString(itemTag), itemTag, start);
            }
            if (len == UNDEFINED) {
                throw new DicomStreamException("Fragment of undefined length", tag, start);
            }
            long l = len & 0xFFFFFFFFL;
            checkWithin(tag, l, outerEnd, start);
            frags.add(readValue(tag, l, start));
        }
    }

    /** A value: bytes, or a BulkData reference when configured and large enough (skipping the bytes). */
    private Object readValue(int tag, long length, long start) throws IOException {
        if (length >= bulkThreshold && bulkFile != null && !ts.deflated()) {
            long offset = position();
            if (bulkFileSize < 0) {
                bulkFileSize = Files.size(bulkFile);
            }
            if (offset + length > bulkFileSize) {
                throw new DicomStreamException("Value length " + length + " runs past the end of the file ("
                        + bulkFileSize + " bytes)", tag, start);
            }
            skipFully(tag, length, start);
            return new BulkData(bulkFile, offset, length, big);
        }
        if (length > Integer.MAX_VALUE - 16) {
            throw new DicomStreamException("Value length " + length + " exceeds what fits in memory; read it as bulk data",
                    tag, start);
        }
        int n = (int) length;
        if (n == 0) {
            return EMPTY;
        }
        if (n <= bl - bp) {
            byte[] b = Arrays.copyOfRange(buf, bp, bp + n);
            bp += n;
            return b;
        }
        // Grow with what really arrives, so a bogus length fails at the end of the stream.
        byte[] b = new byte[Math.min(n, CHUNK)];
        int filled = bl - bp;
        System.arraycopy(buf, bp, b, 0, filled);
        bp = bl;
        while (filled < n) {
            if (filled == b.length) {
                b = Arrays.copyOf(b, (int) Math.min(n, 2L * b.length));
            }
            int r = fill(b, filled, b.length - filled);
            if (r < 0) {
                throw new DicomStreamException("Stream ends after " + filled + " of " + n + " value bytes", tag, start);
            }
            filled += r;
            bufStart += r;
        }
        return b;
    }

    private void skipFully(int tag, long length, long start) throws IOException {
        long left = length;
        int k = (int) Math.min(left, bl - bp);
        bp += k;
        left -= k;
        while (left > 0) {
            long s = src.skip(left);
            if (s <= 0) {
                if (src.read() < 0) {
                    throw new DicomStreamException("Stream ends inside a value of length " + length, tag, start);
                }
                s = 1;
            }
            left -= s;
            bufStart += s;
        }
    }

    @Override
    public String toString() {
        return "DicomInputStream[" + (ts == null ? "?" : ts.uid()) + " at " + position() + "]";
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
