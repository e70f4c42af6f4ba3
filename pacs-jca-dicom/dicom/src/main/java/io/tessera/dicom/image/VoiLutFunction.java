package io.tessera.dicom.image;

/**
 * VOI LUT Function (0028,1056), PS3.3 C.11.2.1.3: how Window Center and Window Width map input to output values.
 * Each maps an input {@code x} with centre {@code c} and width {@code w} to {@code [yMin, yMax]}.
 */
public enum VoiLutFunction {
    /** C.11.2.1.2.1, the default: the half-pixel offset form with width {@code w - 1}; requires {@code w >= 1}. */
    LINEAR {
        @Override
        public double apply(double x, double c, double w, double yMin, double yMax) {
            double lower = c - 0.5 - (w - 1) / 2;
            double upper = c - 0.5 + (w - 1) / 2;
            if (x <= lower) {
                return yMin;
            }
            if (x > upper) {
                return yMax;
            }
            return ((x - (c - 0.5)) / (w - 1) + 0.5) * (yMax - yMin) + yMin;
        }
    },
    /** C.11.2.1.3.2: exactly {@code [c - w/2, c + w/2]} onto the output range; requires {@code w > 0}. */
    LINEAR_EXACT {
        @Override
        public double apply(double x, double c, double w, double yMin, double yMax) {
            if (x <= c - w / 2) {
                return yMin;
            }
            if (x > c + w / 2) {
                return yMax;
            }
            return ((x - c) / w + 0.5) * (yMax - yMin) + yMin;
        }
    },
    /** C.11.2.1.3.1: {@code (yMax - yMin) / (1 + exp(-4 (x - c) / w)) + yMin}; requires {@code w > 0}. */
    SIGMOID {
        @Override
        public double apply(double x, double c, double w, double yMin, double yMax) {
            return (yMax - yMin) / (1 + Math.exp(-4 * (x - c) / w)) + yMin;
        }
    };

    /** Maps one input value. */
    public abstract double apply(double x, double c, double w, double yMin, double yMax);

    /** The smallest width the function accepts: LINEAR needs at least 1, the others more than 0. */
    public boolean accepts(double width) {
        return this == LINEAR ? width >= 1 : width > 0;
    }

    /** The defined term, LINEAR when absent or empty (C.11.2.1.3). Unknown terms are an error naming them. */
    public static VoiLutFunction of(String term) {
        if (term == null || term.isBlank()) {
            return LINEAR;
        }
        try {
            return valueOf(term.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("VOI LUT Function (0028,1056) '" + term.trim()
                    + "' is not LINEAR, LINEAR_EXACT or SIGMOID (PS3.3 C.11.2.1.3)");
        }
    }
}
