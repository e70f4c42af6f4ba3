package io.tessera.dicom.image;

/**
 * Modality LUT Module, PS3.3 C.11.1: stored values to modality values (e.g. Hounsfield units), either linearly with
 * Rescale Slope (0028,1053) and Rescale Intercept (0028,1052), or through the one item of the Modality LUT Sequence
 * (0028,3000). When both are present the sequence wins (they are mutually exclusive, C.11.1; a LUT is the more
 * specific statement).
 *
 * @param slope Rescale Slope, 1 when absent
 * @param intercept Rescale Intercept, 0 when absent
 * @param type Rescale Type (0028,1054) or Modality LUT Type (0028,3004), or null
 * @param lut the Modality LUT, or null for the linear rescale
 */
public record ModalityLut(double slope, double intercept, String type, LookupTable lut) {

    /** The identity: stored values are modality values. */
    public static final ModalityLut IDENTITY = new ModalityLut(1, 0, null, null);

    public static ModalityLut rescale(double slope, double intercept, String type) {
        if (!(slope != 0 && Double.isFinite(slope) && Double.isFinite(intercept))) {
            throw new IllegalArgumentException("Rescale Slope (0028,1053) " + slope + " / Intercept (0028,1052) "
                    + intercept + " unusable");
        }
        return new ModalityLut(slope, intercept, type, null);
    }

    public static ModalityLut of(LookupTable lut, String type) {
        return new ModalityLut(1, 0, type, lut);
    }

    public boolean isIdentity() {
        return lut == null && slope == 1 && intercept == 0;
    }

    /** The modality value of a stored value, C.11.1.1.2: {@code m*SV + b}, or the LUT entry. */
    public double apply(int storedValue) {
        return lut != null ? lut.lookup(storedValue) : storedValue * slope + intercept;
    }
}
