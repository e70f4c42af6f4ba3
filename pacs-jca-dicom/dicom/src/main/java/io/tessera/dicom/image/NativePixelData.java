package io.tessera.dicom.image;

/**
 * Decodes one frame of native (uncompressed) Pixel Data, PS3.5 §8.1.1 and PS3.3 C.7.6.3: each sample occupies Bits
 * Allocated bits in the transfer syntax's byte order; of those, Bits Stored bits ending at High Bit hold the value,
 * two's complement when Pixel Representation is 1. Colour-by-plane data (Planar Configuration 1) and YBR_FULL_422's
 * shared chroma (Y1 Y2 Cb Cr per pixel pair) are rearranged into one interleaved sample array.
 */
public final class NativePixelData {

    private NativePixelData() {
    }

    /**
     * Decodes one frame.
     *
     * @param px the layout
     * @param data bytes holding the frame
     * @param offset where the frame starts in {@code data}
     * @param bigEndian byte order of 16- and 32-bit samples (Explicit VR Big Endian); 8-bit samples in OW under Big
     *     Endian must have been word-swapped by the caller (PS3.5 §8.1.1 and Annex D)
     */
    public static Frame decode(ImagePixel px, byte[] data, int offset, boolean bigEndian) throws PixelDataException {
        long need = px.bytesPerFrame();
        if (offset < 0 || offset + need > data.length) {
            throw new PixelDataException("Pixel Data (7FE0,0010): frame needs " + need + " bytes at offset " + offset
                    + ", only " + Math.max(0, data.length - offset) + " present");
        }
        if (px.bitsAllocated() != 8 && px.bitsAllocated() != 16 && px.bitsAllocated() != 32) {
            throw new PixelDataException("Bits Allocated (0028,0100) " + px.bitsAllocated()
                    + " not decodable as an image (8, 16 or 32 expected)");
        }
        if (px.bitsStored() == 32 && !px.signed()) {
            throw new PixelDataException("unsigned 32-bit stored values do not fit a Java int; not supported");
        }
        int bytes = px.bitsAllocated() / 8;
        int shift = px.highBit() + 1 - px.bitsStored();
        int bits = px.bitsStored();
        long mask = (1L << bits) - 1;
        int pixels = px.pixelsPerFrame();
        int spp = px.samplesPerPixel();
        PhotometricInterpretation pi = px.photometricInterpretation();
        boolean subsampled = pi == PhotometricInterpretation.YBR_FULL_422 || pi == PhotometricInterpretation.YBR_PARTIAL_422;
        int[] out = new int[pixels * spp];

        if (subsampled) {
            // C.7.6.3.1.2: Y1 Y2 Cb Cr for each horizontal pair; Planar Configuration shall be 0.
            if (px.columns() % 2 != 0) {
                throw new PixelDataException(pi.code() + " needs an even number of Columns, has " + px.columns());
            }
            int p = offset;
            for (int i = 0; i < pixels; i += 2) {
                int y1 = value(data, p, bytes, bigEndian, shift, mask, bits, false);
                int y2 = value(data, p + bytes, bytes, bigEndian, shift, mask, bits, false);
                int cb = value(data, p + 2 * bytes, bytes, bigEndian, shift, mask, bits, false);
                int cr = value(data, p + 3 * bytes, bytes, bigEndian, shift, mask, bits, false);
                p += 4 * bytes;
                int o = i * 3;
                out[o] = y1;
                out[o + 1] = cb;
                out[o + 2] = cr;
                out[o + 3] = y2;
                out[o + 4] = cb;
                out[o + 5] = cr;
            }
            return new Frame(px.rows(), px.columns(), 3, pi == PhotometricInterpretation.YBR_FULL_422
                    ? PhotometricInterpretation.YBR_FULL : pi, bits, false, out);
        }

        boolean signed = px.signed();
        if (spp == 1 || px.planarConfiguration() == 0) {
            int p = offset;
            for (int i = 0; i < out.length; i++, p += bytes) {
                out[i] = value(data, p, bytes, bigEndian, shift, mask, bits, signed);
            }
        } else {
            // Colour-by-plane: all red, then all green, then all blue (C.7.6.3.1.3).
            for (int s = 0; s < spp; s++) {
                int p = offset + s * pixels * bytes;
                for (int i = 0; i < pixels; i++, p += bytes) {
                    out[i * spp + s] = value(data, p, bytes, bigEndian, shift, mask, bits, signed);
                }
            }
        }
        return new Frame(px.rows(), px.columns(), spp, pi, bits, signed, out);
    }

    private static int value(byte[] d, int p, int bytes, boolean bigEndian, int shift, long mask, int bits,
                             boolean signed) {
        long raw;
        switch (bytes) {
            case 1 -> raw = d[p] & 0xFF;
            case 2 -> raw = bigEndian ? (d[p] & 0xFF) << 8 | (d[p + 1] & 0xFF) : (d[p + 1] & 0xFF) << 8 | (d[p] & 0xFF);
            default -> raw = bigEndian
                    ? ((d[p] & 0xFFL) << 24 | (d[p + 1] & 0xFF) << 16 | (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF))
                    : ((d[p + 3] & 0xFFL) << 24 | (d[p + 2] & 0xFF) << 16 | (d[p + 1] & 0xFF) << 8 | (d[p] & 0xFF));
        }
        return storedValue(raw >>> shift, mask, bits, signed);
    }

    /** Masks to Bits Stored and sign-extends at bit {@code bits - 1} when signed (C.7.6.3.1.4). */
    static int storedValue(long raw, long mask, int bits, boolean signed) {
        long v = raw & mask;
        if (signed && (v >>> (bits - 1)) != 0) {
            v -= 1L << bits;
        }
        return (int) v;
    }

    /** Swaps the two bytes of each 16-bit word in place: 8-bit samples in OW under Explicit VR Big Endian. */
    public static void swapWords(byte[] data, int offset, int length) {
        for (int i = offset; i + 1 < offset + length; i += 2) {
            byte t = data[i];
            data[i] = data[i + 1];
            data[i + 1] = t;
        }
    }
}
