package io.tessera.dicom.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One coded character set that ISO 2022 code extension techniques can designate to G0 or G1, with the escape
 * sequence that designates it: the rows of PS3.3 Table C.12-3 (single-byte with code extensions) and
 * Table C.12-4 (multi-byte with code extensions). The multi-byte sets are decoded through the JDK's EUC
 * charsets, which carry exactly these 94x94 sets in GR (EUC-JP also JIS X 0212 behind SS3 0x8F).
 */
enum CodeElement {
    /** ISO-IR 6, ASCII, G0: ESC ( B. */
    ASCII(false, 1, "(B", null),
    /** ISO-IR 100 Latin alphabet No. 1, G1: ESC - A. */
    LATIN_1(true, 1, "-A", "ISO-8859-1"),
    /** ISO-IR 101 Latin alphabet No. 2, G1: ESC - B. */
    LATIN_2(true, 1, "-B", "ISO-8859-2"),
    /** ISO-IR 109 Latin alphabet No. 3, G1: ESC - C. */
    LATIN_3(true, 1, "-C", "ISO-8859-3"),
    /** ISO-IR 110 Latin alphabet No. 4, G1: ESC - D. */
    LATIN_4(true, 1, "-D", "ISO-8859-4"),
    /** ISO-IR 144 Cyrillic, G1: ESC - L. */
    CYRILLIC(true, 1, "-L", "ISO-8859-5"),
    /** ISO-IR 127 Arabic, G1: ESC - G. */
    ARABIC(true, 1, "-G", "ISO-8859-6"),
    /** ISO-IR 126 Greek, G1: ESC - F. */
    GREEK(true, 1, "-F", "ISO-8859-7"),
    /** ISO-IR 138 Hebrew, G1: ESC - H. */
    HEBREW(true, 1, "-H", "ISO-8859-8"),
    /** ISO-IR 148 Latin alphabet No. 5, G1: ESC - M. */
    LATIN_5(true, 1, "-M", "ISO-8859-9"),
    /** ISO-IR 166 Thai (TIS 620-2533), G1: ESC - T. */
    THAI(true, 1, "-T", "TIS-620"),
    /** ISO-IR 13 JIS X 0201 Katakana, G1: ESC ) I (half-width katakana U+FF61..U+FF9F at 0xA1..0xDF). */
    KATAKANA(true, 1, ")I", null),
    /**
     * ISO-IR 14 JIS X 0201 Romaji, G0: ESC ( J. Decoded like ASCII: its 0x5C (YEN SIGN) is still the value
     * delimiter of PS3.5 §6.1.2.3, so mapping it to U+00A5 would hide delimiters from every caller.
     */
    ROMAJI(false, 1, "(J", null),
    /** ISO-IR 87 JIS X 0208 Kanji, G0: ESC $ B. */
    JIS_X_0208(false, 2, "$B", "EUC-JP"),
    /** ISO-IR 159 JIS X 0212 Supplementary Kanji, G0: ESC $ ( D. */
    JIS_X_0212(false, 2, "$(D", "EUC-JP"),
    /** ISO-IR 149 KS X 1001 Hangul and Hanja, G1: ESC $ ) C. */
    KS_X_1001(true, 2, "$)C", "EUC-KR"),
    /** ISO-IR 58 GB 2312 Simplified Chinese, G1: ESC $ ) A. */
    GB_2312(true, 2, "$)A", "GB2312");

    final boolean g1;
    final int bytesPerChar;
    /** The escape sequence including ESC. */
    final byte[] escape;
    final Charset charset;
    /** Decoding table for the single-byte sets (all 256 byte values), null for multi-byte sets. */
    final char[] table;

    CodeElement(boolean g1, int bytesPerChar, String escapeTail, String charsetName) {
        this.g1 = g1;
        this.bytesPerChar = bytesPerChar;
        byte[] esc = new byte[escapeTail.length() + 1];
        esc[0] = 0x1B;
        for (int i = 0; i < escapeTail.length(); i++) {
            esc[i + 1] = (byte) escapeTail.charAt(i);
        }
        this.escape = esc;
        this.charset = charsetName == null ? StandardCharsets.US_ASCII : Charset.forName(charsetName);
        this.table = bytesPerChar == 1 ? singleByteTable() : null;
    }

    private char[] singleByteTable() {
        char[] t = new char[256];
        for (int i = 0; i < 256; i++) {
            t[i] = (char) i; // ASCII in GL; unassigned GR positions fall back to ISO 8859-1, never an exception
        }
        if (name().equals("KATAKANA")) {
            for (int b = 0xA1; b <= 0xDF; b++) {
                t[b] = (char) (0xFF61 + b - 0xA1);
            }
        } else if (charset != StandardCharsets.US_ASCII) {
            byte[] all = new byte[128];
            for (int i = 0; i < 128; i++) {
                all[i] = (byte) (0x80 + i);
            }
            String s = new String(all, charset);
            if (s.length() == 128) {
                for (int i = 0; i < 128; i++) {
                    char c = s.charAt(i);
                    if (c != '\uFFFD') {
                        t[0x80 + i] = c;
                    }
                }
            }
        }
        return t;
    }

    /**
     * The bytes of one character in this set as they appear in a DICOM value (GL for G0 sets, GR for G1
     * sets), or null when the set does not contain it. {@code encoder} is this set's JDK encoder, reused.
     */
    byte[] encode(int codePoint, CharsetEncoder encoder) {
        switch (this) {
            case ASCII, ROMAJI -> {
                return codePoint >= 0x20 && codePoint < 0x7F ? new byte[] {(byte) codePoint} : null;
            }
            case KATAKANA -> {
                return codePoint >= 0xFF61 && codePoint <= 0xFF9F
                        ? new byte[] {(byte) (codePoint - 0xFF61 + 0xA1)} : null;
            }
            default -> {
                if (codePoint < 0x80 || Character.isSupplementaryCodePoint(codePoint)) {
                    return null;
                }
                byte[] b = encodeWith(encoder, (char) codePoint);
                if (b == null) {
                    return null;
                }
                return switch (this) {
                    // EUC-JP: JIS X 0208 as two GR bytes, JIS X 0212 behind SS3; DICOM writes both in GL (G0)
                    case JIS_X_0208 -> b.length == 2 && (b[0] & 0xFF) >= 0xA1
                            ? new byte[] {(byte) (b[0] & 0x7F), (byte) (b[1] & 0x7F)} : null;
                    case JIS_X_0212 -> b.length == 3 && (b[0] & 0xFF) == 0x8F
                            ? new byte[] {(byte) (b[1] & 0x7F), (byte) (b[2] & 0x7F)} : null;
                    case KS_X_1001, GB_2312 -> b.length == 2 && (b[0] & 0xFF) >= 0xA1 && (b[1] & 0xFF) >= 0xA1
                            ? b : null;
                    default -> b.length == 1 && (b[0] & 0xFF) >= 0xA0 ? b : null;
                };
            }
        }
    }

    CharsetEncoder newEncoder() {
        return charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static byte[] encodeWith(CharsetEncoder encoder, char c) {
        try {
            encoder.reset();
            ByteBuffer bb = encoder.encode(CharBuffer.wrap(new char[] {c}));
            byte[] b = new byte[bb.remaining()];
            bb.get(b);
            return b;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Multi-byte sets: the 94x94 characters by (row - 0x21) * 94 + (cell - 0x21), built on first use. */
    private volatile char[] doubleByteTable;

    /**
     * Decodes {@code len} bytes of two-byte characters (both bytes in 0x21..0x7E for G0 sets or 0xA1..0xFE for
     * G1 sets) into {@code out}; a position the set leaves empty becomes U+FFFD.
     */
    void decodeMultiByte(byte[] b, int off, int len, StringBuilder out) {
        char[] t = doubleByteTable;
        if (t == null) {
            t = buildDoubleByteTable();
            doubleByteTable = t;
        }
        for (int i = 0; i + 1 < len; i += 2) {
            int row = (b[off + i] & 0x7F) - 0x21;
            int cell = (b[off + i + 1] & 0x7F) - 0x21;
            char c = row >= 0 && row < 94 && cell >= 0 && cell < 94 ? t[row * 94 + cell] : 0;
            out.append(c == 0 ? '\uFFFD' : c);
        }
    }

    /** Each position decoded once through the JDK's EUC charset (JIS X 0212 behind SS3 0x8F in EUC-JP). */
    private char[] buildDoubleByteTable() {
        char[] t = new char[94 * 94];
        boolean sup = this == JIS_X_0212;
        byte[] pair = new byte[sup ? 3 : 2];
        if (sup) {
            pair[0] = (byte) 0x8F;
        }
        for (int row = 0; row < 94; row++) {
            for (int cell = 0; cell < 94; cell++) {
                pair[pair.length - 2] = (byte) (0xA1 + row);
                pair[pair.length - 1] = (byte) (0xA1 + cell);
                String s = new String(pair, charset);
                if (s.length() == 1 && s.charAt(0) != '\uFFFD') {
                    t[row * 94 + cell] = s.charAt(0);
                }
            }
        }
        return t;
    }
}
