package io.tessera.dicom.image;

import java.util.Arrays;

/**
 * A lookup table as the LUT Descriptor and LUT Data define it (PS3.3 C.11.1.1 Modality LUT, C.11.2.1.1 VOI LUT,
 * C.7.6.3.1.5 Palette Color LUT): input values from {@code firstMapped} onwards map to consecutive entries; inputs
 * below the first entry map to the first entry and inputs past the last to the last.
 *
 * @param firstMapped first input value mapped (second descriptor value, already sign-interpreted)
 * @param bitsPerEntry third descriptor value: 8 or 16 for palettes, 8 to 16 for modality and VOI LUTs
 * @param entries the entry values, unsigned, one per input value
 * @param explanation LUT Explanation (0028,3003), or null
 */
public record LookupTable(int firstMapped, int bitsPerEntry, int[] entries, String explanation) {

    public LookupTable {
        if (entries.length == 0) {
            throw new IllegalArgumentException("LUT Data is empty");
        }
        if (bitsPerEntry < 1 || bitsPerEntry > 16) {
            throw new IllegalArgumentException("LUT Descriptor bits per entry " + bitsPerEntry + " not in 1..16");
        }
    }

    /**
     * A table from its LUT Descriptor and raw LUT Data bytes.
     *
     * <p>Descriptor value 1 is the number of entries, 0 meaning 2^16 (C.11.1.1.1); value 2 the first mapped input,
     * read as signed when the input is signed (the descriptor's VR is then SS, written in the same 16 bits). LUT Data
     * holds one 16-bit word per entry, except that palettes with 8 bits per entry pack one byte per entry
     * ("a format equivalent to 8 bits allocated", C.7.6.3.1.6); both are recognised from the data length.
     *
     * @param descriptor the three descriptor values as read (unsigned 16-bit)
     * @param data LUT Data value bytes
     * @param bigEndian byte order of the data set the data came from
     * @param signedInput whether the input values of the table are signed (Pixel Representation 1 for the first
     *     table applied to stored values)
     */
    public static LookupTable of(int[] descriptor, byte[] data, boolean bigEndian, boolean signedInput,
                                 String explanation) {
        if (descriptor == null || descriptor.length != 3) {
            throw new IllegalArgumentException("LUT Descriptor must have 3 values, has "
                    + (descriptor == null ? "none" : Arrays.toString(descriptor)));
        }
        if (data == null) {
            throw new IllegalArgumentException("LUT Data missing for LUT Descriptor " + Arrays.toString(descriptor));
        }
        int n = descriptor[0] & 0xFFFF;
        if (n == 0) {
            n = 1 << 16;
        }
        int first = descriptor[1] & 0xFFFF;
        if (signedInput && first >= 0x8000) {
            first -= 0x10000;
        }
        int bits = descriptor[2];
        int[] entries = new int[n];
        if (bits <= 8 && data.length >= n && data.length < 2 * n) {
            for (int i = 0; i < n; i++) {
                entries[i] = data[wordSwapped(i, bigEndian)] & 0xFF;
            }
        } else if (data.length >= 2 * n) {
            for (int i = 0; i < n; i++) {
                int lo = data[2 * i] & 0xFF;
                int hi = data[2 * i + 1] & 0xFF;
                entries[i] = bigEndian ? (lo << 8 | hi) : (hi << 8 | lo);
            }
        } else {
            throw new IllegalArgumentException("LUT Data has " + data.length + " bytes, too few for " + n
                    + " entries of " + bits + " bits (LUT Descriptor " + Arrays.toString(descriptor) + ")");
        }
        return new LookupTable(first, bits, entries, explanation);
    }

    /** Byte i of 8-bit data packed in OW: big endian swaps the two bytes of each word (PS3.5 §7.3). */
    private static int wordSwapped(int i, boolean bigEndian) {
        return bigEndian ? i ^ 1 : i;
    }

    public int size() {
        return entries.length;
    }

    /** The largest value an entry can hold, 2^bits - 1. */
    public int maxEntryValue() {
        return (1 << bitsPerEntry) - 1;
    }

    /** The entry for an input value, clamped to the first and last entries. */
    public int lookup(int input) {
        int i = input - firstMapped;
        if (i <= 0) {
            return entries[0];
        }
        if (i >= entries.length) {
            return entries[entries.length - 1];
        }
        return entries[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LookupTable t && t.firstMapped == firstMapped && t.bitsPerEntry == bitsPerEntry
                && Arrays.equals(t.entries, entries) && java.util.Objects.equals(t.explanation, explanation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(entries) + firstMapped;
    }

    @Override
    public String toString() {
        return "LookupTable[" + entries.length + " entries from " + firstMapped + ", " + bitsPerEntry + " bits"
                + (explanation == null ? "" : ", " + explanation) + "]";
    }
}
