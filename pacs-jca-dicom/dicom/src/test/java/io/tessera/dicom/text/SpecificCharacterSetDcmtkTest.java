package io.tessera.dicom.text;

import static io.tessera.dicom.text.SpecificCharacterSetTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tessera.dicom.data.VR;
import io.tessera.dicom.testkit.Corpus;
import io.tessera.dicom.testkit.Dcmdump;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our decoder and encoder against dcmtk's (dcmconv with GNU iconv) as the reference. dcmtk 3.6.7 with iconv
 * cannot convert ISO 2022 IR 87 / IR 159 and cannot encode into ISO 2022 at all, so: decoding is compared for
 * every repertoire dcmtk decodes; encoding of single-byte, GBK and GB18030 values is compared with the bytes
 * dcmtk writes; and our ISO 2022 encodings (escape sequences chosen by us) are decoded by dcmtk.
 */
class SpecificCharacterSetDcmtkTest {

    static final int PATIENT_NAME = 0x00100010;
    static final int IMAGE_COMMENTS = 0x00204000; // LT
    static final int STUDY_DESCRIPTION = 0x00081030; // LO

    @TempDir
    static Path dir;

    @BeforeAll
    static void dcmtk() {
        assumeTrue(Dcmtk.available(), "dcmtk (dcmconv) not installed");
    }

    /** (0008,0005), tag, VR, raw bytes as the standard or the character set test files give them. */
    static Stream<Arguments> rawValues() {
        return Stream.of(
                Arguments.of("\\ISO 2022 IR 149", PATIENT_NAME, VR.PN, SpecificCharacterSetTest.I2),
                Arguments.of("GB18030", PATIENT_NAME, VR.PN, SpecificCharacterSetTest.J_GB18030),
                Arguments.of("GB18030", IMAGE_COMMENTS, VR.LT, SpecificCharacterSetTest.J_TEXT_GB18030),
                Arguments.of("ISO_IR 192", PATIENT_NAME, VR.PN, SpecificCharacterSetTest.J_UTF8),
                Arguments.of("\\ISO 2022 IR 58", PATIENT_NAME, VR.PN, SpecificCharacterSetTest.K2),
                // K.3 (IR 58 text over several lines) is left out: dcmtk 3.6.7 fails on any IR 58 text after a
                // CR LF ("Invalid or incomplete multibyte"), even the standard's own bytes; SpecificCharacterSetTest
                // checks K.3 byte for byte.
                Arguments.of("GBK", PATIENT_NAME, VR.PN, bytes(0xCD, 0xF5, 0x5E, 0xD0, 0xA1, 0xB6, 0xAB)),
                Arguments.of("ISO_IR 126", PATIENT_NAME, VR.PN, bytes(0xC4, 0xE9, 0xEF, 0xED, 0xF5, 0xF3, 0xE9, 0xEF, 0xF2)),
                Arguments.of("ISO_IR 138", PATIENT_NAME, VR.PN, bytes(0xF9, 0xF8, 0xE5, 0xEF, 0x5E, 0xE3, 0xE1, 0xE5, 0xF8, 0xE4)),
                Arguments.of("ISO_IR 144", PATIENT_NAME, VR.PN, bytes(0xBB, 0xEE, 0xDA, 0x63, 0x65, 0xDC, 0xD1, 0x79, 0x70, 0xD3)),
                Arguments.of("ISO_IR 127", PATIENT_NAME, VR.PN, bytes(0xE2, 0xC8, 0xC7, 0xE6, 0xEA, 0x5E, 0xE4, 0xE6, 0xD2, 0xC7, 0xD1)),
                Arguments.of("ISO_IR 166", PATIENT_NAME, VR.PN, bytes(0xCA, 0xC1, 0xAA, 0xD2, 0xC2, 0x5E, 0xE3, 0xA8, 0xB4, 0xD5)),
                Arguments.of("ISO_IR 100", PATIENT_NAME, VR.PN, bytes(0x42, 0x75, 0x63, 0x5E, 0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65)),
                Arguments.of("ISO_IR 101", PATIENT_NAME, VR.PN, bytes(0x57, 0x61, 0xB3, 0xEA, 0x73, 0x61)),
                Arguments.of("ISO_IR 109", PATIENT_NAME, VR.PN, bytes(0x61, 0x6E, 0x74, 0x61, 0xFD, 0x6E, 0x6F, 0x6D, 0x6F)),
                Arguments.of("ISO_IR 110", PATIENT_NAME, VR.PN, bytes(0x76, 0xE0, 0x72, 0x64, 0x73)),
                Arguments.of("ISO_IR 148", PATIENT_NAME, VR.PN, bytes(0xC7, 0x61, 0xF0, 0x72, 0xFD, 0x5E, 0xDE, 0xFC, 0x6B, 0x72, 0xFC)),
                Arguments.of("ISO_IR 13", PATIENT_NAME, VR.PN, bytes(0xD4, 0xCF, 0xC0, 0xDE, 0x5E, 0xC0, 0xDB, 0xB3)),
                // every byte of the upper half of each single-byte set, as dcmtk maps it
                Arguments.of("ISO_IR 126", IMAGE_COMMENTS, VR.LT, upperHalf()),
                Arguments.of("ISO_IR 144", IMAGE_COMMENTS, VR.LT, upperHalf()),
                Arguments.of("ISO_IR 101", IMAGE_COMMENTS, VR.LT, upperHalf()),
                Arguments.of("ISO_IR 109", IMAGE_COMMENTS, VR.LT, upperHalf()),
                Arguments.of("ISO_IR 110", IMAGE_COMMENTS, VR.LT, upperHalf()),
                Arguments.of("ISO_IR 148", IMAGE_COMMENTS, VR.LT, upperHalf()),
                Arguments.of("ISO_IR 100", IMAGE_COMMENTS, VR.LT, upperHalf()));
    }

    /** 0xA0..0xFF without positions a set leaves unassigned would differ only in the replacement character. */
    static byte[] upperHalf() {
        byte[] b = new byte[0x60];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (0xA0 + i);
        }
        return b;
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("rawValues")
    void decodesLikeDcmtk(String term, int tag, VR vr, byte[] raw) throws Exception {
        byte[] value = raw;
        if (raw.length == 0x60 && raw[0] == (byte) 0xA0) {
            value = assignedOnly(term, raw);
        }
        String name = "dec-" + Math.abs((term + vr + value.length).hashCode());
        String reference = Dcmtk.toUtf8(dir, name, term, tag, vr.name(), value);
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf(term.split("\\\\", -1));
        assertEquals(reference, Dcmtk.stripPadding(cs.decode(vr, value, 0, value.length)));
    }

    /** Drops the bytes a set leaves unassigned (dcmtk's iconv refuses them, we keep them as ISO 8859-1). */
    private static byte[] assignedOnly(String term, byte[] raw) {
        java.nio.charset.Charset jdk = switch (term) {
            case "ISO_IR 126" -> java.nio.charset.Charset.forName("ISO-8859-7");
            case "ISO_IR 144" -> java.nio.charset.Charset.forName("ISO-8859-5");
            case "ISO_IR 101" -> java.nio.charset.Charset.forName("ISO-8859-2");
            case "ISO_IR 109" -> java.nio.charset.Charset.forName("ISO-8859-3");
            case "ISO_IR 110" -> java.nio.charset.Charset.forName("ISO-8859-4");
            case "ISO_IR 148" -> java.nio.charset.Charset.forName("ISO-8859-9");
            default -> StandardCharsets.ISO_8859_1;
        };
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte b : raw) {
            if (!new String(new byte[] {b}, jdk).equals("\uFFFD")) {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    static Stream<Arguments> textsToEncode() {
        return Stream.of(
                Arguments.of("ISO_IR 100", "Buc^Jérôme=Äneas Rüdiger ß"),
                Arguments.of("ISO_IR 101", "Wałęsa^Lech Čapek Ő"),
                Arguments.of("ISO_IR 109", "antaŭnomo ĉĝĥĵŝ Ġ"),
                Arguments.of("ISO_IR 110", "vārds Ģirts ŧ"),
                Arguments.of("ISO_IR 144", "Люксембург^Иван"),
                Arguments.of("ISO_IR 127", "قباني^لنزار"),
                Arguments.of("ISO_IR 126", "Διονυσιος^Ζωή"),
                Arguments.of("ISO_IR 138", "שרון^דבורה"),
                Arguments.of("ISO_IR 148", "Çağrı^Şükrü İ"),
                Arguments.of("ISO_IR 166", "สมชาย^ใจดี"),
                Arguments.of("GB18030", "Wang^XiaoDong=王^小东=𠀀"),
                Arguments.of("GBK", "Wang^XiaoDong=王^小东="));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("textsToEncode")
    void encodesLikeDcmtk(String term, String text) throws Exception {
        byte[] reference = Dcmtk.fromUtf8(dir, "enc-" + Math.abs((term + text).hashCode()), term, PATIENT_NAME, "PN",
                text);
        assertArrayEquals(reference, SpecificCharacterSet.valueOf(term).encode(text),
                () -> "dcmtk: " + SpecificCharacterSetTest.hex(reference));
    }

    /** Our escape sequences, read back by dcmtk. */
    static Stream<Arguments> codeExtensions() {
        return Stream.of(
                Arguments.of("\\ISO 2022 IR 149", VR.PN, "Hong^Gildong=洪^吉洞=홍^길동"),
                Arguments.of("\\ISO 2022 IR 149", VR.LT, "첫째 줄 홍길동\r\n둘째 줄 洪吉洞\r\nthird"),
                Arguments.of("\\ISO 2022 IR 58", VR.PN, "Zhang^XiaoDong=张^小东="),
                Arguments.of("\\ISO 2022 IR 58", VR.LT, "1) 第一行文字。 2) 第二行文字。"),
                // dcmtk warns (rightly, PS3.5 §6.2.1.2) about escapes in a PN's first component group, so the
                // PN samples keep group 1 in value 1's sets and mix repertoires in the other groups or in LT.
                Arguments.of("ISO 2022 IR 100\\ISO 2022 IR 126", VR.PN, "Buc^Jérôme=Διονυσιος"),
                Arguments.of("ISO 2022 IR 6\\ISO 2022 IR 100\\ISO 2022 IR 126", VR.PN, "Buc^Jerome=Διονυσιος=Jérôme"),
                Arguments.of("ISO 2022 IR 6\\ISO 2022 IR 144\\ISO 2022 IR 138\\ISO 2022 IR 127", VR.LT,
                        "Люкс שרון قباني Люкс"),
                Arguments.of("ISO 2022 IR 6\\ISO 2022 IR 166\\ISO 2022 IR 148", VR.LT, "สมชาย^Şükrü\r\nใจดี"),
                Arguments.of("\\ISO 2022 IR 149\\ISO 2022 IR 58", VR.PN, "Hong^Gildong=홍^길동=张^小东"),
                Arguments.of("\\ISO 2022 IR 149\\ISO 2022 IR 58", VR.LT, "홍길동 张小东\r\n洪吉洞"),
                Arguments.of("ISO 2022 IR 13\\ISO 2022 IR 6", VR.PN, "ﾔﾏﾀﾞ^ﾀﾛｳ=Yamada"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("codeExtensions")
    void dcmtkDecodesOurCodeExtensions(String term, VR vr, String text) throws Exception {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf(term.split("\\\\", -1));
        byte[] ours = cs.encode(vr, text);
        String reference = Dcmtk.toUtf8(dir, "ext-" + Math.abs((term + text).hashCode()), term,
                vr == VR.PN ? PATIENT_NAME : IMAGE_COMMENTS, vr.name(), ours);
        assertEquals(text, reference, () -> "our bytes: " + SpecificCharacterSetTest.hex(ours));
        assertEquals(text, cs.decode(vr, ours, 0, ours.length));
    }

    /**
     * The corpus's Patient's Name samples (ISO_IR 100, ISO_IR 192, ISO 2022 IR 87), made by dump2dcm: our
     * decoding of the raw value equals the testkit's dcmdump listing (dcmtk +U8, or for IR 87 the JDK's
     * ISO-2022-JP, since dcmtk with iconv cannot convert it).
     */
    @Test
    void corpusPatientNamesDecodeLikeDcmdump() throws Exception {
        assumeTrue(Corpus.toolsAvailable(), "dcmtk corpus tools not installed");
        int seen = 0;
        for (Corpus.Entry e : Corpus.get()) {
            if (!e.file().getFileName().toString().startsWith("charset-")
                    || !e.transferSyntax().equals("1.2.840.10008.1.2.1")) {
                continue;
            }
            byte[] cs = Dcmtk.rawValue(e.file(), 0x00080005);
            byte[] pn = Dcmtk.rawValue(e.file(), PATIENT_NAME);
            assertNotNull(pn, e.toString());
            SpecificCharacterSet scs = SpecificCharacterSet.valueOf(
                    new String(cs, StandardCharsets.US_ASCII).strip().split("\\\\", -1));
            Dcmdump.Listing listing = Dcmdump.of(e.file());
            String expected = listing.dataset().stream().filter(el -> el.tag() == PATIENT_NAME)
                    .findFirst().orElseThrow().value();
            assertEquals(expected, Dcmtk.stripPadding(scs.decode(VR.PN, pn, 0, pn.length)), e.toString());
            byte[] description = Dcmtk.rawValue(e.file(), STUDY_DESCRIPTION);
            if (description != null) {
                String dumped = listing.dataset().stream().filter(el -> el.tag() == STUDY_DESCRIPTION)
                        .findFirst().orElseThrow().value();
                assertEquals(dumped, Dcmtk.stripPadding(scs.decode(VR.LO, description, 0, description.length)));
            }
            seen++;
        }
        assertEquals(3, seen, "the corpus has three character set samples in Explicit VR LE");
    }
}
