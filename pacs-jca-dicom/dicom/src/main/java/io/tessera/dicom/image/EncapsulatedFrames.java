package io.tessera.dicom.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Which fragments of encapsulated Pixel Data (PS3.5 §A.4) make up each frame. With a Basic Offset Table (item 0),
 * or an Extended Offset Table (7FE0,0001), frame k starts at the fragment whose item tag is at byte offset {@code
 * offsets[k]} from the first fragment's item tag, and ends before frame k+1. Without one: as many fragments as
 * frames means one each (always true of RLE, §A.4.2); a single frame takes every fragment; otherwise JPEG frames
 * start at each fragment that begins with SOI (FF D8), which cannot occur inside entropy-coded data (T.81 B.1.1.5).
 */
public final class EncapsulatedFrames {

    private EncapsulatedFrames() {
    }

    /**
     * Index of the first fragment of each frame, plus one final entry equal to the fragment count.
     *
     * @param offsets the frame offsets from the Basic or Extended Offset Table, or null / empty when there is none
     * @param fragmentLengths length of each fragment's value (not counting its 8-byte item header)
     * @param startsWithSoi for each fragment, whether its value begins with FF D8 (used only without offsets)
     * @param frames Number of Frames
     */
    public static int[] frameStarts(long[] offsets, long[] fragmentLengths, boolean[] startsWithSoi, int frames)
            throws PixelDataException {
        int n = fragmentLengths.length;
        if (n == 0) {
            throw new PixelDataException("encapsulated Pixel Data (7FE0,0010) has no fragments");
        }
        int[] starts = new int[frames + 1];
        starts[frames] = n;
        if (offsets != null && offsets.length > 0) {
            if (offsets.length != frames) {
                throw new PixelDataException("Basic Offset Table has " + offsets.length + " offsets for " + frames
                        + " frames (Number of Frames)");
            }
            long pos = 0;
            int k = 0;
            for (int i = 0; i < n && k < frames; i++) {
                if (pos == offsets[k]) {
                    starts[k++] = i;
                } else if (pos > offsets[k]) {
                    break;
                }
                pos += 8 + fragmentLengths[i];
            }
            if (k < frames) {
                throw new PixelDataException("Basic Offset Table: offset " + offsets[k] + " of frame " + (k + 1)
                        + " is not the position of a fragment item");
            }
            return starts;
        }
        if (n == frames) {
            for (int k = 0; k < frames; k++) {
                starts[k] = k;
            }
            return starts;
        }
        if (frames == 1) {
            starts[0] = 0;
            return starts;
        }
        List<Integer> soi = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (startsWithSoi != null && startsWithSoi[i]) {
                soi.add(i);
            }
        }
        if (soi.size() != frames || soi.get(0) != 0) {
            throw new PixelDataException("encapsulated Pixel Data: " + n + " fragments, no Basic Offset Table, and "
                    + soi.size() + " fragments starting a JPEG stream for " + frames + " frames; frames cannot be "
                    + "located");
        }
        for (int k = 0; k < frames; k++) {
            starts[k] = soi.get(k);
        }
        return starts;
    }

    /** The Basic Offset Table item's value as offsets (32-bit little-endian, §A.4); empty for an empty item. */
    public static long[] basicOffsetTable(byte[] item) throws PixelDataException {
        if (item == null || item.length == 0) {
            return new long[0];
        }
        if (item.length % 4 != 0) {
            throw new PixelDataException("Basic Offset Table length " + item.length + " is not a multiple of 4");
        }
        long[] out = new long[item.length / 4];
        for (int i = 0; i < out.length; i++) {
            int p = 4 * i;
            out[i] = (item[p] & 0xFFL) | (item[p + 1] & 0xFFL) << 8 | (item[p + 2] & 0xFFL) << 16
                    | (item[p + 3] & 0xFFL) << 24;
        }
        return out;
    }

    /** The Extended Offset Table (7FE0,0001) value: 64-bit little-endian offsets (PS3.3 C.7.6.3.1.8). */
    public static long[] extendedOffsetTable(byte[] value) throws PixelDataException {
        if (value == null || value.length % 8 != 0) {
            throw new PixelDataException("Extended Offset Table (7FE0,0001) length is not a multiple of 8");
        }
        long[] out = new long[value.length / 8];
        for (int i = 0; i < out.length; i++) {
            long v = 0;
            for (int b = 7; b >= 0; b--) {
                v = v << 8 | (value[8 * i + b] & 0xFF);
            }
            out[i] = v;
        }
        return out;
    }
}
