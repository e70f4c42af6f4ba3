package io.tessera.dicom.data;

import io.tessera.dicom.text.SpecificCharacterSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One data set, item or command set (PS3.5 §7): elements sorted by tag, each with its VR and a value that is
 * raw bytes in this data set's byte order, a {@link Sequence}, {@link Fragments} or {@link BulkData}.
 * Values stay encoded until asked for, so reading and writing an unchanged data set costs no conversions and
 * writes back byte-identical. Not thread-safe.
 */
public class Attributes {

    private static final byte[] EMPTY = new byte[0];

    private final boolean bigEndian;
    private int[] tags;
    private VR[] vrs;
    private Object[] values;
    private int size;
    /** False after out-of-order appends to a large data set; sorted (last value of a tag wins) on next access. */
    private boolean sorted = true;
    private Attributes parent;
    private SpecificCharacterSet charset; // cached; null = not yet resolved
    private boolean undefinedLength;
    private long itemPosition = -1;

    public Attributes() {
        this(false, 16);
    }

    public Attributes(boolean bigEndian, int initialCapacity) {
        this.bigEndian = bigEndian;
        int n = Math.max(1, initialCapacity);
        this.tags = new int[n];
        this.vrs = new VR[n];
        this.values = new Object[n];
    }

    // ---- structure ----

    /** True when binary values are stored big endian (read from Explicit VR Big Endian, PS3.5 §7.3). */
    public boolean bigEndian() {
        return bigEndian;
    }

    /** The data set holding the sequence this item is in; null at the top level. */
    public Attributes parent() {
        return parent;
    }

    void setParent(Attributes parent) {
        this.parent = parent;
        this.charset = null;
    }

    /** For items: true when the item is (to be) written with undefined length and an Item Delimitation Item. */
    public boolean undefinedLength() {
        return undefinedLength;
    }

    public void setUndefinedLength(boolean undefinedLength) {
        this.undefinedLength = undefinedLength;
    }

    /**
     * For an item: the byte offset of its Item tag from the start of the stream it was last read from or written to
     * (preamble included), -1 if neither. DICOMDIR directory records refer to each other by these offsets
     * (PS3.10 §8.2, PS3.3 F.3.2.1): a writer writes once, sets the offsets, and writes again.
     */
    public long itemPosition() {
        return itemPosition;
    }

    public void setItemPosition(long itemPosition) {
        this.itemPosition = itemPosition;
    }

    public int size() {
        ensureSorted();
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Tags in ascending order (unsigned: (FFFE,...) never occurs as an element). */
    public int[] tags() {
        ensureSorted();
        return Arrays.copyOf(tags, size);
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    public VR getVR(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : vrs[i];
    }

    public Object getValue(int tag) {
        int i = indexOf(tag);
        return i < 0 ? null : values[i];
    }

    public void forEach(ElementVisitor visitor) {
        ensureSorted();
        for (int i = 0; i < size; i++) {
            visitor.visit(tags[i], vrs[i], values[i]);
        }
    }

    /** Element at index i (0 ≤ i < size), for encoders that walk the data set in order. */
    public int tagAt(int i) {
        ensureSorted();
        return tags[i];
    }

    public VR vrAt(int i) {
        ensureSorted();
        return vrs[i];
    }

    public Object valueAt(int i) {
        ensureSorted();
        return values[i];
    }

    /**
     * Sorts elements appended out of order (a stream with descending tags, which inserting one by one would make
     * quadratic); of repeated tags the last set wins, as with in-order replacement.
     */
    private void ensureSorted() {
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[size];
        for (int k = 0; k < size; k++) {
            order[k] = k;
        }
        int[] t = tags;
        // Stable: equal tags keep insertion order, so the last of them is the latest value.
        Arrays.sort(order, (a, b) -> Integer.compareUnsigned(t[a], t[b]));
        int[] nt = new int[tags.length];
        VR[] nv = new VR[tags.length];
        Object[] nx = new Object[tags.length];
        int n = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (n > 0 && nt[n - 1] == tags[i]) {
                n--; // replaced by a later value of the same tag
            }
            nt[n] = tags[i];
            nv[n] = vrs[i];
            nx[n] = values[i];
            n++;
        }
        tags = nt;
        vrs = nv;
        values = nx;
        size = n;
        sorted = true;
    }

    private int indexOf(int tag) {
        ensureSorted();
        int n = size;
        if (n == 0) {
            return -1;
        }
        // Unsigned comparison keeps tags in the order they are encoded (PS3.5 §7.1: ascending group/element).
        int lo = 0;
        int hi = n - 1;
        long key = tag & 0xFFFFFFFFL;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long t = tags[mid] & 0xFFFFFFFFL;
            if (t < key) {
                lo = mid + 1;
            } else if (t > key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    // ---- reading values ----

    public byte[] getBytes(int tag) {
        return getValue(tag) instanceof byte[] b ? b : null;
    }

    public Sequence getSequence(int tag) {
        return getValue(tag) instanceof Sequence s ? s : null;
    }

    public Fragments getFragments(int tag) {
        return getValue(tag) instanceof Fragments f ? f : null;
    }

    /**
     * The Specific Character Set (0008,0005) of this data set, or of the enclosing one for an item without its
     * own (PS3.5 §7.5.3); the default repertoire when none says.
     */
    public SpecificCharacterSet specificCharacterSet() {
        SpecificCharacterSet cs = charset;
        if (cs == null) {
            int i = indexOf(Tag.SpecificCharacterSet);
            if (i >= 0 && values[i] instanceof byte[]) {
                cs = SpecificCharacterSet.valueOf(getStrings(Tag.SpecificCharacterSet));
            } else if (parent != null) {
                cs = parent.specificCharacterSet();
            } else {
                cs = SpecificCharacterSet.ASCII;
            }
            charset = cs;
        }
        return cs;
    }

    public String getString(int tag) {
        String[] s = getStrings(tag);
        return s == null || s.length == 0 || s[0].isEmpty() ? null : s[0];
    }

    public String getString(int tag, String def) {
        String s = getString(tag);
        return s == null ? def : s;
    }

    /**
     * All values as strings: text VRs decoded with the Specific Character Set and split at backslashes (after
     * decoding, so multi-byte repertoires whose bytes include 0x5C split correctly), padding trimmed per VR;
     * binary VRs formatted as numbers (AT as 8 hex digits). Null when absent or not a byte value, empty when empty.
     */
    public String[] getStrings(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] b)) {
            return null;
        }
        VR vr = vrs[i];
        if (b.length == 0) {
            return new String[0];
        }
        if (vr.isString()) {
            String s = vr.kind() == VR.Kind.TEXT
                    ? specificCharacterSet().decode(vr, b, 0, b.length) // PN: code extensions reset at ^ and =
                    : new String(b, StandardCharsets.ISO_8859_1);
            if (vr == VR.LT || vr == VR.ST || vr == VR.UT || vr == VR.UR) {
                // Single-valued; backslash is an ordinary character; leading spaces significant (PS3.5 §6.2).
                return new String[] {trimEnd(s)};
            }
            String[] parts = split(s);
            // PS3.5 Table 6.2-1: leading spaces are insignificant for AE, AS, CS, DS, IS, LO, SH; only trailing
            // padding for the others (PN, UC, DA, DT, TM, and NUL for UI).
            boolean both = switch (vr) {
                case AE, AS, CS, DS, IS, LO, SH -> true;
                default -> false;
            };
            for (int k = 0; k < parts.length; k++) {
                parts[k] = both ? trimEnd(parts[k]).stripLeading() : trimEnd(parts[k]);
            }
            return parts;
        }
        switch (vr) {
            case FL, FD, OF, OD -> {
                double[] d = getDoubles(tag);
                String[] out = new String[d.length];
                for (int k = 0; k < d.length; k++) {
                    out[k] = vr == VR.FL || vr == VR.OF ? Float.toString((float) d[k]) : Double.toString(d[k]);
                }
                return out;
            }
            case AT -> {
                int[] t = getInts(tag);
                String[] out = new String[t.length];
                for (int k = 0; k < t.length; k++) {
                    out[k] = String.format("%08X", t[k]);
                }
                return out;
            }
            case UL, UV -> {
                long[] l = longs(b, vr);
                String[] out = new String[l.length];
                for (int k = 0; k < l.length; k++) {
                    out[k] = vr == VR.UV ? Long.toUnsignedString(l[k]) : Long.toString(l[k]);
                }
                return out;
            }
            case US, SS, SL, SV -> {
                long[] l = longs(b, vr);
                String[] out = new String[l.length];
                for (int k = 0; k < l.length; k++) {
                    out[k] = Long.toString(l[k]);
                }
                return out;
            }
            default -> {
                return null;
            }
        }
    }

    private static String[] split(String s) {
        if (s.indexOf('\\') < 0) {
            return new String[] {s};
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '\\') {
                parts.add(s.substring(start, k));
                start = k + 1;
            }
        }
        parts.add(s.substring(start));
        return parts.toArray(new String[0]);
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        return s.substring(0, end);
    }

    public int getInt(int tag, int def) {
        int[] v = getInts(tag);
        return v == null || v.length == 0 ? def : v[0];
    }

    /**
     * Integer values of US, SS, UL, SL, IS, AT (group&lt;&lt;16|element), UV, SV (low 32 bits), FL/FD/DS (truncated).
     * Null when absent or not numeric; a malformed IS/DS value gives NumberFormatException.
     */
    public int[] getInts(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] b)) {
            return null;
        }
        VR vr = vrs[i];
        if (vr == VR.IS || vr == VR.DS) {
            String[] s = getStrings(tag);
            int[] out = new int[s.length];
            for (int k = 0; k < s.length; k++) {
                out[k] = vr == VR.IS ? (int) Long.parseLong(stripPlus(s[k])) : (int) Double.parseDouble(s[k]);
            }
            return out;
        }
        if (vr == VR.AT) {
            int[] out = new int[b.length / 4];
            for (int k = 0; k < out.length; k++) {
                out[k] = (u16(b, 4 * k) << 16) | u16(b, 4 * k + 2);
            }
            return out;
        }
        if (vr == VR.FL || vr == VR.FD) {
            double[] d = getDoubles(tag);
            int[] out = new int[d.length];
            for (int k = 0; k < d.length; k++) {
                out[k] = (int) d[k];
            }
            return out;
        }
        long[] l = longs(b, vr);
        if (l == null) {
            return null;
        }
        int[] out = new int[l.length];
        for (int k = 0; k < l.length; k++) {
            out[k] = (int) l[k];
        }
        return out;
    }

    private static String stripPlus(String s) {
        return s.startsWith("+") ? s.substring(1) : s;
    }

    /** Integers of US, SS, UL, SL, UV, SV, OW (unsigned 16), OL (unsigned 32), OB/UN (unsigned 8); else null. */
    private long[] longs(byte[] b, VR vr) {
        int w;
        boolean signed;
        switch (vr) {
            case US, OW -> { w = 2; signed = false; }
            case SS -> { w = 2; signed = true; }
            case UL, OL -> { w = 4; signed = false; }
            case SL -> { w = 4; signed = true; }
            case UV, SV, OV -> { w = 8; signed = true; }
            case OB, UN -> { w = 1; signed = false; }
            default -> { return null; }
        }
        long[] out = new long[b.length / w];
        for (int k = 0; k < out.length; k++) {
            int o = k * w;
            switch (w) {
                case 1 -> out[k] = b[o] & 0xFF;
                case 2 -> out[k] = signed ? (short) u16(b, o) : u16(b, o);
                case 4 -> out[k] = signed ? s32(b, o) : s32(b, o) & 0xFFFFFFFFL;
                default -> out[k] = s64(b, o);
            }
        }
        return out;
    }

    public double getDouble(int tag, double def) {
        double[] v = getDoubles(tag);
        return v == null || v.length == 0 ? def : v[0];
    }

    /** Values of FL, FD, OF, OD, DS, IS and the integer VRs as doubles; null when absent or not numeric. */
    public double[] getDoubles(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] b)) {
            return null;
        }
        VR vr = vrs[i];
        switch (vr) {
            case FL, OF -> {
                double[] out = new double[b.length / 4];
                for (int k = 0; k < out.length; k++) {
                    out[k] = Float.intBitsToFloat(s32(b, 4 * k));
                }
                return out;
            }
            case FD, OD -> {
                double[] out = new double[b.length / 8];
                for (int k = 0; k < out.length; k++) {
                    out[k] = Double.longBitsToDouble(s64(b, 8 * k));
                }
                return out;
            }
            case DS, IS -> {
                String[] s = getStrings(tag);
                double[] out = new double[s.length];
                for (int k = 0; k < s.length; k++) {
                    out[k] = Double.parseDouble(s[k]);
                }
                return out;
            }
            case UV -> {
                long[] l = longs(b, vr);
                double[] out = new double[l.length];
                for (int k = 0; k < l.length; k++) {
                    out[k] = l[k] >= 0 ? l[k] : (double) (l[k] >>> 1) * 2.0;
                }
                return out;
            }
            default -> {
                long[] l = longs(b, vr);
                if (l == null) {
                    return null;
                }
                double[] out = new double[l.length];
                for (int k = 0; k < l.length; k++) {
                    out[k] = l[k];
                }
                return out;
            }
        }
    }

    private int u16(byte[] b, int o) {
        return bigEndian ? ((b[o] & 0xFF) << 8) | (b[o + 1] & 0xFF) : (b[o] & 0xFF) | ((b[o + 1] & 0xFF) << 8);
    }

    private int s32(byte[] b, int o) {
        return bigEndian
                ? ((b[o] & 0xFF) << 24) | ((b[o + 1] & 0xFF) << 16) | ((b[o + 2] & 0xFF) << 8) | (b[o + 3] & 0xFF)
                : (b[o] & 0xFF) | ((b[o + 1] & 0xFF) << 8) | ((b[o + 2] & 0xFF) << 16) | ((b[o + 3] & 0xFF) << 24);
    }

    private long s64(byte[] b, int o) {
        long lo = s32(b, bigEndian ? o + 4 : o) & 0xFFFFFFFFL;
        long hi = s32(b, bigEndian ? o : o + 4) & 0xFFFFFFFFL;
        return (hi << 32) | lo;
    }

    // ---- private elements (PS3.5 §7.8) ----

    /** The Private Creator of a private data element (gggg,xxee) — the value of (gggg,00xx); null if none. */
    public String privateCreatorOf(int tag) {
        if (!Tag.isPrivate(tag) || (tag & 0xFFFF) < 0x1000) {
            return null;
        }
        int creatorTag = (tag & 0xFFFF0000) | ((tag >>> 8) & 0xFF);
        return getString(creatorTag);
    }

    /**
     * The tag of a private element of {@code creator}: {@code groupAndElementLowByte} is (group &lt;&lt; 16) | ee,
     * e.g. 0x00290010 for element 0x10 of the creator's block in group 0029. Finds the block (gggg,0010-00FF) whose
     * value is {@code creator}; if none and {@code reserve}, reserves the first free block by setting the creator
     * element. Returns -1 when not found and not reserved, or when all 240 blocks are taken.
     */
    public int privateTag(String creator, int groupAndElementLowByte, boolean reserve) {
        int group = groupAndElementLowByte >>> 16;
        if ((group & 1) == 0 || group <= 0x0007) {
            throw new IllegalArgumentException(String.format("Group %04X is not a private group", group));
        }
        int low = groupAndElementLowByte & 0xFF;
        int free = -1;
        for (int block = 0x10; block <= 0xFF; block++) {
            int creatorTag = (group << 16) | block;
            String s = getString(creatorTag);
            if (creator.equals(s)) {
                return (group << 16) | (block << 8) | low;
            }
            if (free < 0 && !contains(creatorTag)) {
                free = block;
            }
        }
        if (!reserve || free < 0) {
            return -1;
        }
        setString((group << 16) | free, VR.LO, creator);
        return (group << 16) | (free << 8) | low;
    }

    // ---- writing values ----

    /**
     * Sets an element to raw value bytes (this data set's byte order), a Sequence, Fragments, BulkData or null.
     * Returns the value replaced, or null if none (or, for a large data set filled out of order, not yet known).
     */
    public Object setValue(int tag, VR vr, Object value) {
        if (vr == null) {
            throw new IllegalArgumentException("VR of " + Tag.toString(tag) + " is null");
        }
        if (value == null) {
            value = vr == VR.SQ ? new Sequence(this, 0) : EMPTY;
        } else if (!(value instanceof byte[] || value instanceof Sequence || value instanceof Fragments
                || value instanceof BulkData)) {
            throw new IllegalArgumentException("Value of " + Tag.toString(tag) + " must be byte[], Sequence, "
                    + "Fragments or BulkData, not " + value.getClass().getName());
        }
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
        int n = size;
        if (n == 0 || Integer.compareUnsigned(tags[n - 1], tag) < 0) {
            // Elements usually arrive in order (decoders): append without a search.
            ensureCapacity(n + 1);
            tags[n] = tag;
            vrs[n] = vr;
            values[n] = value;
            size = n + 1;
            return null;
        }
        if (!sorted) {
            // Already out of order: append; ensureSorted resolves order and repeats later.
            ensureCapacity(n + 1);
            tags[n] = tag;
            vrs[n] = vr;
            values[n] = value;
            size = n + 1;
            return null;
        }
        int i = indexOf(tag);
        if (i >= 0) {
            Object old = values[i];
            vrs[i] = vr;
            values[i] = value;
            return old;
        }
        i = -(i + 1);
        if (n - i > 256) {
            // Inserting far from the end of a large data set: append and sort once when next read.
            ensureCapacity(n + 1);
            tags[n] = tag;
            vrs[n] = vr;
            values[n] = value;
            size = n + 1;
            sorted = false;
            return null;
        }
        ensureCapacity(n + 1);
        System.arraycopy(tags, i, tags, i + 1, n - i);
        System.arraycopy(vrs, i, vrs, i + 1, n - i);
        System.arraycopy(values, i, values, i + 1, n - i);
        tags[i] = tag;
        vrs[i] = vr;
        values[i] = value;
        size = n + 1;
        return null;
    }

    private void ensureCapacity(int n) {
        if (n > tags.length) {
            int cap = Math.max(n, tags.length * 2);
            tags = Arrays.copyOf(tags, cap);
            vrs = Arrays.copyOf(vrs, cap);
            values = Arrays.copyOf(values, cap);
        }
    }

    public void setBytes(int tag, VR vr, byte[] value) {
        setValue(tag, vr, value);
    }

    /** Present with zero length (Type 2 "empty"), or an empty sequence for SQ. */
    public void setNull(int tag, VR vr) {
        setValue(tag, vr, null);
    }

    /** Removes an element; returns its value or null if absent. */
    public Object remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return null;
        }
        Object old = values[i];
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        values[size] = null;
        vrs[size] = null;
        if (tag == Tag.SpecificCharacterSet) {
            charset = null;
        }
        return old;
    }

    /** A new empty sequence set as the value of {@code tag}. */
    public Sequence newSequence(int tag, int capacity) {
        Sequence s = new Sequence(this, capacity);
        setValue(tag, VR.SQ, s);
        return s;
    }

    /**
     * Copies every element of {@code other} into this data set (replacing same tags). Byte values are swapped if
     * the byte orders differ; sequences are copied deeply.
     */
    public void addAll(Attributes other) {
        other.ensureSorted();
        for (int k = 0; k < other.size; k++) {
            setValue(other.tags[k], other.vrs[k], copyValue(other.vrs[k], other.values[k], other.bigEndian));
        }
    }

    private Object copyValue(VR vr, Object v, boolean fromBigEndian) {
        if (v instanceof byte[] b) {
            return fromBigEndian == bigEndian ? b : swap(b, vr);
        }
        if (v instanceof Sequence s) {
            Sequence copy = new Sequence(this, s.size());
            copy.setUndefinedLength(s.undefinedLength());
            for (Attributes item : s) {
                Attributes c = new Attributes(bigEndian, item.size);
                c.setUndefinedLength(item.undefinedLength);
                c.addAll(item);
                copy.add(c);
            }
            return copy;
        }
        return v;
    }

    /** The bytes of a binary value in the other byte order (PS3.5 §7.3); a copy. Strings and OB/UN unchanged. */
    public static byte[] swap(byte[] b, VR vr) {
        int w = vr.swapsBytes() ? (vr == VR.AT ? 2 : vr.bytesPerValue()) : 1;
        if (w == 1) {
            return b;
        }
        byte[] out = b.clone();
        int n = b.length - b.length % w;
        for (int o = 0; o < n; o += w) {
            for (int k = 0; k < w; k++) {
                out[o + k] = b[o + w - 1 - k];
            }
        }
        return out;
    }

    /**
     * Sets string values: text VRs encoded with the Specific Character Set, others as ASCII; joined with
     * backslashes and padded to even length with the VR's padding byte (PS3.5 §6.2). No values → empty.
     */
    public void setString(int tag, VR vr, String... values) {
        if (!vr.isString()) {
            if (vr == VR.SQ) {
                throw new IllegalArgumentException("SQ has no string value: " + Tag.toString(tag));
            }
            setFromStrings(tag, vr, values);
            return;
        }
        String joined = values == null || values.length == 0 ? ""
                : values.length == 1 ? (values[0] == null ? "" : values[0]) // one value: no join, no copy
                : String.join("\\", nonNull(values));
        byte[] b = vr.kind() == VR.Kind.TEXT
                ? (tag == Tag.SpecificCharacterSet ? joined.getBytes(StandardCharsets.ISO_8859_1)
                        : specificCharacterSet().encode(joined))
                : joined.getBytes(StandardCharsets.ISO_8859_1);
        setValue(tag, vr, pad(b, vr));
    }

    private static String[] nonNull(String[] values) {
        String[] out = values.clone();
        for (int k = 0; k < out.length; k++) {
            if (out[k] == null) {
                out[k] = "";
            }
        }
        return out;
    }

    private void setFromStrings(int tag, VR vr, String[] values) {
        switch (vr) {
            case FL, FD, OF, OD -> {
                double[] d = new double[values.length];
                for (int k = 0; k < d.length; k++) {
                    d[k] = Double.parseDouble(values[k].strip());
                }
                setDouble(tag, vr, d);
            }
            case AT -> {
                int[] t = new int[values.length];
                for (int k = 0; k < t.length; k++) {
                    t[k] = (int) Long.parseLong(values[k].strip(), 16);
                }
                setInt(tag, vr, t);
            }
            default -> {
                long[] l = new long[values.length];
                for (int k = 0; k < l.length; k++) {
                    l[k] = Long.parseLong(values[k].strip());
                }
                setValue(tag, vr, encodeLongs(vr, l));
            }
        }
    }

    private static byte[] pad(byte[] b, VR vr) {
        if ((b.length & 1) == 0) {
            return b;
        }
        byte[] p = Arrays.copyOf(b, b.length + 1);
        p[b.length] = (byte) vr.paddingByte();
        return p;
    }

    /** Sets integer values: binary for US, SS, UL, SL, UV, SV, AT, OB/OW/OL/UN, FL, FD; decimal strings for IS, DS. */
    public void setInt(int tag, VR vr, int... values) {
        if (vr == VR.IS || vr == VR.DS) {
            String[] s = new String[values.length];
            for (int k = 0; k < s.length; k++) {
                s[k] = Integer.toString(values[k]);
            }
            setString(tag, vr, s);
            return;
        }
        if (vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD) {
            double[] d = new double[values.length];
            for (int k = 0; k < d.length; k++) {
                d[k] = values[k];
            }
            setDouble(tag, vr, d);
            return;
        }
        if (vr == VR.AT) {
            byte[] b = new byte[values.length * 4];
            for (int k = 0; k < values.length; k++) {
                put16(b, 4 * k, values[k] >>> 16);
                put16(b, 4 * k + 2, values[k]);
            }
            setValue(tag, vr, b);
            return;
        }
        long[] l = new long[values.length];
        boolean unsigned = vr == VR.UL || vr == VR.UV || vr == VR.OL;
        for (int k = 0; k < l.length; k++) {
            l[k] = unsigned ? values[k] & 0xFFFFFFFFL : values[k];
        }
        setValue(tag, vr, encodeLongs(vr, l));
    }

    private byte[] encodeLongs(VR vr, long[] l) {
        int w = switch (vr) {
            case US, SS, OW -> 2;
            case UL, SL, OL -> 4;
            case UV, SV, OV -> 8;
            case OB, UN -> 1;
            default -> throw new IllegalArgumentException("VR " + vr + " holds no integers");
        };
        byte[] b = new byte[l.length * w];
        for (int k = 0; k < l.length; k++) {
            switch (w) {
                case 1 -> b[k] = (byte) l[k];
                case 2 -> put16(b, 2 * k, (int) l[k]);
                case 4 -> put32(b, 4 * k, (int) l[k]);
                default -> put64(b, 8 * k, l[k]);
            }
        }
        return pad(b, vr);
    }

    /** Sets floating point values: binary for FL, FD, OF, OD; decimal strings (≤ 16 chars, PS3.5 §6.2) for DS. */
    public void setDouble(int tag, VR vr, double... values) {
        switch (vr) {
            case FL, OF -> {
                byte[] b = new byte[values.length * 4];
                for (int k = 0; k < values.length; k++) {
                    put32(b, 4 * k, Float.floatToIntBits((float) values[k]));
                }
                setValue(tag, vr, b);
            }
            case FD, OD -> {
                byte[] b = new byte[values.length * 8];
                for (int k = 0; k < values.length; k++) {
                    put64(b, 8 * k, Double.doubleToLongBits(values[k]));
                }
                setValue(tag, vr, b);
            }
            case DS -> {
                String[] s = new String[values.length];
                for (int k = 0; k < s.length; k++) {
                    s[k] = formatDS(values[k]);
                }
                setString(tag, vr, s);
            }
            default -> {
                int[] i = new int[values.length];
                for (int k = 0; k < i.length; k++) {
                    i[k] = (int) Math.round(values[k]);
                }
                setInt(tag, vr, i);
            }
        }
    }

    /** A decimal string of at most 16 characters (PS3.5 Table 6.2-1, DS). */
    static String formatDS(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("A decimal string cannot hold " + v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        if (s.length() <= 16) {
            return s;
        }
        for (int digits = 15; digits > 0; digits--) {
            s = String.format(java.util.Locale.ROOT, "%." + digits + "G", v).replaceFirst("\\.?0+(E|$)", "$1")
                    .replace("E+", "E");
            if (s.length() <= 16) {
                return s;
            }
        }
        return s;
    }

    private void put16(byte[] b, int o, int v) {
        if (bigEndian) {
            b[o] = (byte) (v >>> 8);
            b[o + 1] = (byte) v;
        } else {
            b[o] = (byte) v;
            b[o + 1] = (byte) (v >>> 8);
        }
    }

    private void put32(byte[] b, int o, int v) {
        if (bigEndian) {
            put16(b, o, v >>> 16);
            put16(b, o + 2, v);
        } else {
            put16(b, o, v);
            put16(b, o + 2, v >>> 16);
        }
    }

    private void put64(byte[] b, int o, long v) {
        if (bigEndian) {
            put32(b, o, (int) (v >>> 32));
            put32(b, o + 4, (int) v);
        } else {
            put32(b, o, (int) v);
            put32(b, o + 4, (int) (v >>> 32));
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        toString(sb, "");
        return sb.toString();
    }

    private void toString(StringBuilder sb, String indent) {
        ensureSorted();
        for (int k = 0; k < size; k++) {
            sb.append(indent).append(Tag.toString(tags[k])).append(' ').append(vrs[k]).append(' ');
            Object v = values[k];
            if (v instanceof Sequence s) {
                sb.append("Sequence of ").append(s.size()).append(" items\n");
                for (Attributes item : s) {
                    sb.append(indent).append("  Item\n");
                    item.toString(sb, indent + "    ");
                }
            } else if (v instanceof byte[] b) {
                if (vrs[k].isString() || vrs[k].bytesPerValue() > 1 && b.length <= 64) {
                    String[] s = getStrings(tags[k]);
                    sb.append('[').append(s == null ? "" : String.join("\\", s)).append("]\n");
                } else {
                    sb.append('#').append(b.length).append('\n');
                }
            } else {
                sb.append(v).append('\n');
            }
        }
    }
}
