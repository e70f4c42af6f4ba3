package io.tessera.dicom.io;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.BulkData;
import io.tessera.dicom.data.ElementDictionary;
import io.tessera.dicom.data.Fragments;
import io.tessera.dicom.data.Sequence;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes DICOM data sets: Part 10 files (preamble, "DICM", File Meta Information with its group length computed,
 * PS3.10 §7.1), raw data sets in a transfer syntax, and DIMSE command sets (PS3.7 §6.3.1).
 *
 * <p>Values are written as stored; binary values are byte-swapped when the data set's byte order differs from
 * the transfer syntax's (PS3.5 §7.3), odd-length values are padded with the VR's padding byte (PS3.5 §6.2).
 * Sequences and items keep the defined or undefined length they were read with; defined lengths and any group
 * length elements (gggg,0000) present are recomputed for the target encoding, so an unchanged data set written in
 * its own transfer syntax comes out byte-identical.
 */
public class DicomOutputStream extends FilterOutputStream {

    private static final byte[] PREAMBLE = new byte[128];
    private static final ElementDictionary DICT = ElementDictionary.standard();

    private final OutputStream sink;
    private final byte[] buf;
    /**
     * Content lengths of defined-length items, computed once per write so nested sequences cost linear time; made
     * at the first sequence (most data sets a network peer exchanges, a C-FIND identifier, have none).
     */
    private java.util.IdentityHashMap<Attributes, Long> itemLengths;
    private boolean itemLengthsExplicit;
    private byte[] copyBuffer;
    private int bp;
    private long written;
    private TransferSyntax ts;
    private boolean explicit;
    private boolean big;
    private boolean fmiWritten;

    /** A Part 10 file: call {@link #writeFileMetaInformation} then {@link #writeDataset(Attributes, TransferSyntax)}. */
    public DicomOutputStream(OutputStream out) {
        super(out);
        this.sink = out;
        this.buf = new byte[8192];
    }

    /** A raw data set in {@code ts}, no preamble or meta header. */
    public DicomOutputStream(OutputStream out, TransferSyntax ts) {
        this(out, ts, 8192);
    }

    /**
     * A raw data set in {@code ts} with a buffer of {@code bufferSize} bytes (at least 64): a small one where the
     * stream underneath buffers already, e.g. a P-DATA PDU (a C-FIND with thousands of matches writes two messages per
     * match, and 8 KB each was most of the memory it allocated).
     */
    public DicomOutputStream(OutputStream out, TransferSyntax ts, int bufferSize) {
        super(out);
        this.sink = out;
        this.ts = ts;
        this.buf = new byte[Math.max(64, bufferSize)];
    }

    /** Bytes written so far (uncompressed for a Deflated data set). */
    public long position() {
        return written + bp;
    }

    public TransferSyntax transferSyntax() {
        return ts;
    }

    // ---- Part 10 ----

    /**
     * Writes the 128-byte preamble, "DICM" and the group 0002 elements of {@code fmi} in Explicit VR Little Endian
     * with File Meta Information Group Length (0002,0000) computed (PS3.10 §7.1). The transfer syntax (0002,0010)
     * becomes the one {@link #writeDataset(Attributes)} uses.
     */
    public void writeFileMetaInformation(Attributes fmi) throws IOException {
        if (fmiWritten || position() != 0) {
            throw new IllegalStateException("File Meta Information must be written first, and once");
        }
        String uid = fmi.getString(Tag.TransferSyntaxUID);
        if (uid == null) {
            throw new DicomStreamException("File Meta Information lacks a Transfer Syntax UID", Tag.TransferSyntaxUID, 0);
        }
        write(PREAMBLE, 0, 128);
        write(new byte[] {'D', 'I', 'C', 'M'}, 0, 4);
        explicit = true;
        big = false;
        long groupLength = 0;
        for (int i = 0; i < fmi.size(); i++) {
            int tag = fmi.tagAt(i);
            if ((tag >>> 16) == 0x0002 && tag != Tag.FileMetaInformationGroupLength) {
                groupLength += elementLength(tag, fmi.vrAt(i), fmi.valueAt(i), fmi, true);
            }
        }
        writeHeader(Tag.FileMetaInformationGroupLength, VR.UL, 4);
        writeInt32((int) groupLength);
        for (int i = 0; i < fmi.size(); i++) {
            int tag = fmi.tagAt(i);
            if ((tag >>> 16) == 0x0002 && tag != Tag.FileMetaInformationGroupLength) {
                writeElement(fmi, tag, fmi.vrAt(i), fmi.valueAt(i), 0);
            }
        }
        ts = TransferSyntax.of(uid);
        fmiWritten = true;
    }

    /** Writes a data set in {@code ts} (after the meta header, if any). */
    public void writeDataset(Attributes ds, TransferSyntax ts) throws IOException {
        this.ts = ts;
        writeDataset(ds);
    }

    /** Writes a data set in the current transfer syntax; group 0002 elements are left out (they belong to the meta header). */
    public void writeDataset(Attributes ds) throws IOException {
        if (ts == null) {
            throw new IllegalStateException("No transfer syntax: write the File Meta Information or give one");
        }
        explicit = ts.explicitVR();
        big = ts.bigEndian();
        if (itemLengths != null) {
            itemLengths.clear();
        }
        if (ts.deflated()) {
            flushBuffer();
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            DeflaterOutputStream dos = new DeflaterOutputStream(sink, deflater, 8192);
            OutputStream saved = out;
            out = dos;
            try {
                writeItemContent(ds, 0, true);
                flushBuffer();
                dos.finish();
            } finally {
                deflater.end();
                out = saved;
            }
            // PS3.5 §A.5: the deflated stream is padded to even length by the writer of the file; dcmtk does not, neither do we.
        } else {
            writeItemContent(ds, 0, true);
        }
        if (itemLengths != null) {
            itemLengths.clear();
        }
        flushBuffer();
    }

    /**
     * Writes a DIMSE command set in Implicit VR Little Endian with Command Group Length (0000,0000) computed over
     * the group 0000 elements that follow it (PS3.7 §6.3.1, §E.1).
     */
    public void writeCommand(Attributes cmd) throws IOException {
        boolean savedExplicit = explicit;
        boolean savedBig = big;
        explicit = false;
        big = false;
        try {
            long groupLength = 0;
            for (int i = 0; i < cmd.size(); i++) {
                int tag = cmd.tagAt(i);
                if ((tag >>> 16) == 0 && tag != 0) {
                    groupLength += elementLength(tag, cmd.vrAt(i), cmd.valueAt(i), cmd, false);
                }
            }
            writeHeader(0x00000000, VR.UL, 4);
            writeInt32((int) groupLength);
            for (int i = 0; i < cmd.size(); i++) {
                int tag = cmd.tagAt(i);
                if ((tag >>> 16) == 0 && tag != 0) {
                    writeElement(cmd, tag, cmd.vrAt(i), cmd.valueAt(i), 0);
                }
            }
            flushBuffer();
        } finally {
            explicit = savedExplicit;
            big = savedBig;
        }
    }

    // ---- encoding ----

    private void writeItemContent(Attributes ds, int depth, boolean topLevel) throws IOException {
        int n = ds.size();
        for (int i = 0; i < n; i++) {
            int tag = ds.tagAt(i);
            if (topLevel && (tag >>> 16) == 0x0002) {
                continue;
            }
            VR vr = ds.vrAt(i);
            Object value = ds.valueAt(i);
            if ((tag & 0xFFFF) == 0 && vr == VR.UL && (tag >>> 16) != 0x0002) {
                // Group length (PS3.5 §7.2): recomputed for this encoding.
                writeHeader(tag, VR.UL, 4);
                writeInt32((int) groupLength(ds, i));
                continue;
            }
            writeElement(ds, tag, vr, value, depth);
        }
    }

    private long groupLength(Attributes ds, int groupLengthIndex) {
        int group = ds.tagAt(groupLengthIndex) >>> 16;
        long sum = 0;
        for (int k = groupLengthIndex + 1; k < ds.size() && (ds.tagAt(k) >>> 16) == group; k++) {
            sum += elementLength(ds.tagAt(k), ds.vrAt(k), ds.valueAt(k), ds, explicit);
        }
        return sum;
    }

    private void writeElement(Attributes ds, int tag, VR vr, Object value, int depth) throws IOException {
        if (value instanceof byte[] b) {
            int len = b.length;
            int padded = len + (len & 1);
            writeHeader(tag, headerVR(vr, padded), padded);
            byte[] v = ds.bigEndian() != big ? Attributes.swap(b, vr) : b;
            write(v, 0, len);
            if (len != padded) {
                writeByte(vr.paddingByte());
            }
        } else if (value instanceof Sequence seq) {
            writeSequence(ds, tag, vr, seq, depth);
        } else if (value instanceof Fragments frags) {
            writeFragments(tag, frags);
        } else if (value instanceof BulkData bd) {
            long padded = bd.length() + (bd.length() & 1);
            if (padded > 0xFFFFFFFEL) {
                throw new DicomStreamException("Bulk data of " + bd.length() + " bytes exceeds a 32-bit length", tag,
                        position());
            }
            writeHeader(tag, headerVR(vr, padded), padded);
            copyBulk(bd, vr, tag);
            if ((bd.length() & 1) != 0) {
                writeByte(vr.paddingByte());
            }
        } else {
            throw new DicomStreamException("Cannot encode a value of " + value, tag, position());
        }
    }

    /** A short-header VR cannot hold a value over 65534 bytes; PS3.5 §6.2.2 writes such values as UN. */
    private VR headerVR(VR vr, long length) {
        return explicit && !vr.hasLongHeader() && length > 0xFFFF ? VR.UN : vr;
    }

    private void writeSequence(Attributes ds, int tag, VR vr, Sequence seq, int depth) throws IOException {
        // A UN sequence (CP-246) keeps its items in Implicit VR Little Endian.
        boolean cp246 = vr == VR.UN && explicit;
        boolean savedExplicit = explicit;
        boolean savedBig = big;
        // In Implicit VR a reader knows a sequence only from the dictionary, or from an undefined length
        // (PS3.5 §6.2.2, CP-246): a sequence the dictionary does not know (private) keeps undefined length.
        // A UN sequence is only recognisable by its undefined length, so it always has one.
        boolean undefined = seq.undefinedLength() || cp246 || !explicit && DICT.vrOf(tag) != VR.SQ;
        long length = undefined ? -1 : itemsLength(seq, cp246 ? false : explicit, cp246 ? false : big);
        writeHeader(tag, vr == VR.UN && !explicit ? VR.SQ : vr, length);
        if (cp246) {
            explicit = false;
            big = false;
        }
        try {
            for (Attributes item : seq) {
                boolean itemUndefined = item.undefinedLength();
                item.setItemPosition(position()); // DICOMDIR writers patch record offsets from these
                writeTagLength(Tag.Item, itemUndefined ? -1 : itemContentLength(item, explicit));
                writeItemContent(item, depth + 1, false);
                if (itemUndefined) {
                    writeTagLength(Tag.ItemDelimitationItem, 0);
                }
            }
            if (undefined) {
                // Inside the value: Implicit VR Little Endian too for a UN sequence (CP-246), even in a big endian file.
                writeTagLength(Tag.SequenceDelimitationItem, 0);
            }
        } finally {
            explicit = savedExplicit;
            big = savedBig;
        }
    }

    private void writeFragments(int tag, Fragments frags) throws IOException {
        writeHeader(tag, frags.vr(), -1);
        for (Object item : frags.items()) {
            if (item instanceof byte[] b) {
                int padded = b.length + (b.length & 1);
                writeTagLength(Tag.Item, padded);
                write(b, 0, b.length);
                if (padded != b.length) {
                    writeByte(0);
                }
            } else {
                BulkData bd = (BulkData) item;
                long padded = bd.length() + (bd.length() & 1);
                writeTagLength(Tag.Item, padded);
                copyBulk(bd, VR.OB, tag);
                if (padded != bd.length()) {
                    writeByte(0);
                }
            }
        }
        writeTagLength(Tag.SequenceDelimitationItem, 0);
    }

    private void copyBulk(BulkData bd, VR vr, int tag) throws IOException {
        boolean swap = bd.bigEndian() != big && vr.swapsBytes();
        int w = vr == VR.AT ? 2 : Math.max(1, vr.bytesPerValue());
        if (copyBuffer == null) {
            copyBuffer = new byte[65536];
        }
        byte[] chunk = copyBuffer;
        long left = bd.length();
        try (InputStream in = bd.open()) {
            while (left > 0) {
                int want = (int) Math.min(chunk.length, left);
                int got = 0;
                while (got < want) {
                    int r = in.read(chunk, got, want - got);
                    if (r < 0) {
                        throw new DicomStreamException("Bulk data file " + bd.file() + " ends early", tag, position());
                    }
                    got += r;
                }
                if (swap) {
                    byte[] s = Attributes.swap(java.util.Arrays.copyOf(chunk, got), vr);
                    System.arraycopy(s, 0, chunk, 0, got);
                }
                write(chunk, 0, got);
                left -= got;
            }
        }
        if (swap && bd.length() % w != 0) {
            throw new DicomStreamException("Bulk data length " + bd.length() + " is not a multiple of " + w, tag, position());
        }
    }

    // ---- lengths (for defined-length items and sequences, and group lengths) ----

    private long elementLength(int tag, VR vr, Object value, Attributes ds, boolean explicit) {
        long valueLength;
        boolean undefined = false;
        if (value instanceof byte[] b) {
            valueLength = b.length + (b.length & 1);
        } else if (value instanceof BulkData bd) {
            valueLength = bd.length() + (bd.length() & 1);
        } else if (value instanceof Sequence seq) {
            boolean cp246 = vr == VR.UN && explicit;
            long items = itemsLength(seq, cp246 ? false : explicit, false);
            boolean undefinedSeq = seq.undefinedLength() || cp246 || !explicit && DICT.vrOf(tag) != VR.SQ;
            valueLength = undefinedSeq ? items + 8 : items;
            undefined = true; // header uses the long form in explicit VR anyway
        } else if (value instanceof Fragments f) {
            long sum = 8; // sequence delimiter
            for (int k = 0; k < f.size(); k++) {
                long l = f.length(k);
                sum += 8 + l + (l & 1);
            }
            valueLength = sum;
            undefined = true;
        } else {
            valueLength = 0;
        }
        long header;
        if (!explicit) {
            header = 8;
        } else if (undefined || vr.hasLongHeader() || valueLength > 0xFFFF) {
            header = 12;
        } else {
            header = 8;
        }
        return header + valueLength;
    }

    private long itemsLength(Sequence seq, boolean explicit, boolean big) {
        long sum = 0;
        for (Attributes item : seq) {
            sum += 8 + itemContentLength(item, explicit) + (item.undefinedLength() ? 8 : 0);
        }
        return sum;
    }

    private long itemContentLength(Attributes item, boolean explicit) {
        if (itemLengths == null) {
            itemLengths = new java.util.IdentityHashMap<>();
        }
        if (explicit != itemLengthsExplicit) {
            itemLengths.clear();
            itemLengthsExplicit = explicit;
        }
        Long cached = itemLengths.get(item);
        if (cached != null) {
            return cached;
        }
        long sum = 0;
        for (int i = 0; i < item.size(); i++) {
            sum += elementLength(item.tagAt(i), item.vrAt(i), item.valueAt(i), item, explicit);
        }
        itemLengths.put(item, sum);
        return sum;
    }

    // ---- primitives ----

    /** Element header; {@code length} -1 means undefined (0xFFFFFFFF). */
    private void writeHeader(int tag, VR vr, long length) throws IOException {
        ensure(12);
        put16(tag >>> 16);
        put16(tag);
        if (explicit) {
            buf[bp++] = (byte) (vr.code() >>> 8);
            buf[bp++] = (byte) vr.code();
            if (vr.hasLongHeader() || length < 0) {
                buf[bp++] = 0;
                buf[bp++] = 0;
                put32((int) length);
            } else {
                put16((int) length);
            }
        } else {
            put32((int) length);
        }
    }

    private void writeTagLength(int tag, long length) throws IOException {
        ensure(8);
        put16(tag >>> 16);
        put16(tag);
        put32((int) length);
    }

    private void writeInt32(int v) throws IOException {
        ensure(4);
        put32(v);
    }

    private void writeByte(int b) throws IOException {
        ensure(1);
        buf[bp++] = (byte) b;
    }

    private void put16(int v) {
        if (big) {
            buf[bp] = (byte) (v >>> 8);
            buf[bp + 1] = (byte) v;
        } else {
            buf[bp] = (byte) v;
            buf[bp + 1] = (byte) (v >>> 8);
        }
        bp += 2;
    }

    private void put32(int v) {
        if (big) {
            put16(v >>> 16);
            put16(v);
        } else {
            put16(v);
            put16(v >>> 16);
        }
    }

    private void ensure(int n) throws IOException {
        if (buf.length - bp < n) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        if (bp > 0) {
            out.write(buf, 0, bp);
            written += bp;
            bp = 0;
        }
    }

    @Override
    public void write(int b) throws IOException {
        writeByte(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len <= buf.length - bp) {
            System.arraycopy(b, off, buf, bp, len);
            bp += len;
            return;
        }
        flushBuffer();
        if (len >= buf.length) {
            out.write(b, off, len);
            written += len;
        } else {
            System.arraycopy(b, off, buf, 0, len);
            bp = len;
        }
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        sink.close();
    }
}
