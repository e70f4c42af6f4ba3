package io.tessera.dicom.image;

/**
 * Which Value Of Interest transformation (PS3.3 C.11.2) to apply to a greyscale frame: an explicit window, one of the
 * file's presets (Window Center/Width value n, or VOI LUT Sequence item n), a window computed from the frame's
 * modality values, or the default ({@link #auto()}).
 */
public sealed interface VoiSelection {

    /** A window given by the caller, in modality values. */
    record Explicit(Window window) implements VoiSelection {
    }

    /** The file's Window Center/Width pair number n (1-based, as dcmtk's {@code +Wi n}). */
    record Preset(int number) implements VoiSelection {
    }

    /** The file's VOI LUT Sequence item number n (1-based, as dcmtk's {@code +Wl n}). */
    record Lut(int number) implements VoiSelection {
    }

    /** From the smallest to the largest modality value of the frame, padding values excluded. */
    record MinMax() implements VoiSelection {
    }

    /** The first window preset, else the first VOI LUT, else {@link MinMax}. */
    record Auto() implements VoiSelection {
    }

    static VoiSelection window(double center, double width) {
        return new Explicit(new Window(center, width));
    }

    static VoiSelection window(double center, double width, VoiLutFunction function) {
        return new Explicit(new Window(center, width, function, null));
    }

    static VoiSelection preset(int number) {
        return new Preset(number);
    }

    static VoiSelection lut(int number) {
        return new Lut(number);
    }

    static VoiSelection minMax() {
        return new MinMax();
    }

    static VoiSelection auto() {
        return new Auto();
    }
}
