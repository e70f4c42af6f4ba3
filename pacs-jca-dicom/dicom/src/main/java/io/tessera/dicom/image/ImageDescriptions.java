package io.tessera.dicom.image;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.BulkData;
import io.tessera.dicom.data.Sequence;
import io.tessera.dicom.data.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an {@link ImageDescription} from a data set: the Image Pixel Module (PS3.3 C.7.6.3), Modality LUT (C.11.1),
 * VOI LUT (C.11.2), Palette Color LUT (C.7.9) and Pixel Padding (C.7.5.1.1.2) attributes. For enhanced multi-frame
 * objects the Pixel Value Transformation (C.7.6.16.2.9) and Frame VOI LUT (C.7.6.16.2.10) macros of the frame's
 * Per-frame Functional Groups item, else of the Shared Functional Groups, take the place of the top-level attributes.
 */
public final class ImageDescriptions {

    private static final int PIXEL_VALUE_TRANSFORMATION_SEQUENCE = 0x00289145;
    private static final int FRAME_VOI_LUT_SEQUENCE = 0x00289132;
    private static final int SHARED_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009229;
    private static final int PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE = 0x52009230;

    private ImageDescriptions() {
    }

    /** The description of frame 1 (or of a single-frame image). */
    public static ImageDescription of(Attributes ds) {
        return of(ds, 1);
    }

    /**
     * The description that applies to one frame.
     *
     * @param frameNumber 1-based, as DICOM numbers frames
     * @throws IllegalArgumentException naming the attribute that is missing or wrong
     */
    public static ImageDescription of(Attributes ds, int frameNumber) {
        ImagePixel pixel = imagePixel(ds);
        boolean signed = pixel.signed();

        Attributes rescaleSource = functionalGroup(ds, frameNumber, PIXEL_VALUE_TRANSFORMATION_SEQUENCE);
        Attributes voiSource = functionalGroup(ds, frameNumber, FRAME_VOI_LUT_SEQUENCE);
        ModalityLut modality = modalityLut(ds, rescaleSource == null ? ds : rescaleSource, signed);
        Attributes v = voiSource == null ? ds : voiSource;
        List<Window> windows = windows(v);
        List<LookupTable> voiLuts = new ArrayList<>();
        Sequence voiSeq = ds.getSequence(Tag.VOILUTSequence);
        if (voiSeq != null) {
            // The VOI LUT's input is the Modality LUT's output: signed when the stored values are and the rescale
            // keeps them as they are, or when a negative intercept makes them so (C.11.2.1.1).
            boolean voiSigned = signed || modality.intercept() < 0;
            for (Attributes item : voiSeq) {
                voiLuts.add(lut(item, voiSigned, "VOI LUT Sequence (0028,3010)"));
            }
        }
        PaletteColorLut palette = null;
        if (pixel.photometricInterpretation() == PhotometricInterpretation.PALETTE_COLOR) {
            palette = palette(ds, signed);
        }
        Integer padding = ds.contains(Tag.PixelPaddingValue) ? ds.getInt(Tag.PixelPaddingValue, 0) : null;
        Integer limit = ds.contains(Tag.PixelPaddingRangeLimit) ? ds.getInt(Tag.PixelPaddingRangeLimit, 0) : null;
        return new ImageDescription(pixel, modality, windows, voiLuts, palette, padding, limit);
    }

    /** The Image Pixel Module attributes that lay out Pixel Data. */
    public static ImagePixel imagePixel(Attributes ds) {
        int rows = required(ds, Tag.Rows, "Rows (0028,0010)");
        int columns = required(ds, Tag.Columns, "Columns (0028,0011)");
        int samples = ds.getInt(Tag.SamplesPerPixel, 1);
        String piCode = ds.getString(Tag.PhotometricInterpretation);
        // ACR-NEMA files have no Photometric Interpretation; their monochrome meaning is the only one possible.
        PhotometricInterpretation pi = piCode == null && samples == 1
                ? PhotometricInterpretation.MONOCHROME2 : PhotometricInterpretation.of(piCode);
        int bitsAllocated = required(ds, Tag.BitsAllocated, "Bits Allocated (0028,0100)");
        int bitsStored = ds.getInt(Tag.BitsStored, bitsAllocated);
        int highBit = ds.getInt(Tag.HighBit, bitsStored - 1);
        int pixelRepresentation = ds.getInt(Tag.PixelRepresentation, 0);
        int planar = samples > 1 ? ds.getInt(Tag.PlanarConfiguration, 0) : 0;
        int frames = ds.getInt(Tag.NumberOfFrames, 1);
        return new ImagePixel(rows, columns, samples, pi, bitsAllocated, bitsStored, highBit, pixelRepresentation,
                planar, Math.max(1, frames));
    }

    private static int required(Attributes ds, int tag, String name) {
        int[] v = ds.getInts(tag);
        if (v == null || v.length == 0) {
            throw new IllegalArgumentException(name + " missing or empty");
        }
        return v[0];
    }

    /** The macro's item from the frame's Per-frame Functional Groups item, else from the Shared one, else null. */
    private static Attributes functionalGroup(Attributes ds, int frameNumber, int macroTag) {
        Sequence perFrame = ds.getSequence(PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
        if (perFrame != null && frameNumber >= 1 && frameNumber <= perFrame.size()) {
            Sequence macro = perFrame.get(frameNumber - 1).getSequence(macroTag);
            if (macro != null && !macro.isEmpty()) {
                return macro.get(0);
            }
        }
        Sequence shared = ds.getSequence(SHARED_FUNCTIONAL_GROUPS_SEQUENCE);
        if (shared != null && !shared.isEmpty()) {
            Sequence macro = shared.get(0).getSequence(macroTag);
            if (macro != null && !macro.isEmpty()) {
                return macro.get(0);
            }
        }
        return null;
    }

    private static ModalityLut modalityLut(Attributes ds, Attributes rescale, boolean signed) {
        Sequence seq = ds.getSequence(Tag.ModalityLUTSequence);
        if (seq != null && !seq.isEmpty()) {
            Attributes item = seq.get(0);
            return ModalityLut.of(lut(item, signed, "Modality LUT Sequence (0028,3000)"),
                    item.getString(Tag.ModalityLUTType));
        }
        if (!rescale.contains(Tag.RescaleSlope) && !rescale.contains(Tag.RescaleIntercept)) {
            return ModalityLut.IDENTITY;
        }
        return ModalityLut.rescale(rescale.getDouble(Tag.RescaleSlope, 1), rescale.getDouble(Tag.RescaleIntercept, 0),
                rescale.getString(Tag.RescaleType));
    }

    /** Window Center/Width pairs; a width unusable with the function (e.g. 0) drops that preset, not the image. */
    private static List<Window> windows(Attributes ds) {
        double[] centers = ds.getDoubles(Tag.WindowCenter);
        double[] widths = ds.getDoubles(Tag.WindowWidth);
        if (centers == null || widths == null) {
            return List.of();
        }
        String[] explanations = ds.getStrings(Tag.WindowCenterWidthExplanation);
        VoiLutFunction function = VoiLutFunction.of(ds.getString(Tag.VOILUTFunction));
        List<Window> out = new ArrayList<>();
        for (int i = 0; i < Math.min(centers.length, widths.length); i++) {
            if (function.accepts(widths[i])) {
                String explanation = explanations != null && i < explanations.length ? explanations[i] : null;
                out.add(new Window(centers[i], widths[i], function, explanation));
            }
        }
        return out;
    }

    private static LookupTable lut(Attributes item, boolean signed, String where) {
        int[] descriptor = item.getInts(Tag.LUTDescriptor);
        if (descriptor == null) {
            throw new IllegalArgumentException(where + " item without LUT Descriptor (0028,3002)");
        }
        byte[] data = bytes(item, Tag.LUTData);
        if (data == null) {
            throw new IllegalArgumentException(where + " item without LUT Data (0028,3006)");
        }
        return LookupTable.of(descriptor, data, item.bigEndian(), signed, item.getString(Tag.LUTExplanation));
    }

    private static PaletteColorLut palette(Attributes ds, boolean signed) {
        if (ds.contains(Tag.SegmentedRedPaletteColorLookupTableData)) {
            throw new IllegalArgumentException("Segmented Palette Color Lookup Table Data (0028,1221) is not supported; "
                    + "only the plain Palette Color Lookup Table Data (0028,1201-1203)");
        }
        return new PaletteColorLut(
                paletteLut(ds, Tag.RedPaletteColorLookupTableDescriptor, Tag.RedPaletteColorLookupTableData, "Red",
                        signed),
                paletteLut(ds, Tag.GreenPaletteColorLookupTableDescriptor, Tag.GreenPaletteColorLookupTableData,
                        "Green", signed),
                paletteLut(ds, Tag.BluePaletteColorLookupTableDescriptor, Tag.BluePaletteColorLookupTableData, "Blue",
                        signed));
    }

    private static LookupTable paletteLut(Attributes ds, int descriptorTag, int dataTag, String colour,
                                          boolean signed) {
        int[] descriptor = ds.getInts(descriptorTag);
        byte[] data = bytes(ds, dataTag);
        if (descriptor == null || data == null) {
            throw new IllegalArgumentException(String.format("PALETTE COLOR needs %s Palette Color Lookup Table "
                    + "Descriptor (%04X,%04X) and Data (%04X,%04X)", colour, descriptorTag >>> 16, descriptorTag & 0xFFFF,
                    dataTag >>> 16, dataTag & 0xFFFF));
        }
        return LookupTable.of(descriptor, data, ds.bigEndian(), signed, null);
    }

    /** A value's bytes, read from the file when the reader left it there as bulk data. */
    private static byte[] bytes(Attributes ds, int tag) {
        Object v = ds.getValue(tag);
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof BulkData bulk) {
            try {
                return bulk.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }
}
