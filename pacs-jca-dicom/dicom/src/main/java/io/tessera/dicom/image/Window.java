package io.tessera.dicom.image;

/**
 * One VOI window, PS3.3 C.11.2.1.2: Window Center (0028,1050), Window Width (0028,1051), the matching Window
 * Center &amp; Width Explanation (0028,1055) value and the VOI LUT Function (0028,1056). Centre and width are in
 * modality values (after rescale).
 */
public record Window(double center, double width, VoiLutFunction function, String explanation) {

    public Window {
        if (function == null) {
            function = VoiLutFunction.LINEAR;
        }
        if (!Double.isFinite(center) || !function.accepts(width)) {
            throw new IllegalArgumentException("Window Center " + center + " / Width " + width
                    + " not usable with VOI LUT Function " + function + " (PS3.3 C.11.2.1.2: LINEAR needs width >= 1)");
        }
    }

    /** A LINEAR window, the default function. */
    public Window(double center, double width) {
        this(center, width, VoiLutFunction.LINEAR, null);
    }

    /** Output in {@code [yMin, yMax]} for a modality value. */
    public double apply(double x, double yMin, double yMax) {
        return function.apply(x, center, width, yMin, yMax);
    }
}
