package io.tessera.dicom.image;

/**
 * Palette Color Lookup Table Module, PS3.3 C.7.9 and C.7.6.3.1.5/6: for PALETTE COLOR images the stored value indexes
 * three tables, Red, Green and Blue, each with 8- or 16-bit entries.
 */
public record PaletteColorLut(LookupTable red, LookupTable green, LookupTable blue) {

    public PaletteColorLut {
        if (red == null || green == null || blue == null) {
            throw new IllegalArgumentException("PALETTE COLOR needs Red, Green and Blue Palette Color Lookup Tables "
                    + "(0028,1101-1103 descriptors, 0028,1201-1203 data)");
        }
    }

    /** Packed 0xRRGGBB of a stored value, each channel reduced to 8 bits by its table's bits per entry. */
    public int rgb(int storedValue) {
        return to8(red, storedValue) << 16 | to8(green, storedValue) << 8 | to8(blue, storedValue);
    }

    private static int to8(LookupTable t, int v) {
        int e = t.lookup(v);
        return t.bitsPerEntry() > 8 ? e >>> (t.bitsPerEntry() - 8) : e;
    }
}
