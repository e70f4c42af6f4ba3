package io.tessera.dicom.text;

import io.tessera.dicom.data.VR;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The character repertoires named by Specific Character Set (0008,0005), PS3.3 C.12.1.1.2 and PS3.5 §6.1:
 * decodes and encodes the values of the text VRs (SH, LO, ST, LT, UC, UT, PN) of one data set.
 *
 * <p>Three shapes, chosen once in {@link #valueOf} so decoding never looks a charset up per call:
 * <ul>
 *   <li>one single-byte repertoire without code extensions (no value, ISO_IR 6, ISO_IR 100 … ISO_IR 166,
 *       ISO_IR 13), decoded through a 256-entry table or the JDK's ISO 8859-1 intrinsic;</li>
 *   <li>a repertoire without code extensions that is not ISO 2022 at all (ISO_IR 192 UTF-8, GB18030, GBK,
 *       PS3.3 Table C.12-5), decoded by the JDK;</li>
 *   <li>ISO 2022 code extensions (any "ISO 2022 IR n" term, or several values): a G0 and a G1 set designated
 *       by escape sequences (PS3.3 Tables C.12-3 and C.12-4), falling back to the sets of value 1 at CR, LF,
 *       FF, TAB and the value delimiter "\", and in person names at "^" and "=" (PS3.5 §6.1.2.5.3).</li>
 * </ul>
 *
 * <p>Unknown defined terms never throw: bytes then decode as ISO 8859-1 (ASCII-compatible and total), and
 * {@link #isKnown()} says so, so a caller can warn once per data set.
 */
public final class SpecificCharacterSet {

    /** The default repertoire (ISO_IR 6) when a data set has no Specific Character Set. */
    public static final SpecificCharacterSet ASCII = new SpecificCharacterSet(new String[0], Mode.LATIN1, null,
            null, null, null, true);

    /** ISO_IR 192, UTF-8 (PS3.3 Table C.12-5). */
    public static final SpecificCharacterSet UTF_8 = new SpecificCharacterSet(new String[] {"ISO_IR 192"},
            Mode.CHARSET, StandardCharsets.UTF_8, null, null, null, true);

    private static final byte ESC = 0x1B;

    /** How values are decoded; see the class comment. */
    private enum Mode { LATIN1, TABLE, CHARSET, ISO_2022 }

    /** The code elements a defined term designates: G0 then G1, either may be null (PS3.3 Tables C.12-2 to C.12-4). */
    private record Term(CodeElement g0, CodeElement g1, boolean extensions) {
    }

    private static final Map<String, Term> TERMS = Map.ofEntries(
            Map.entry("ISO_IR 6", new Term(CodeElement.ASCII, null, false)),
            Map.entry("ISO 2022 IR 6", new Term(CodeElement.ASCII, null, true)),
            Map.entry("ISO_IR 100", new Term(CodeElement.ASCII, CodeElement.LATIN_1, false)),
            Map.entry("ISO 2022 IR 100", new Term(CodeElement.ASCII, CodeElement.LATIN_1, true)),
            Map.entry("ISO_IR 101", new Term(CodeElement.ASCII, CodeElement.LATIN_2, false)),
            Map.entry("ISO 2022 IR 101", new Term(CodeElement.ASCII, CodeElement.LATIN_2, true)),
            Map.entry("ISO_IR 109", new Term(CodeElement.ASCII, CodeElement.LATIN_3, false)),
            Map.entry("ISO 2022 IR 109", new Term(CodeElement.ASCII, CodeElement.LATIN_3, true)),
            Map.entry("ISO_IR 110", new Term(CodeElement.ASCII, CodeElement.LATIN_4, false)),
            Map.entry("ISO 2022 IR 110", new Term(CodeElement.ASCII, CodeElement.LATIN_4, true)),
            Map.entry("ISO_IR 144", new Term(CodeElement.ASCII, CodeElement.CYRILLIC, false)),
            Map.entry("ISO 2022 IR 144", new Term(CodeElement.ASCII, CodeElement.CYRILLIC, true)),
            Map.entry("ISO_IR 127", new Term(CodeElement.ASCII, CodeElement.ARABIC, false)),
            Map.entry("ISO 2022 IR 127", new Term(CodeElement.ASCII, CodeElement.ARABIC, true)),
            Map.entry("ISO_IR 126", new Term(CodeElement.ASCII, CodeElement.GREEK, false)),
            Map.entry("ISO 2022 IR 126", new Term(CodeElement.ASCII, CodeElement.GREEK, true)),
            Map.entry("ISO_IR 138", new Term(CodeElement.ASCII, CodeElement.HEBREW, false)),
            Map.entry("ISO 2022 IR 138", new Term(CodeElement.ASCII, CodeElement.HEBREW, true)),
            Map.entry("ISO_IR 148", new Term(CodeElement.ASCII, CodeElement.LATIN_5, false)),
            Map.entry("ISO 2022 IR 148", new Term(CodeElement.ASCII, CodeElement.LATIN_5, true)),
            Map.entry("ISO_IR 166", new Term(CodeElement.ASCII, CodeElement.THAI, false)),
            Map.entry("ISO 2022 IR 166", new Term(CodeElement.ASCII, CodeElement.THAI, true)),
            Map.entry("ISO_IR 13", new Term(CodeElement.ROMAJI, CodeElement.KATAKANA, false)),
            Map.entry("ISO 2022 IR 13", new Term(CodeElement.ROMAJI, CodeElement.KATAKANA, true)),
            Map.entry("ISO 2022 IR 87", new Term(CodeElement.JIS_X_0208, null, true)),
            Map.entry("ISO 2022 IR 159", new Term(CodeElement.JIS_X_0212, null, true)),
            Map.entry("ISO 2022 IR 149", new Term(null, CodeElement.KS_X_1001, true)),
            Map.entry("ISO 2022 IR 58", new Term(null, CodeElement.GB_2312, true)));

    /** Repertoires without code extensions that are not ISO 2022 (PS3.3 Table C.12-5). */
    private static final Map<String, Charset> UNICODE_AND_GB = Map.of(
            "ISO_IR 192", StandardCharsets.UTF_8,
            "GB18030", Charset.forName("GB18030"),
            "GBK", Charset.forName("GBK"));

    /** Instances by joined codes; the values of (0008,0005) repeat across a whole archive. */
    private static final Map<String, SpecificCharacterSet> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 256;

    private final String[] codes;
    private final Mode mode;
    /** Mode.CHARSET: the charset; Mode.TABLE: the charset used to encode. */
    private final Charset charset;
    /** Mode.TABLE: byte → char. */
    private final char[] table;
    /** Mode.TABLE and Mode.ISO_2022: the sets of value 1, active at the start of every value and after each reset. */
    private final CodeElement initialG0;
    private final CodeElement initialG1;
    /** Mode.ISO_2022: the sets (0008,0005) declares, in the order of its values, for the encoder to choose from. */
    private final CodeElement[] declared;
    private final boolean known;

    private SpecificCharacterSet(String[] codes, Mode mode, Charset charset, CodeElement g0, CodeElement g1,
                                 CodeElement[] declared, boolean known) {
        this.codes = codes;
        this.mode = mode;
        this.charset = charset;
        this.initialG0 = g0;
        this.initialG1 = g1;
        this.table = mode == Mode.TABLE ? g1.table : null;
        this.declared = declared;
        this.known = known;
    }

    /**
     * The repertoire named by the values of (0008,0005); no value or only empty values means the default.
     * Values are trimmed (CS padding); one string holding "\"-separated values is split. Never throws: unknown
     * terms are kept in {@link #codes()} and make {@link #isKnown()} false.
     */
    public static SpecificCharacterSet valueOf(String... codes) {
        if (codes == null || codes.length == 0) {
            return ASCII;
        }
        if (codes.length == 1 && codes[0] != null) { // the common case: no join, no copy
            SpecificCharacterSet cs = CACHE.get(codes[0]);
            if (cs != null) {
                return cs;
            }
        }
        if (codes.length == 1 && codes[0] != null && codes[0].indexOf('\\') >= 0) {
            codes = codes[0].split("\\\\", -1); // the raw multi-valued string of (0008,0005)
        }
        String[] trimmed = new String[codes.length];
        boolean allEmpty = true;
        for (int i = 0; i < codes.length; i++) {
            trimmed[i] = codes[i] == null ? "" : codes[i].strip();
            allEmpty &= trimmed[i].isEmpty();
        }
        if (allEmpty) {
            return ASCII;
        }
        if (trimmed.length == 1 && trimmed[0].equals("ISO_IR 192")) {
            return UTF_8;
        }
        String key = String.join("\\", trimmed);
        SpecificCharacterSet cs = CACHE.get(key);
        if (cs == null) {
            cs = create(trimmed);
            if (CACHE.size() < CACHE_LIMIT) {
                CACHE.putIfAbsent(key, cs);
                if (codes.length == 1 && codes[0] != null && !codes[0].equals(key)) {
                    CACHE.putIfAbsent(codes[0], cs); // also under the padded spelling the data set holds
                }
            }
        }
        return cs;
    }

    private static SpecificCharacterSet create(String[] codes) {
        String first = codes[0];
        Charset unicode = UNICODE_AND_GB.get(first);
        if (unicode != null) {
            // These terms exclude code extensions (PS3.3 C.12.1.1.2): further values are ignored.
            return new SpecificCharacterSet(codes, Mode.CHARSET, unicode, null, null, null, codes.length == 1);
        }
        boolean known = true;
        for (String c : codes) {
            known &= c.isEmpty() || TERMS.containsKey(c);
        }
        Term t1 = first.isEmpty() ? TERMS.get("ISO 2022 IR 6") : TERMS.get(first);
        if (codes.length == 1 && (t1 == null || !t1.extensions())) {
            if (t1 == null) {
                return new SpecificCharacterSet(codes, Mode.LATIN1, StandardCharsets.ISO_8859_1, null, null, null,
                        false);
            }
            if (t1.g1() == null || t1.g1() == CodeElement.LATIN_1) {
                return new SpecificCharacterSet(codes, Mode.LATIN1, StandardCharsets.ISO_8859_1, t1.g0(), t1.g1(),
                        null, true);
            }
            return new SpecificCharacterSet(codes, Mode.TABLE, t1.g1().charset, t1.g0(), t1.g1(), null, true);
        }
        // Code extensions. Value 1 may be empty (ASCII in G0, nothing in G1) or a single-byte term.
        CodeElement g0 = CodeElement.ASCII;
        CodeElement g1 = null;
        if (t1 != null) {
            if (t1.g0() != null && t1.g0().bytesPerChar == 1) {
                g0 = t1.g0();
            }
            g1 = t1.g1();
        }
        List<CodeElement> declared = new ArrayList<>();
        for (String c : codes) {
            Term t = c.isEmpty() ? TERMS.get("ISO 2022 IR 6") : TERMS.get(c);
            if (t != null) {
                for (CodeElement e : new CodeElement[] {t.g0(), t.g1()}) {
                    if (e != null && !declared.contains(e)) {
                        declared.add(e);
                    }
                }
            }
        }
        if (g0 == CodeElement.ASCII && !declared.contains(CodeElement.ASCII)) {
            declared.add(CodeElement.ASCII);
        }
        return new SpecificCharacterSet(codes, Mode.ISO_2022, null, g0, g1, declared.toArray(new CodeElement[0]),
                known);
    }

    /** The defined terms this repertoire was made from, as (0008,0005) holds them. */
    public String[] codes() {
        return codes.clone();
    }

    /**
     * False when a value of (0008,0005) is not a defined term of PS3.3 C.12.1.1.2 (or GB18030/GBK/ISO_IR 192
     * come with further values); unknown terms decode as ISO 8859-1.
     */
    public boolean isKnown() {
        return known;
    }

    /** True when the repertoire uses ISO 2022 code extensions (escape sequences may occur in values). */
    public boolean usesCodeExtensions() {
        return mode == Mode.ISO_2022;
    }

    /** True for ISO_IR 192 (UTF-8). */
    public boolean isUTF8() {
        return charset == StandardCharsets.UTF_8;
    }

    // ---- decoding ----

    /** Decodes a text value, resetting to the sets of value 1 at CR, LF, FF, TAB and "\" (PS3.5 §6.1.2.5.3). */
    public String decode(byte[] bytes, int offset, int length) {
        return decode(bytes, offset, length, false);
    }

    /** Decodes a value of the given VR; for PN the sets of value 1 also become active again at "^" and "=". */
    public String decode(VR vr, byte[] bytes, int offset, int length) {
        return decode(bytes, offset, length, vr == VR.PN);
    }

    private String decode(byte[] bytes, int offset, int length, boolean personName) {
        switch (mode) {
            case LATIN1:
                return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
            case CHARSET:
                return new String(bytes, offset, length, charset);
            case TABLE: {
                char[] t = table;
                char[] out = new char[length];
                for (int i = 0; i < length; i++) {
                    out[i] = t[bytes[offset + i] & 0xFF];
                }
                return new String(out);
            }
            default:
                return decodeIso2022(bytes, offset, length, personName);
        }
    }

    private String decodeIso2022(byte[] b, int off, int len, boolean personName) {
        int end = off + len;
        int i = off;
        while (i < end && b[i] >= 0x20 && b[i] != 0x7F) { // plain 7-bit, no ESC: the common case
            i++;
        }
        if (i == end && initialG0 == CodeElement.ASCII) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder(len);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        i = off;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c == ESC) {
                CodeElement e = escapeAt(b, i, end);
                if (e != null) {
                    if (e.g1) {
                        g1 = e;
                    } else {
                        g0 = e;
                    }
                    i += e.escape.length;
                } else {
                    sb.append((char) c); // unknown escape: kept as text rather than lost
                    i++;
                }
                continue;
            }
            if (c < 0x80) {
                if (g0.bytesPerChar == 2 && c > 0x20 && c < 0x7F) {
                    int j = i;
                    while (j + 1 < end && b[j] > 0x20 && b[j] < 0x7F && b[j + 1] > 0x20 && b[j + 1] < 0x7F) {
                        j += 2;
                    }
                    if (j == i) { // a lone byte left in a two-byte set: not a character
                        sb.append('\uFFFD');
                        i++;
                    } else {
                        g0.decodeMultiByte(b, i, j - i, sb);
                        i = j;
                    }
                    continue;
                }
                sb.append(g0.table != null && g0.bytesPerChar == 1 ? g0.table[c] : (char) c);
                if (isReset(c, personName)) {
                    g0 = initialG0;
                    g1 = initialG1;
                }
                i++;
                continue;
            }
            CodeElement set = g1 != null ? g1 : firstDeclaredG1();
            if (set == null) {
                sb.append((char) c); // no G1 set at all: ISO 8859-1, like an unknown term
                i++;
            } else if (set.bytesPerChar == 2) {
                int j = i;
                while (j + 1 < end && (b[j] & 0xFF) >= 0xA1 && (b[j] & 0xFF) != 0xFF && (b[j + 1] & 0xFF) >= 0xA1
                        && (b[j + 1] & 0xFF) != 0xFF) {
                    j += 2;
                }
                if (j == i) {
                    sb.append('\uFFFD');
                    i++;
                } else {
                    set.decodeMultiByte(b, i, j - i, sb);
                    i = j;
                }
            } else {
                sb.append(set.table[c]);
                i++;
            }
        }
        return sb.toString();
    }

    /** Sloppy writers declare "\ISO 2022 IR 149" but never designate G1; their bytes are still that set's. */
    private CodeElement firstDeclaredG1() {
        for (CodeElement e : declared) {
            if (e.g1) {
                return e;
            }
        }
        return null;
    }

    /**
     * PS3.5 §6.1.2.5.3: the sets of value 1 are active again after any control character but ESC (CR, LF, FF,
     * TAB …), after the value delimiter "\" and, in PN, after "^" and "=". Only single-byte G0 bytes get here.
     */
    private static boolean isReset(int c, boolean personName) {
        return c < 0x20 && c != ESC || c == '\\' || personName && (c == '^' || c == '=');
    }

    /** The code element whose escape sequence starts at {@code i}, among all of PS3.3 Tables C.12-3/4. */
    private static CodeElement escapeAt(byte[] b, int i, int end) {
        for (CodeElement e : CodeElement.values()) {
            byte[] esc = e.escape;
            if (i + esc.length <= end) {
                int k = 1;
                while (k < esc.length && b[i + k] == esc[k]) {
                    k++;
                }
                if (k == esc.length) {
                    return e;
                }
            }
        }
        return null;
    }

    // ---- encoding ----

    /**
     * Encodes a text value. With code extensions, escape sequences designate the sets each character needs and
     * the sets of value 1 are made active again before CR, LF, FF, TAB, "\", "^", "=" and at the end (PS3.5
     * §6.1.2.5.3; harmless outside PN). Characters no declared set holds become "?" (see {@link #canEncode}),
     * except in the default repertoire, which writes ISO 8859-1 bytes just as it reads them.
     */
    public byte[] encode(String value) {
        return encode(value, true);
    }

    /** Encodes a value of the given VR; only PN treats "^" and "=" as points where value 1's sets return. */
    public byte[] encode(VR vr, String value) {
        return encode(value, vr == VR.PN);
    }

    /** True when every character of {@code value} is in a set this repertoire declares. */
    public boolean canEncode(String value) {
        switch (mode) {
            case LATIN1:
                if (initialG1 == null) {
                    return value.chars().allMatch(c -> c < 0x80);
                }
                return value.chars().allMatch(c -> c < 0x100);
            case CHARSET:
                return charset.newEncoder().canEncode(value);
            default:
                Map<CodeElement, CharsetEncoder> encoders = new EnumMap<>(CodeElement.class);
                CodeElement[] sets = mode == Mode.TABLE ? new CodeElement[] {initialG0, initialG1} : declared;
                return value.codePoints().allMatch(cp -> cp < 0x20 || cp == 0x7F || find(sets, cp, encoders) != null);
        }
    }

    private byte[] encode(String value, boolean personName) {
        switch (mode) {
            case LATIN1:
                return value.getBytes(StandardCharsets.ISO_8859_1);
            case CHARSET:
                return value.getBytes(charset);
            case TABLE:
                if (initialG1 != CodeElement.KATAKANA) {
                    return value.getBytes(charset);
                }
                return encodeIso2022(value, new CodeElement[] {initialG0, initialG1}, false, personName);
            default:
                return encodeIso2022(value, declared, true, personName);
        }
    }

    private byte[] encodeIso2022(String value, CodeElement[] sets, boolean escapes, boolean personName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length() * 2 + 8);
        Map<CodeElement, CharsetEncoder> encoders = new EnumMap<>(CodeElement.class);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x20 || cp == 0x7F || cp == '\\' || cp == '^' || cp == '=') {
                boolean reset = isReset(cp, personName);
                if (cp != ESC && g0 != initialG0) { // delimiters and controls are written in value 1's G0
                    g0 = designate(out, initialG0, escapes);
                }
                if (reset && g1 != initialG1 && initialG1 != null) {
                    g1 = designate(out, initialG1, escapes);
                }
                out.write(cp);
                if (reset) {
                    g0 = initialG0;
                    g1 = initialG1;
                }
                continue;
            }
            CodeElement set;
            if (cp < 0x7F && g0.bytesPerChar == 1) {
                set = g0;
            } else if (g1 != null && g1.encode(cp, encoder(encoders, g1)) != null) {
                set = g1;
            } else if (cp >= 0x80 && g0.bytesPerChar == 2 && g0.encode(cp, encoder(encoders, g0)) != null) {
                set = g0;
            } else {
                set = find(sets, cp, encoders);
            }
            if (set == null) {
                if (g0.bytesPerChar != 1) {
                    g0 = designate(out, initialG0, escapes);
                }
                out.write('?');
                continue;
            }
            if (set.g1) {
                if (set != g1) {
                    g1 = designate(out, set, escapes);
                }
            } else if (set != g0) {
                g0 = designate(out, set, escapes);
            }
            byte[] bytes = set.encode(cp, encoder(encoders, set));
            out.write(bytes, 0, bytes.length);
        }
        if (g0 != initialG0) {
            designate(out, initialG0, escapes);
        }
        if (g1 != initialG1 && initialG1 != null) {
            designate(out, initialG1, escapes);
        }
        return out.toByteArray();
    }

    private static CodeElement designate(ByteArrayOutputStream out, CodeElement e, boolean escapes) {
        if (escapes) {
            out.write(e.escape, 0, e.escape.length);
        }
        return e;
    }

    /** The first declared set holding the character: value 1's sets first, then values 2..n in order. */
    private static CodeElement find(CodeElement[] sets, int cp, Map<CodeElement, CharsetEncoder> encoders) {
        for (CodeElement e : sets) {
            if (e != null && e.encode(cp, encoder(encoders, e)) != null) {
                return e;
            }
        }
        return null;
    }

    private static CharsetEncoder encoder(Map<CodeElement, CharsetEncoder> encoders, CodeElement e) {
        return encoders.computeIfAbsent(e, CodeElement::newEncoder);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet other && Arrays.equals(codes, other.codes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(codes);
    }

    /** The values of (0008,0005) joined with "\", e.g. {@code \ISO 2022 IR 87}. */
    @Override
    public String toString() {
        return String.join("\\", codes);
    }
}
