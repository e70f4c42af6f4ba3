package io.tessera.dicom.data;

/**
 * A data element tag as a 32-bit int, group in the upper and element in the lower half
 * ({@code 0x00100010} is Patient's Name). Helpers for the tag arithmetic the standard defines.
 * The keyword constants are generated from the element dictionary; see {@code ElementDictionary}.
 */
public final class Tag {
    private Tag() {
    }

    public static final int Item = 0xFFFEE000;
    public static final int ItemDelimitationItem = 0xFFFEE00D;
    public static final int SequenceDelimitationItem = 0xFFFEE0DD;

    public static int of(int group, int element) {
        return (group << 16) | (element & 0xFFFF);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** Private data elements have an odd group number (PS3.5 §7.8). */
    public static boolean isPrivate(int tag) {
        return (tag & 0x00010000) != 0;
    }

    /** Private creator elements are (gggg,0010)-(gggg,00FF) in an odd group (PS3.5 §7.8.1). */
    public static boolean isPrivateCreator(int tag) {
        return isPrivate(tag) && (tag & 0xFF00) == 0 && (tag & 0xFF) >= 0x10;
    }

    /** The private creator element that reserves the block of a private element, e.g. (0029,1010) → (0029,0010). */
    public static int privateCreatorOf(int tag) {
        return (tag & 0xFFFF0000) | ((tag >>> 8) & 0xFF);
    }

    /** Group length elements (gggg,0000). */
    public static boolean isGroupLength(int tag) {
        return (tag & 0xFFFF) == 0;
    }

    /** "(0010,0010)", the form dcmdump prints. */
    public static String toString(int tag) {
        return String.format("(%04x,%04x)", tag >>> 16, tag & 0xFFFF);
    }

    /** Parses "00100010", "(0010,0010)" or "0010,0010". */
    public static int parse(String s) {
        String hex = s.replaceAll("[(),\\s]", "");
        if (hex.length() != 8) {
            throw new IllegalArgumentException("Not a tag: " + s);
        }
        return (int) Long.parseLong(hex, 16);
    }
}
