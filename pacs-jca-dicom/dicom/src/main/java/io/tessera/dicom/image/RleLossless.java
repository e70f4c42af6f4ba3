package io.tessera.dicom.image;

/**
 * RLE Lossless (1.2.840.10008.1.2.5), PS3.5 Annex G: a frame is one fragment holding a 64-byte RLE Header (number of
 * segments and up to 15 segment offsets, little-endian 32-bit) and the segments. Each segment is one byte of every
 * pixel's Composite Pixel Code: for each sample in order (R, G, B), Bits Allocated / 8 segments from the most
 * significant byte to the least (G.2). Each segment is PackBits-encoded (G.3.1): a header byte n, then n + 1
 * literal bytes for n in [0, 127], or one byte repeated 1 - n times for n in [-127, -1]; -128 is skipped.
 */
public final class RleLossless {

    private RleLossless() {
    }

    /** Decodes one frame into stored values. {@code frame} is the frame's fragment(s), concatenated. */
    public static Frame decode(ImagePixel px, byte[] frame) throws PixelDataException {
        int bytesPerSample = px.bitsAllocated() / 8;
        if (px.bitsAllocated() % 8 != 0 || bytesPerSample == 0) {
            throw new PixelDataException("RLE Lossless: Bits Allocated " + px.bitsAllocated() + " not a multiple of 8");
        }
        int spp = px.samplesPerPixel();
        int expected = spp * bytesPerSample;
        if (frame.length < 64) {
            throw new PixelDataException("RLE Lossless: fragment of " + frame.length
                    + " bytes is shorter than the 64-byte RLE Header (PS3.5 G.5)");
        }
        int segments = readLE32(frame, 0);
        if (segments != expected) {
            throw new PixelDataException("RLE Lossless: RLE Header says " + segments + " segments, Samples per Pixel "
                    + spp + " x Bits Allocated " + px.bitsAllocated() + " need " + expected + " (PS3.5 G.2)");
        }
        int pixels = px.pixelsPerFrame();
        // PackBits expands at most 128 bytes from 2; a frame claiming more is corrupt, and is refused before allocating.
        if ((long) pixels * expected > 64L * frame.length) {
            throw new PixelDataException("RLE Lossless: a " + frame.length + "-byte fragment cannot hold "
                    + (long) pixels * expected + " decoded bytes (Rows x Columns x segments)");
        }
        // Decoded bytes laid out as native little-endian colour-by-plane data, then decoded as such.
        byte[] planes = new byte[pixels * expected];
        for (int seg = 0; seg < segments; seg++) {
            long start = readLE32(frame, 4 + 4 * seg) & 0xFFFFFFFFL;
            long end = seg + 1 < segments ? readLE32(frame, 8 + 4 * seg) & 0xFFFFFFFFL : frame.length;
            if (start < 64 || end > frame.length || start > end) {
                throw new PixelDataException("RLE Lossless: segment " + (seg + 1) + " offsets " + start + ".." + end
                        + " outside the " + frame.length + "-byte fragment");
            }
            int sample = seg / bytesPerSample;
            int byteInSample = bytesPerSample - 1 - seg % bytesPerSample; // MSB first -> little-endian position
            int base = sample * pixels * bytesPerSample + byteInSample;
            unpackBits(frame, (int) start, (int) end, planes, base, bytesPerSample, pixels, seg + 1);
        }
        ImagePixel planar = px.withPlanarConfiguration(spp > 1 ? 1 : 0).withFrames(1);
        if (px.photometricInterpretation() == PhotometricInterpretation.YBR_FULL_422) {
            // RLE carries every sample of every pixel; a 422 label is read as the full-resolution YBR_FULL it holds.
            planar = planar.withPhotometricInterpretation(PhotometricInterpretation.YBR_FULL);
        }
        return NativePixelData.decode(planar, planes, 0, false);
    }

    /** PackBits into every {@code stride}-th byte of {@code out} from {@code base}; exactly {@code count} bytes. */
    private static void unpackBits(byte[] in, int p, int end, byte[] out, int base, int stride, int count, int segment)
            throws PixelDataException {
        int n = 0;
        int o = base;
        while (n < count) {
            if (p >= end) {
                throw new PixelDataException("RLE Lossless: segment " + segment + " ends after " + n + " of " + count
                        + " bytes (byte offset " + p + " in the fragment)");
            }
            int h = in[p++];
            if (h >= 0) {
                int len = h + 1;
                if (p + len > end) {
                    throw new PixelDataException("RLE Lossless: literal run of " + len + " at byte offset " + (p - 1)
                            + " in segment " + segment + " passes the segment end (" + end + ")");
                }
                // A run past the frame size is tolerated (some encoders overrun at the last row); the excess is dropped.
                int keep = Math.min(len, count - n);
                for (int i = 0; i < keep; i++, o += stride) {
                    out[o] = in[p + i];
                }
                p += len;
                n += keep;
            } else if (h != -128) {
                int len = Math.min(1 - h, count - n);
                if (p >= end) {
                    throw new PixelDataException("RLE Lossless: replicate run at byte offset " + (p - 1)
                            + " in segment " + segment + " has no byte to repeat");
                }
                byte b = in[p++];
                for (int i = 0; i < len; i++, o += stride) {
                    out[o] = b;
                }
                n += len;
            }
        }
    }

    private static int readLE32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }
}
