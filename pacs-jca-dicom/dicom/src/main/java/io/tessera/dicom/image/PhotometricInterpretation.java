package io.tessera.dicom.image;

/**
 * Photometric Interpretation (0028,0004), PS3.3 C.7.6.3.1.2: how stored samples are to be interpreted.
 */
public enum PhotometricInterpretation {
    /** Greyscale, minimum sample value displayed white. */
    MONOCHROME1("MONOCHROME1", 1),
    /** Greyscale, minimum sample value displayed black. */
    MONOCHROME2("MONOCHROME2", 1),
    /** One sample per pixel, an index into the Red, Green and Blue Palette Color Lookup Tables. */
    PALETTE_COLOR("PALETTE COLOR", 1),
    RGB("RGB", 3),
    /** Y, Cb, Cr with full range (C.7.6.3.1.2 equations). */
    YBR_FULL("YBR_FULL", 3),
    /** YBR_FULL with Cb and Cr sampled horizontally at half the Y rate: Y1 Y2 Cb Cr per pixel pair. */
    YBR_FULL_422("YBR_FULL_422", 3),
    YBR_PARTIAL_422("YBR_PARTIAL_422", 3),
    YBR_PARTIAL_420("YBR_PARTIAL_420", 3),
    /** Irreversible colour transform of JPEG 2000; only with JPEG 2000 syntaxes. */
    YBR_ICT("YBR_ICT", 3),
    /** Reversible colour transform of JPEG 2000; only with JPEG 2000 syntaxes. */
    YBR_RCT("YBR_RCT", 3);

    private final String code;
    private final int samplesPerPixel;

    PhotometricInterpretation(String code, int samplesPerPixel) {
        this.code = code;
        this.samplesPerPixel = samplesPerPixel;
    }

    /** The Defined Term as it appears in the data set. */
    public String code() {
        return code;
    }

    /** Samples per Pixel (0028,0002) this interpretation requires. */
    public int samplesPerPixel() {
        return samplesPerPixel;
    }

    public boolean isMonochrome() {
        return this == MONOCHROME1 || this == MONOCHROME2;
    }

    public boolean isYbr() {
        return name().startsWith("YBR");
    }

    /** Parses the Defined Term, ignoring padding; an unknown term is an error naming it. */
    public static PhotometricInterpretation of(String code) {
        if (code == null) {
            throw new IllegalArgumentException("Photometric Interpretation (0028,0004) missing");
        }
        String c = code.trim();
        for (PhotometricInterpretation p : values()) {
            if (p.code.equals(c)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Photometric Interpretation (0028,0004) '" + c + "' is not a PS3.3 C.7.6.3.1.2 "
                + "defined term");
    }
}
