package io.tessera.dicom.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.VR;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bounded random tests: any bytes decode without an exception under every repertoire, and text made of
 * characters the declared sets hold survives encode → decode unchanged, whatever mix of sets, delimiters and
 * line breaks it contains.
 */
class SpecificCharacterSetRobustnessTest {

    static final List<String[]> REPERTOIRES = List.of(
            new String[] {}, new String[] {"ISO_IR 100"}, new String[] {"ISO_IR 101"}, new String[] {"ISO_IR 109"},
            new String[] {"ISO_IR 110"}, new String[] {"ISO_IR 144"}, new String[] {"ISO_IR 127"},
            new String[] {"ISO_IR 126"}, new String[] {"ISO_IR 138"}, new String[] {"ISO_IR 148"},
            new String[] {"ISO_IR 166"}, new String[] {"ISO_IR 13"}, new String[] {"ISO_IR 192"},
            new String[] {"GB18030"}, new String[] {"GBK"}, new String[] {"", "ISO 2022 IR 87"},
            new String[] {"ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159"},
            new String[] {"", "ISO 2022 IR 149"}, new String[] {"", "ISO 2022 IR 58"},
            new String[] {"ISO 2022 IR 100", "ISO 2022 IR 126", "ISO 2022 IR 144", "ISO 2022 IR 138"},
            new String[] {"ISO 2022 IR 6", "ISO 2022 IR 127", "ISO 2022 IR 166", "ISO 2022 IR 87", "ISO 2022 IR 149"},
            new String[] {"ISO_IR 999"});

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(20240131);
        byte[] esc = {0x1B, '$', ')', 'C', '(', 'B', 'J', '-', 'A', 'D', 'I'};
        for (String[] codes : REPERTOIRES) {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf(codes);
            for (int n = 0; n < 2000; n++) {
                byte[] b = new byte[random.nextInt(40)];
                for (int i = 0; i < b.length; i++) {
                    // bias towards escape sequence bytes so partial and unknown escapes are common
                    b[i] = random.nextInt(3) == 0 ? esc[random.nextInt(esc.length)] : (byte) random.nextInt(256);
                }
                int off = b.length == 0 ? 0 : random.nextInt(b.length);
                assertNotNull(cs.decode(b, off, b.length - off));
                assertNotNull(cs.decode(VR.PN, b, 0, b.length));
            }
        }
    }

    /** Characters of each declared set, drawn at random, with delimiters, spaces and CR LF between them. */
    @Test
    void encodeThenDecodeIsIdentity() {
        Random random = new Random(42);
        String ascii = "AbcXyz019 .,-()";
        String[][] alphabets = {
                {"ISO_IR 100", "ÀÉÎÕÜßàéîõüÿ"}, {"ISO_IR 101", "ĄŁŚŹąłśźČĎĚŇŘ"}, {"ISO_IR 109", "ĦĤĜĴŜŬħĥĝĵŝŭ"},
                {"ISO_IR 110", "ĀĒĖĢĪĶĻŅŌŖŠŪŽā"}, {"ISO_IR 144", "АБВГДЕЖЗИЙабвгдеёж"}, {"ISO_IR 127", "ءآأؤإئابةتثج"},
                {"ISO_IR 126", "ΑΒΓΔΕΖΗΘαβγδεζηθ"}, {"ISO_IR 138", "אבגדהוזחטיכל"}, {"ISO_IR 148", "ĞİŞğışÇçÖöÜü"},
                {"ISO_IR 166", "กขคงจฉชซฌญฎ"}, {"ISO_IR 13", "ｱｲｳｴｵｶｷｸｹｺﾞﾟ"},
                {"ISO 2022 IR 87", "山田太郎やまだたろう漢字東京アイウ"}, {"ISO 2022 IR 159", "丂丄丅丌丒丟"},
                {"ISO 2022 IR 149", "홍길동洪吉洞한국어"}, {"ISO 2022 IR 58", "张小东王第一行文字"},
                {"ISO_IR 192", "王小東😀é"}, {"GB18030", "王小东𠀀é"}};
        int checked = 0;
        for (String[] codes : REPERTOIRES) {
            SpecificCharacterSet cs = SpecificCharacterSet.valueOf(codes);
            if (!cs.isKnown()) {
                continue;
            }
            StringBuilder pool = new StringBuilder();
            for (String code : codes.length == 0 ? new String[] {""} : codes) {
                for (String[] a : alphabets) {
                    if (a[0].equals(code) || a[0].replace("ISO_IR", "ISO 2022 IR").equals(code)) {
                        pool.append(a[1]);
                    }
                }
            }
            int[] chars = pool.codePoints().toArray();
            for (int n = 0; n < 300; n++) {
                StringBuilder sb = new StringBuilder();
                int len = 1 + random.nextInt(30);
                for (int i = 0; i < len; i++) {
                    int r = random.nextInt(10);
                    if (r < 3 || chars.length == 0) {
                        sb.append(ascii.charAt(random.nextInt(ascii.length())));
                    } else if (r == 3) {
                        sb.append("^=\\\r\n\t".charAt(random.nextInt(6)));
                    } else {
                        sb.appendCodePoint(chars[random.nextInt(chars.length)]);
                    }
                }
                String text = sb.toString();
                assertTrue(cs.canEncode(text), () -> cs + " cannot encode " + text);
                for (VR vr : new VR[] {VR.PN, VR.LT}) {
                    byte[] encoded = cs.encode(vr, text);
                    assertEquals(text, cs.decode(vr, encoded, 0, encoded.length),
                            () -> cs + " " + vr + " " + SpecificCharacterSetTest.hex(encoded));
                }
                byte[] encoded = cs.encode(text);
                assertEquals(text, cs.decode(encoded, 0, encoded.length));
                checked++;
            }
        }
        assertEquals(300 * (REPERTOIRES.size() - 1), checked);
    }

    /** Where the JDK has an ISO 2022 decoder for the same sets, it reads our bytes the same way. */
    @Test
    void jdkIso2022JpReadsOurJapanese() {
        SpecificCharacterSet cs = SpecificCharacterSet.valueOf("", "ISO 2022 IR 87");
        String text = "山田^太郎=やまだ^たろう\r\n東京 Tokyo";
        assertEquals(text, new String(cs.encode(text), Charset.forName("ISO-2022-JP")));
    }
}
