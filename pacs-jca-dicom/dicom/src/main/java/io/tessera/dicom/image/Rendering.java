package io.tessera.dicom.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * Turns a decoded frame into an 8-bit image to display. Greyscale follows the grayscale pipeline of PS3.4 N.2.1
 * (Modality LUT → VOI LUT → Presentation LUT): modality values by {@link ModalityLut}, the VOI chosen by
 * {@link VoiSelection} onto 0..255, then MONOCHROME1 inverted (its minimum is white, C.7.6.3.1.2). Colour frames are
 * kept as colour: RGB as is (reduced to 8 bits), YBR_FULL converted with the C.7.6.3.1.2 equations, PALETTE COLOR
 * through the palette.
 */
public final class Rendering {

    /** Beyond this many distinct stored values the greyscale path maps each pixel instead of building a table. */
    private static final long MAX_TABLE = 1 << 22;

    private Rendering() {
    }

    /** Renders a frame: TYPE_BYTE_GRAY for MONOCHROME1/2, TYPE_INT_RGB for colour. */
    public static BufferedImage render(ImageDescription d, Frame f, VoiSelection voi) throws PixelDataException {
        return switch (f.photometricInterpretation()) {
            case MONOCHROME1, MONOCHROME2 -> grey(d, f, voi);
            case PALETTE_COLOR -> palette(d, f);
            case RGB -> rgb(f);
            case YBR_FULL -> ybrFull(f);
            default -> throw new PixelDataException("Photometric Interpretation "
                    + f.photometricInterpretation().code() + " cannot be rendered from decoded samples");
        };
    }

    /** The window a selection resolves to for this frame, or null when it resolves to a VOI LUT. */
    public static Window window(ImageDescription d, Frame f, VoiSelection voi) throws PixelDataException {
        if (voi instanceof VoiSelection.Explicit e) {
            return e.window();
        }
        if (voi instanceof VoiSelection.Preset p) {
            if (p.number() < 1 || p.number() > d.windows().size()) {
                throw new PixelDataException("window preset " + p.number() + " requested, the data set has "
                        + d.windows().size() + " usable Window Center/Width pair(s)");
            }
            return d.windows().get(p.number() - 1);
        }
        if (voi instanceof VoiSelection.Lut) {
            return null;
        }
        if (voi instanceof VoiSelection.Auto) {
            if (!d.windows().isEmpty()) {
                return d.windows().get(0);
            }
            if (!d.voiLuts().isEmpty()) {
                return null;
            }
        }
        return minMaxWindow(d, f);
    }

    /**
     * The window spanning the frame's modality values, padding excluded: centre (min + max + 1) / 2 and width
     * max - min + 1, so that with LINEAR (C.11.2.1.2.1) min maps to black and max to white, as dcmtk's min-max
     * window does.
     */
    public static Window minMaxWindow(ImageDescription d, Frame f) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int spp = f.samplesPerPixel();
        int[] s = f.samples();
        ModalityLut m = d.modalityLut();
        for (int i = 0; i < s.length; i += spp) {
            if (d.isPadding(s[i])) {
                continue;
            }
            double v = m.apply(s[i]);
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        if (lo > hi) { // every pixel is padding
            lo = hi = 0;
        }
        return new Window((lo + hi + 1) / 2, Math.max(1, hi - lo + 1), VoiLutFunction.LINEAR, "min-max");
    }

    private static BufferedImage grey(ImageDescription d, Frame f, VoiSelection voi) throws PixelDataException {
        Window w = window(d, f, voi);
        LookupTable voiLut = null;
        if (w == null) {
            int number = voi instanceof VoiSelection.Lut l ? l.number() : 1;
            if (number < 1 || number > d.voiLuts().size()) {
                throw new PixelDataException("VOI LUT " + number + " requested, the VOI LUT Sequence (0028,3010) has "
                        + d.voiLuts().size() + " item(s)");
            }
            voiLut = d.voiLuts().get(number - 1);
        }
        boolean invert = f.photometricInterpretation() == PhotometricInterpretation.MONOCHROME1;
        ModalityLut m = d.modalityLut();
        int[] s = f.samples();
        BufferedImage img = new BufferedImage(f.columns(), f.rows(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int v : s) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if ((long) max - min < MAX_TABLE) {
            byte[] table = new byte[max - min + 1];
            for (int v = min; v <= max; v++) {
                table[v - min] = (byte) grey(m.apply(v), w, voiLut, invert);
            }
            for (int i = 0; i < s.length; i++) {
                out[i] = table[s[i] - min];
            }
        } else {
            for (int i = 0; i < s.length; i++) {
                out[i] = (byte) grey(m.apply(s[i]), w, voiLut, invert);
            }
        }
        return img;
    }

    /** One modality value to a displayed grey level 0..255. */
    private static int grey(double modality, Window w, LookupTable voiLut, boolean invert) {
        double y;
        if (w != null) {
            y = w.apply(modality, 0, 255);
        } else {
            // C.11.2.1.1: the VOI LUT's input is the modality value; its output range is 0..2^bits-1.
            y = voiLut.lookup((int) Math.round(modality)) * 255.0 / voiLut.maxEntryValue();
        }
        int g = (int) Math.round(Math.max(0, Math.min(255, y)));
        return invert ? 255 - g : g;
    }

    private static BufferedImage palette(ImageDescription d, Frame f) throws PixelDataException {
        if (d.palette() == null) {
            throw new PixelDataException("PALETTE COLOR frame without a palette");
        }
        BufferedImage img = new BufferedImage(f.columns(), f.rows(), BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int[] s = f.samples();
        PaletteColorLut p = d.palette();
        for (int i = 0; i < s.length; i++) {
            out[i] = p.rgb(s[i]);
        }
        return img;
    }

    private static BufferedImage rgb(Frame f) {
        BufferedImage img = new BufferedImage(f.columns(), f.rows(), BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int[] s = f.samples();
        int shift = Math.max(0, f.bitsStored() - 8);
        for (int i = 0, p = 0; i < out.length; i++, p += 3) {
            out[i] = clamp8(s[p] >> shift) << 16 | clamp8(s[p + 1] >> shift) << 8 | clamp8(s[p + 2] >> shift);
        }
        return img;
    }

    /**
     * YBR_FULL to RGB, PS3.3 C.7.6.3.1.2: R = Y + 1.402 (Cr - 128), G = Y - 0.3441 (Cb - 128) - 0.7141 (Cr - 128),
     * B = Y + 1.772 (Cb - 128), on samples reduced to 8 bits.
     */
    private static BufferedImage ybrFull(Frame f) {
        BufferedImage img = new BufferedImage(f.columns(), f.rows(), BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int[] s = f.samples();
        int shift = Math.max(0, f.bitsStored() - 8);
        for (int i = 0, p = 0; i < out.length; i++, p += 3) {
            double y = s[p] >> shift;
            double cb = (s[p + 1] >> shift) - 128;
            double cr = (s[p + 2] >> shift) - 128;
            int r = clamp8((int) Math.round(y + 1.402 * cr));
            int g = clamp8((int) Math.round(y - 0.3441 * cb - 0.7141 * cr));
            int b = clamp8((int) Math.round(y + 1.772 * cb));
            out[i] = r << 16 | g << 8 | b;
        }
        return img;
    }

    private static int clamp8(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
