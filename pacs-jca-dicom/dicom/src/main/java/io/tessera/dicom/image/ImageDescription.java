package io.tessera.dicom.image;

import java.util.List;

/**
 * Everything needed to turn the Pixel Data of an image into something to look at: the Image Pixel Module layout
 * (PS3.3 C.7.6.3), the Modality LUT (C.11.1), the VOI LUT presets (C.11.2: windows and LUTs), the palette for
 * PALETTE COLOR (C.7.9) and the padding values excluded from computed windows (C.7.5.1.1.2).
 *
 * @param pixel the pixel layout
 * @param modalityLut stored to modality values; {@link ModalityLut#IDENTITY} when the data set has none
 * @param windows Window Center/Width pairs in file order (the file's presets), possibly empty
 * @param voiLuts items of the VOI LUT Sequence (0028,3010) in file order, possibly empty
 * @param palette the palette, required for PALETTE COLOR, otherwise null
 * @param pixelPaddingValue Pixel Padding Value (0028,0120) as a stored value, or null
 * @param pixelPaddingRangeLimit Pixel Padding Range Limit (0028,0121), or null: with it every stored value between
 *     the two (inclusive) is padding
 */
public record ImageDescription(ImagePixel pixel, ModalityLut modalityLut, List<Window> windows,
                               List<LookupTable> voiLuts, PaletteColorLut palette, Integer pixelPaddingValue,
                               Integer pixelPaddingRangeLimit) {

    public ImageDescription {
        if (pixel == null) {
            throw new IllegalArgumentException("Image Pixel Module missing");
        }
        modalityLut = modalityLut == null ? ModalityLut.IDENTITY : modalityLut;
        windows = windows == null ? List.of() : List.copyOf(windows);
        voiLuts = voiLuts == null ? List.of() : List.copyOf(voiLuts);
        if (pixel.photometricInterpretation() == PhotometricInterpretation.PALETTE_COLOR && palette == null) {
            throw new IllegalArgumentException("PALETTE COLOR image without Red, Green and Blue Palette Color Lookup "
                    + "Tables (PS3.3 C.7.6.3.1.5)");
        }
    }

    /** A description with only the pixel layout: identity modality LUT, no presets, no palette, no padding. */
    public static ImageDescription of(ImagePixel pixel) {
        return new ImageDescription(pixel, ModalityLut.IDENTITY, List.of(), List.of(), null, null, null);
    }

    public ImageDescription withModalityLut(ModalityLut lut) {
        return new ImageDescription(pixel, lut, windows, voiLuts, palette, pixelPaddingValue, pixelPaddingRangeLimit);
    }

    public ImageDescription withWindows(List<Window> w) {
        return new ImageDescription(pixel, modalityLut, w, voiLuts, palette, pixelPaddingValue, pixelPaddingRangeLimit);
    }

    public ImageDescription withVoiLuts(List<LookupTable> l) {
        return new ImageDescription(pixel, modalityLut, windows, l, palette, pixelPaddingValue, pixelPaddingRangeLimit);
    }

    public ImageDescription withPalette(PaletteColorLut p) {
        return new ImageDescription(pixel, modalityLut, windows, voiLuts, p, pixelPaddingValue, pixelPaddingRangeLimit);
    }

    public ImageDescription withPixelPadding(Integer value, Integer rangeLimit) {
        return new ImageDescription(pixel, modalityLut, windows, voiLuts, palette, value, rangeLimit);
    }

    public ImageDescription withPixel(ImagePixel p) {
        return new ImageDescription(p, modalityLut, windows, voiLuts, palette, pixelPaddingValue,
                pixelPaddingRangeLimit);
    }

    /** Whether a stored value is padding, PS3.3 C.7.5.1.1.2 (value, or the range between value and limit). */
    public boolean isPadding(int storedValue) {
        if (pixelPaddingValue == null) {
            return false;
        }
        if (pixelPaddingRangeLimit == null) {
            return storedValue == pixelPaddingValue;
        }
        int lo = Math.min(pixelPaddingValue, pixelPaddingRangeLimit);
        int hi = Math.max(pixelPaddingValue, pixelPaddingRangeLimit);
        return storedValue >= lo && storedValue <= hi;
    }
}
