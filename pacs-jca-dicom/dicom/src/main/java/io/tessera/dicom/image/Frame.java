package io.tessera.dicom.image;

/**
 * One decoded frame: the stored values of every sample, colour-by-pixel ({@code (y * columns + x) * samples + s}),
 * masked to Bits Stored and sign-extended when signed. These are the values PS3.3 calls stored pixel values, before
 * any Modality LUT; they equal what dcmtk's decompressors write for lossless syntaxes.
 *
 * @param photometricInterpretation how the samples are to be read now: RGB for a YBR JPEG the decoder converted,
 *     YBR_FULL for YBR_FULL_422 native data once up-sampled, otherwise the data set's value
 */
public record Frame(int rows, int columns, int samplesPerPixel, PhotometricInterpretation photometricInterpretation,
                    int bitsStored, boolean signed, int[] samples) {

    public Frame {
        if ((long) rows * columns * samplesPerPixel != samples.length) {
            throw new IllegalArgumentException("frame of " + rows + "x" + columns + "x" + samplesPerPixel + " has "
                    + samples.length + " samples");
        }
    }

    /** Stored value of sample {@code s} of pixel (x, y). */
    public int sample(int x, int y, int s) {
        return samples[(y * columns + x) * samplesPerPixel + s];
    }

    /** Stored value of a single-sample pixel. */
    public int sample(int x, int y) {
        return samples[y * columns + x];
    }
}
