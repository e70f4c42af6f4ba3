package io.tessera.dicom.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.VR;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of PS3.5 Annex H (Japanese), Annex I (Korean), Annex J (Chinese GB18030 and UTF-8) and
 * Annex K (Chinese GB 2312 via ISO 2022), byte for byte in both directions, and the names of the DICOM
 * character set test files for the single-byte repertoires (Greek, Hebrew, Cyrillic, Arabic, Latin …).
 */
class SpecificCharacterSetTest {

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    /** PS3.5 H.3.1: "Yamada^Tarou=山田^太郎=やまだ^たろう" with (0008,0005) "\ISO 2022 IR 87". */
    static final byte[] H31 = bytes(0x59, 0x61, 0x6D, 0x61, 0x64, 0x61, 0x5E, 0x54, 0x61, 0x72, 0x6F, 0x75, 0x3D,
            0x1B, 0x24, 0x42, 0x3B, 0x33, 0x45, 0x44, 0x1B, 0x28, 0x42, 0x5E, 0x1B, 0x24, 0x42, 0x42, 0x40, 0x4F, 0x3A,
            0x1B, 0x28, 0x42, 0x3D, 0x1B, 0x24, 0x42, 0x24, 0x64, 0x24, 0x5E, 0x24, 0x40, 0x1B, 0x28, 0x42, 0x5E, 0x1B,
            0x24, 0x42, 0x24, 0x3F, 0x24, 0x6D, 0x24, 0x26, 0x1B, 0x28, 0x42);

    /** PS3.5 H.3.2: "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう" with "ISO 2022 IR 13\ISO 2022 IR 87". */
    static final byte[] H32 = bytes(0xD4, 0xCF, 0xC0, 0xDE, 0x5E, 0xC0, 0xDB, 0xB3, 0x3D, 0x1B, 0x24, 0x42, 0x3B,
            0x33, 0x45, 0x44, 0x1B, 0x28, 0x4A, 0x5E, 0x1B, 0x24, 0x42, 0x42, 0x40, 0x4F, 0x3A, 0x1B, 0x28, 0x4A, 0x3D,
            0x1B, 0x24, 0x42, 0x24, 0x64, 0x24, 0x5E, 0x24, 0x40, 0x1B, 0x28, 0x4A, 0x5E, 0x1B, 0x24, 0x42, 0x24, 0x3F,
            0x24, 0x6D, 0x24, 0x26, 0x1B, 0x28, 0x4A);

    /** PS3.5 I.2: "Hong^Gildong=洪^吉洞=홍^길동" with "\ISO 2022 IR 149" (ESC $ ) C again after each delimiter). */
    static final byte[] I2 = bytes(0x48, 0x6F, 0x6E, 0x67, 0x5E, 0x47, 0x69, 0x6C, 0x64, 0x6F, 0x6E, 0x67, 0x3D,
            0x1B, 0x24, 0x29, 0x43, 0xFB, 0xF3, 0x5E, 0x1B, 0x24, 0x29, 0x43, 0xD1, 0xCE, 0xD4, 0xD7, 0x3D, 0x1B, 0x24,
            0x29, 0x43, 0xC8, 0xAB, 0x5E, 0x1B, 0x24, 0x29, 0x43, 0xB1, 0xE6, 0xB5, 0xBF);

    /** PS3.5 J.1 (ISO_IR 192): "Wang^XiaoDong=王^小東=". */
    static final byte[] J_UTF8 = bytes(0x57, 0x61, 0x6E, 0x67, 0x5E, 0x58, 0x69, 0x61, 0x6F, 0x44, 0x6F, 0x6E, 0x67,
            0x3D, 0xE7, 0x8E, 0x8B, 0x5E, 0xE5, 0xB0, 0x8F, 0xE6, 0x9D, 0xB1, 0x3D);

    /** PS3.5 J.3 (GB18030): "Wang^XiaoDong=王^小东=". */
    static final byte[] J_GB18030 = bytes(0x57, 0x61, 0x6E, 0x67, 0x5E, 0x58, 0x69, 0x61, 0x6F, 0x44, 0x6F, 0x6E,
            0x67, 0x3D, 0xCD, 0xF5, 0x5E, 0xD0, 0xA1, 0xB6, 0xAB, 0x3D);

    /** PS3.5 J.4 (GB18030): three lines of text with CR LF. */
    static final String J_TEXT = "The first line includes 中文.\r\nThe second line includes 中文, too.\r\nThe third line.\r\n";
    static final byte[] J_TEXT_GB18030 = bytes(0x54, 0x68, 0x65, 0x20, 0x66, 0x69, 0x72, 0x73, 0x74, 0x20, 0x6c,
            0x69, 0x6e, 0x65, 0x20, 0x69, 0x6e, 0x63, 0x6c, 0x75, 0x64, 0x65, 0x73, 0x20, 0xd6, 0xd0, 0xce, 0xc4, 0x2e,
            0x0d, 0x0a, 0x54, 0x68, 0x65, 0x20, 0x73, 0x65, 0x63, 0x6f, 0x6e, 0x64, 0x20, 0x6c, 0x69, 0x6e, 0x65, 0x20,
            0x69, 0x6e, 0x63, 0x6c, 0x75, 0x64, 0x65, 0x73, 0x20, 0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0x20, 0x74, 0x6f, 0x6f,
            0x2e, 0x0d, 0x0a, 0x54, 0x68, 0x65, 0x20, 0x74, 0x68, 0x69, 0x72, 0x64, 0x20, 0x6c, 0x69, 0x6e, 0x65, 0x2e,
            0x0d, 0x0a);

    /** PS3.5 K.2: "Zhang^XiaoDong=张^小东=" with "\ISO 2022 IR 58" (value padded with a space to even length). */
    static final byte[] K2 = bytes(0x5A, 0x68, 0x61, 0x6E, 0x67, 0x5E, 0x58, 0x69, 0x61, 0x6F, 0x44, 0x6F, 0x6E,
            0x67, 0x3D, 0x1B, 0x24, 0x29, 0x41, 0xD5, 0xC5, 0x5E, 0x1B, 0x24, 0x29, 0x41, 0xD0, 0xA1, 0xB6, 0xAB, 0x3D);

    /** PS3.5 K.3: three lines, GB 2312 designated to G1 again on each line. */
    static final String K3_TEXT = "1) 第一行文字。\r\n2) 第二行文字。\r\n3) 第三行文字。\r\n";
    static final byte[] K3 = bytes(0x31, 0x29, 0x20, 0x1B, 0x24, 0x29, 0x41, 0xB5, 0xDA, 0xD2, 0xBB, 0xD0, 0xD0,
            0xCE, 0xC4, 0xD7, 0xD6, 0xA1, 0xA3, 0x0D, 0x0A, 0x32, 0x29, 0x20, 0x1B, 0x24, 0x29, 0x41, 0xB5, 0xDA, 0xB6,
            0xFE, 0xD0, 0xD0, 0xCE, 0xC4, 0xD7, 0xD6, 0xA1, 0xA3, 0x0D, 0x0A, 0x33, 0x29, 0x20, 0x1B, 0x24, 0x29, 0x41,
            0xB5, 0xDA, 0xC8, 0xFD, 0xD0, 0xD0, 0xCE, 0xC4, 0xD7, 0xD6, 0xA1, 0xA3, 0x0D, 0x0A);

    /** name, (0008,0005) values, VR, bytes, text. */
    static Stream<Arguments> standardExamples() {
        return Stream.of(
                Arguments.of("H.3.1 Japanese IR 87", new String[] {"", "ISO 2022 IR 87"}, VR.PN, H31,
                        "Yamada^Tarou=山田^太郎=やまだ^たろう"),
                Arguments.of("H.3.2 Japanese IR 13 + IR 87", new String[] {"ISO 2022 IR 13", "ISO 2022 IR 87"}, VR.PN,
                        H32, "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう"),
                Arguments.of("I.2 Korean IR 149", new String[] {"", "ISO 2022 IR 149"}, VR.PN, I2,
                        "Hong^Gildong=洪^吉洞=홍^길동"),
                Arguments.of("J.1 UTF-8", new String[] {"ISO_IR 192"}, VR.PN, J_UTF8, "Wang^XiaoDong=王^小東="),
                Arguments.of("J.3 GB18030", new String[] {"GB18030"}, VR.PN, J_GB18030, "Wang^XiaoDong=王^小东="),
                Arguments.of("J.4 GB18030 text", new String[] {"GB18030"}, VR.LT, J_TEXT_GB18030, J_TEXT),
                Arguments.of("J.2 UTF-8 text", new String[] {"ISO_IR 192"}, VR.LT, J_TEXT.getBytes(StandardCharsets.UTF_8),
                        J_TEXT),
                Arguments.of("K.2 GB 2312 IR 58", new String[] {"", "ISO 2022 IR 58"}, VR.PN, K2,
                        "Zhang^XiaoDong=张^小东="),
                Arguments.of("K.3 GB 2312 IR 58 text", new String[] {"", "ISO 2022 IR 58"}, VR.LT, K3, K3_TEXT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("standardExamples")
    void decodesTheStandardsBytes(String name, String[] codes, VR vr, byte[] bytes, String text) {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf(codes);
        assertTrue(cs.isKnown());
        assertEquals(text, cs.decode(vr, bytes, 0, bytes.length));
        assertEquals(text, cs.decode(bytes, 0, bytes.length), "without knowing the VR");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("standardExamples")
    void encodesToTheStandardsBytes(String name, String[] codes, VR vr, byte[] bytes, String text) {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf(codes);
        assertArrayEquals(bytes, cs.encode(vr, text), () -> hex(cs.encode(vr, text)));
        if (vr == VR.PN) {
            assertArrayEquals(bytes, cs.encode(text), "encode(String) treats ^ and = as PN delimiters");
        }
    }

    @Test
    void decodesAValueInsideALargerBuffer() {
        byte[] buf = new byte[H31.length + 10];
        System.arraycopy(H31, 0, buf, 7, H31.length);
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", cs.decode(buf, 7, H31.length));
    }

    /** JIS X 0212 (ISO-IR 159, ESC $ ( D): no Annex example, so the JDK's ISO-2022-JP-2 decoder is the reference. */
    @Test
    void japaneseSupplementaryKanjiIr159() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87", "ISO 2022 IR 159");
        String name = "Hayashi^Kou=丂^鍗=はやし^こう"; // 丂 and 鍗 are in JIS X 0212 only
        byte[] encoded = cs.encode(name);
        assertEquals(name, new String(encoded, Charset.forName("ISO-2022-JP-2")));
        assertEquals(name, cs.decode(VR.PN, encoded, 0, encoded.length));
        assertArrayEquals(bytes(0x1B, 0x24, 0x28, 0x44, 0x30, 0x21, 0x1B, 0x28, 0x42), cs.encode("丂"));
        // Characters in both sets go to the set declared first (IR 87).
        assertArrayEquals(bytes(0x1B, 0x24, 0x42, 0x3B, 0x33, 0x1B, 0x28, 0x42), cs.encode("山"));
    }

    /** The patient names of the DICOM character set test files (SCSGREEK, SCSHBRW, SCSRUSS, SCSARAB, …). */
    static Stream<Arguments> singleByteNames() {
        return Stream.of(
                Arguments.of("ISO_IR 126", bytes(0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2), "Διονυσιος"),
                Arguments.of("ISO_IR 138", bytes(0xF9, 0xF8, 0xE5, 0xEF, 0x5E, 0xE3, 0xE1, 0xE5, 0xF8, 0xE4), "שרון^דבורה"),
                Arguments.of("ISO_IR 144", bytes(0xBB, 0xEE, 0xDA, 0x63, 0x65, 0xDC, 0xD1, 0x79, 0x70, 0xD3), "Люкceмбypг"),
                Arguments.of("ISO_IR 127", bytes(0xE2, 0xC8, 0xC7, 0xE6, 0xEA, 0x5E, 0xE4, 0xE6, 0xD2, 0xC7, 0xD1),
                        "قباني^لنزار"),
                Arguments.of("ISO_IR 100", bytes(0x42, 0x75, 0x63, 0x5E, 0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65), "Buc^Jérôme"),
                Arguments.of("ISO_IR 100", bytes(0xC4, 0x6E, 0x65, 0x61, 0x73, 0x5E, 0x52, 0xFC, 0x64, 0x69, 0x67, 0x65,
                        0x72), "Äneas^Rüdiger"),
                Arguments.of("ISO_IR 101", bytes(0x57, 0x61, 0xB3, 0xEA, 0x73, 0x61), "Wałęsa"),
                Arguments.of("ISO_IR 109", bytes(0x61, 0x6E, 0x74, 0x61, 0xFD, 0x6E, 0x6F, 0x6D, 0x6F), "antaŭnomo"),
                Arguments.of("ISO_IR 110", bytes(0x76, 0xE0, 0x72, 0x64, 0x73), "vārds"),
                Arguments.of("ISO_IR 148", bytes(0xC7, 0x61, 0xF0, 0x72, 0xFD, 0x5E, 0xDE, 0xFC, 0x6B, 0x72, 0xFC),
                        "Çağrı^Şükrü"),
                Arguments.of("ISO_IR 166", bytes(0xCA, 0xC1, 0xAA, 0xD2, 0xC2, 0x5E, 0xE3, 0xA8, 0xB4, 0xD5), "สมชาย^ใจดี"),
                Arguments.of("ISO_IR 13", bytes(0xD4, 0xCF, 0xC0, 0xDE, 0x5E, 0xC0, 0xDB, 0xB3), "ﾔﾏﾀﾞ^ﾀﾛｳ"),
                Arguments.of("GBK", bytes(0xCD, 0xF5, 0x5E, 0xD0, 0xA1, 0xB6, 0xAB), "王^小东"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("singleByteNames")
    void singleByteRepertoires(String term, byte[] bytes, String text) {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf(term);
        assertTrue(cs.isKnown());
        assertFalse(cs.usesCodeExtensions());
        assertEquals(text, cs.decode(bytes, 0, bytes.length));
        assertArrayEquals(bytes, cs.encode(text));
        assertTrue(cs.canEncode(text));
    }

    /** The same sets reached through code extensions: ESC - F designates Greek to G1 (PS3.3 Table C.12-3). */
    @Test
    void singleByteSetsSwitchedByEscapes() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO 2022 IR 100", "ISO 2022 IR 126");
        String name = "Buc^Jérôme=Διονυσιος";
        byte[] encoded = cs.encode(name);
        // Latin-1 is value 1's G1 set: no escape until the Greek group, and back to Latin-1 at the end.
        assertArrayEquals(bytes(0x42, 0x75, 0x63, 0x5E, 0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65, 0x3D, 0x1B, 0x2D, 0x46,
                0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2, 0x1B, 0x2D, 0x41), encoded);
        assertEquals(name, cs.decode(VR.PN, encoded, 0, encoded.length));
    }

    @Test
    void backslashSeparatedValuesStartAgainInValue1Sets() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 149");
        byte[] encoded = cs.encode(VR.LO, "洪\\吉洞");
        // the second value designates KS X 1001 again: a reader may split at 5C before decoding
        assertArrayEquals(bytes(0x1B, 0x24, 0x29, 0x43, 0xFB, 0xF3, 0x5C, 0x1B, 0x24, 0x29, 0x43, 0xD1, 0xCE, 0xD4, 0xD7),
                encoded);
        assertEquals("洪\\吉洞", cs.decode(encoded, 0, encoded.length));
        // Outside PN "^" is no reset: LO "洪^吉" keeps G1 designated
        assertArrayEquals(bytes(0x1B, 0x24, 0x29, 0x43, 0xFB, 0xF3, 0x5E, 0xD1, 0xCE), cs.encode(VR.LO, "洪^吉"));
        assertEquals("洪^吉", cs.decode(VR.LO, cs.encode(VR.LO, "洪^吉"), 0, 9));
    }

    /** A 0x5C byte inside a two-byte character is not the value delimiter (PS3.5 §6.1.2.5.3 applies to G0 "\"). */
    @Test
    void byte5cInsideATwoByteCharacterIsNoDelimiter() {
        SpecificCharacterSet jis = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
        byte[] shi = bytes(0x1B, 0x24, 0x42, 0x3B, 0x5C, 0x1B, 0x28, 0x42, 0x5C, 0x41); // JIS X 0208 0x3B5C = 施
        assertEquals("施\\A", jis.decode(shi, 0, shi.length));
        assertArrayEquals(shi, jis.encode("施\\A"));
        SpecificCharacterSet gbk = SpecificCharacterSet.valueOf("GBK");
        byte[] jou = bytes(0x81, 0x5C, 0x5C, 0x41); // GBK 0x815C = 乗
        assertEquals("乗\\A", gbk.decode(jou, 0, jou.length));
    }

    @Test
    void sloppyWriterThatNeverDesignatesG1StillDecodes() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 149");
        byte[] raw = bytes(0xC8, 0xAB, 0x5E, 0xB1, 0xE6, 0xB5, 0xBF); // EUC-KR bytes, no ESC $ ) C
        assertEquals("홍^길동", cs.decode(raw, 0, raw.length));
    }

    @Test
    void unknownTermsFallBackWithoutThrowing() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("ISO_IR 999");
        assertFalse(cs.isKnown());
        byte[] raw = bytes(0x41, 0x42, 0xE9, 0x5E, 0x43);
        assertEquals("ABé^C", cs.decode(raw, 0, raw.length));
        assertArrayEquals(new String[] {"ISO_IR 999"}, cs.codes());

        SpecificCharacterSet mixed = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87", "ISO 2022 IR 999");
        assertFalse(mixed.isKnown());
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", mixed.decode(H31, 0, H31.length));

        SpecificCharacterSet repeated = SpecificCharacterSet.valueOf("", "", "", "ISO 2022 IR 13", "ISO 2022 IR 87");
        assertTrue(repeated.isKnown());
        assertEquals("ﾔﾏﾀﾞ=山田", repeated.decode(repeated.encode("ﾔﾏﾀﾞ=山田"), 0, repeated.encode("ﾔﾏﾀﾞ=山田").length));

        byte[] unknownEscape = bytes(0x41, 0x1B, 0x25, 0x47, 0x42);
        assertEquals("A\u001B%GB", SpecificCharacterSet.valueOf("", "ISO 2022 IR 87").decode(unknownEscape, 0, 5));
    }

    @Test
    void defaultRepertoireAndCommonInstancesAreShared() {
        assertSame(SpecificCharacterSet.ASCII, SpecificCharacterSet.valueOf());
        assertSame(SpecificCharacterSet.ASCII, SpecificCharacterSet.valueOf(""));
        assertSame(SpecificCharacterSet.ASCII, SpecificCharacterSet.valueOf((String[]) null));
        assertSame(SpecificCharacterSet.UTF_8, SpecificCharacterSet.valueOf("ISO_IR 192 "));
        assertSame(SpecificCharacterSet.valueOf("ISO_IR 100"), SpecificCharacterSet.valueOf("ISO_IR 100"));
        assertTrue(SpecificCharacterSet.valueOf("ISO_IR 6").isKnown());
        assertEquals("\\ISO 2022 IR 87", SpecificCharacterSet.valueOf("", "ISO 2022 IR 87").toString());
        assertSame(SpecificCharacterSet.valueOf("", "ISO 2022 IR 87"), SpecificCharacterSet.valueOf("\\ISO 2022 IR 87 "),
                "the unsplit value of (0008,0005) works too");
        assertArrayEquals(new String[] {"", "ISO 2022 IR 87"}, SpecificCharacterSet.valueOf("\\ISO 2022 IR 87").codes());
    }

    @Test
    void canEncodeTellsWhatTheRepertoireCannotHold() {
        assertFalse(SpecificCharacterSet.valueOf("ISO_IR 100").canEncode("Διονυσιος"));
        assertFalse(SpecificCharacterSet.ASCII.canEncode("Müller"));
        assertTrue(SpecificCharacterSet.ASCII.canEncode("Muller^Joe"));
        assertFalse(SpecificCharacterSet.valueOf("", "ISO 2022 IR 87").canEncode("홍"));
        assertTrue(SpecificCharacterSet.valueOf("", "ISO 2022 IR 87", "ISO 2022 IR 149").canEncode("山田=홍"));
        // What cannot be encoded becomes "?" in the default G0, never a half-open escape state.
        assertArrayEquals(bytes(0x1B, 0x24, 0x42, 0x3B, 0x33, 0x1B, 0x28, 0x42, 0x3F),
                SpecificCharacterSet.valueOf("", "ISO 2022 IR 87").encode("山홍"));
    }

    @Test
    void mixedJapaneseAndKoreanRoundTrip() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87", "ISO 2022 IR 149");
        String text = "Report: 山田 太郎 / 홍길동\r\nsecond line 洞";
        byte[] b = cs.encode(VR.LT, text);
        assertEquals(text, cs.decode(VR.LT, b, 0, b.length));
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X ", x));
        }
        return sb.toString();
    }
}
