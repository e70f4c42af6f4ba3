package io.tessera.dicom.image;

/**
 * The attributes of the Image Pixel Module (PS3.3 C.7.6.3) that say how Pixel Data (7FE0,0010) is laid out, plus
 * Number of Frames (0028,0008) of the Multi-frame Module (C.7.6.6).
 *
 * @param rows Rows (0028,0010)
 * @param columns Columns (0028,0011)
 * @param samplesPerPixel Samples per Pixel (0028,0002)
 * @param photometricInterpretation Photometric Interpretation (0028,0004)
 * @param bitsAllocated Bits Allocated (0028,0100): 1, 8, 16 or 32 (C.7.6.3.1.1 allows any multiple of 8 or 1)
 * @param bitsStored Bits Stored (0028,0101), at most Bits Allocated
 * @param highBit High Bit (0028,0102), usually Bits Stored - 1 but not always
 * @param pixelRepresentation Pixel Representation (0028,0103): 0 unsigned, 1 two's complement
 * @param planarConfiguration Planar Configuration (0028,0006): 0 colour-by-pixel, 1 colour-by-plane
 * @param numberOfFrames Number of Frames, 1 when absent
 */
public record ImagePixel(int rows, int columns, int samplesPerPixel, PhotometricInterpretation photometricInterpretation,
                         int bitsAllocated, int bitsStored, int highBit, int pixelRepresentation,
                         int planarConfiguration, int numberOfFrames) {

    /**
     * Decoded frames are int arrays; this bounds one to 1 GB (e.g. 16384 x 16384 colour) so a corrupt Rows or
     * Columns is an error rather than an OutOfMemoryError.
     */
    public static final long MAX_SAMPLES_PER_FRAME = 1L << 28;

    public ImagePixel {
        if (rows <= 0 || columns <= 0) {
            throw new IllegalArgumentException("Rows (0028,0010) " + rows + " / Columns (0028,0011) " + columns
                    + " must be positive");
        }
        if (samplesPerPixel != 1 && samplesPerPixel != 3) {
            throw new IllegalArgumentException("Samples per Pixel (0028,0002) " + samplesPerPixel + " is not 1 or 3");
        }
        if (photometricInterpretation == null) {
            throw new IllegalArgumentException("Photometric Interpretation (0028,0004) missing");
        }
        if (photometricInterpretation.samplesPerPixel() != samplesPerPixel) {
            throw new IllegalArgumentException("Photometric Interpretation " + photometricInterpretation.code()
                    + " needs Samples per Pixel " + photometricInterpretation.samplesPerPixel() + ", not "
                    + samplesPerPixel);
        }
        if (bitsAllocated != 1 && (bitsAllocated <= 0 || bitsAllocated > 32 || bitsAllocated % 8 != 0)) {
            throw new IllegalArgumentException("Bits Allocated (0028,0100) " + bitsAllocated
                    + " is not 1, 8, 16, 24 or 32");
        }
        if (bitsStored <= 0 || bitsStored > bitsAllocated) {
            throw new IllegalArgumentException("Bits Stored (0028,0101) " + bitsStored + " not in 1.." + bitsAllocated
                    + " (Bits Allocated)");
        }
        if (highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            throw new IllegalArgumentException("High Bit (0028,0102) " + highBit + " not in " + (bitsStored - 1) + ".."
                    + (bitsAllocated - 1) + " for Bits Stored " + bitsStored + " / Bits Allocated " + bitsAllocated);
        }
        if (pixelRepresentation != 0 && pixelRepresentation != 1) {
            throw new IllegalArgumentException("Pixel Representation (0028,0103) " + pixelRepresentation
                    + " is not 0 or 1");
        }
        if (planarConfiguration != 0 && planarConfiguration != 1) {
            throw new IllegalArgumentException("Planar Configuration (0028,0006) " + planarConfiguration
                    + " is not 0 or 1");
        }
        if ((long) rows * columns * samplesPerPixel > MAX_SAMPLES_PER_FRAME) {
            throw new IllegalArgumentException("Rows " + rows + " x Columns " + columns + " x Samples per Pixel "
                    + samplesPerPixel + " exceeds " + MAX_SAMPLES_PER_FRAME + " samples per frame");
        }
        if (numberOfFrames <= 0) {
            throw new IllegalArgumentException("Number of Frames (0028,0008) " + numberOfFrames + " must be positive");
        }
    }

    /** A single-frame greyscale or colour description with High Bit = Bits Stored - 1 and colour-by-pixel. */
    public static ImagePixel of(int rows, int columns, PhotometricInterpretation pi, int bitsAllocated, int bitsStored,
                                boolean signed) {
        return new ImagePixel(rows, columns, pi.samplesPerPixel(), pi, bitsAllocated, bitsStored, bitsStored - 1,
                signed ? 1 : 0, 0, 1);
    }

    public ImagePixel withFrames(int frames) {
        return new ImagePixel(rows, columns, samplesPerPixel, photometricInterpretation, bitsAllocated, bitsStored,
                highBit, pixelRepresentation, planarConfiguration, frames);
    }

    public ImagePixel withPlanarConfiguration(int planar) {
        return new ImagePixel(rows, columns, samplesPerPixel, photometricInterpretation, bitsAllocated, bitsStored,
                highBit, pixelRepresentation, planar, numberOfFrames);
    }

    public ImagePixel withPhotometricInterpretation(PhotometricInterpretation pi) {
        return new ImagePixel(rows, columns, samplesPerPixel, pi, bitsAllocated, bitsStored, highBit,
                pixelRepresentation, planarConfiguration, numberOfFrames);
    }

    public boolean signed() {
        return pixelRepresentation == 1;
    }

    /** Pixels in one frame. */
    public int pixelsPerFrame() {
        return rows * columns;
    }

    /**
     * Bytes of one native (uncompressed) frame. YBR_FULL_422 carries two samples per pixel (Y for each pixel, Cb
     * and Cr per pair, C.7.6.3.1.2); Bits Allocated 1 packs eight pixels a byte, frames not padded
     * (PS3.5 §8.1.1).
     */
    public long bytesPerFrame() {
        long samples = (long) rows * columns * samplesPerPixel;
        if (photometricInterpretation == PhotometricInterpretation.YBR_FULL_422
                || photometricInterpretation == PhotometricInterpretation.YBR_PARTIAL_422) {
            samples = (long) rows * columns * 2;
        }
        return bitsAllocated == 1 ? (samples + 7) / 8 : samples * (bitsAllocated / 8);
    }
}
