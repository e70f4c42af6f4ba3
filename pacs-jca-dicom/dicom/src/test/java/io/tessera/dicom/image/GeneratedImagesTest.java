package io.tessera.dicom.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layouts and transformations the corpus does not have, written with dump2dcm (and converted with dcmtk), read with
 * {@link DicomImage#read} and compared with dcmj2pnm: palettes with 8- and 16-bit entries, YBR_FULL and YBR_FULL_422,
 * colour-by-plane RGB, 12 bits stored at the top of 16 with other bits set, signed values with a rescale, VOI and
 * Modality LUT sequences, pixel padding, 8-bit OW under Big Endian, and fragmented frames without a Basic Offset Table.
 */
class GeneratedImagesTest {

    private static Path dir;

    @BeforeAll
    static void dcmtkInstalled() {
        Assumptions.assumeTrue(Dcmtk.available(), "dcmtk not installed (apt-get install dcmtk)");
        dir = Dcmtk.scratch("generated");
    }

    private static final String HEADER = "(0002,0010) UI =LittleEndianExplicit\n"
            + "(0008,0016) UI [1.2.840.10008.5.1.4.1.1.7]\n(0008,0018) UI [2.25.4242]\n(0008,0060) CS [OT]\n"
            + "(0010,0010) PN [Doe^John]\n(0020,000d) UI [2.25.4243]\n(0020,000e) UI [2.25.4244]\n";

    /** Writes raw files beside the dump (referenced as "=name") and runs dump2dcm. */
    static Path dump2dcm(String name, String body, Map<String, byte[]> files) {
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(dir.resolve(f.getKey()), f.getValue());
            }
            Path dump = dir.resolve(name + ".dump");
            Files.writeString(dump, HEADER + body, StandardCharsets.US_ASCII);
            Path dcm = dir.resolve(name + ".dcm");
            Dcmtk.exec(dir, "dump2dcm", dump.toString(), dcm.toString());
            return dcm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pixelModule(int rows, int cols, int spp, String pi, int ba, int bs, int hb, int pr, int planar) {
        return "(0028,0002) US " + spp + "\n(0028,0004) CS [" + pi + "]\n"
                + (spp > 1 ? "(0028,0006) US " + planar + "\n" : "")
                + "(0028,0010) US " + rows + "\n(0028,0011) US " + cols + "\n(0028,0100) US " + ba + "\n"
                + "(0028,0101) US " + bs + "\n(0028,0102) US " + hb + "\n(0028,0103) US " + pr + "\n";
    }

    static byte[] words(int n, IntBinaryOperator valueAt, int cols) {
        ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putShort((short) valueAt.applyAsInt(i % cols, i / cols));
        }
        return b.array();
    }

    static byte[] bytes(int n, IntBinaryOperator valueAt, int cols) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) valueAt.applyAsInt(i % cols, i / cols);
        }
        return b;
    }

    private static void assertLikeDcmtk(Path dcm, VoiSelection voi, String... dcmtkOptions) throws Exception {
        BufferedImage img = DicomImage.read(dcm, 1).render(voi);
        RenderingTest.assertGreyMatches(Dcmtk.dcm2pnm(dcm, dcmtkOptions), img, dcm.getFileName().toString());
    }

    @Test
    void paletteColorWith16BitEntries() throws Exception {
        int n = 256;
        ByteBuffer r = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer g = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            r.putShort((short) (i * 257));
            g.putShort((short) ((255 - i) * 257));
            b.putShort((short) (((i * 7) & 0xFF) * 257));
        }
        Path dcm = dump2dcm("palette16", pixelModule(32, 40, 1, "PALETTE COLOR", 8, 8, 7, 0, 0)
                        + "(0028,1101) US 256\\0\\16\n(0028,1102) US 256\\0\\16\n(0028,1103) US 256\\0\\16\n"
                        + "(0028,1201) OW =p16r.raw\n(0028,1202) OW =p16g.raw\n(0028,1203) OW =p16b.raw\n"
                        + "(7fe0,0010) OB =p16.raw\n",
                Map.of("p16r.raw", r.array(), "p16g.raw", g.array(), "p16b.raw", b.array(),
                        "p16.raw", bytes(32 * 40, (x, y) -> x * 6 + y, 40)));
        DicomImage image = DicomImage.read(dcm, 1);
        assertEquals(16, image.description().palette().red().bitsPerEntry());
        assertLikeDcmtk(dcm, VoiSelection.auto());
    }

    @Test
    void paletteColorWith8BitEntriesAndSixteenBitIndices() throws Exception {
        // 16-bit stored indices from 1000, 8-bit entries packed two per word (C.7.6.3.1.6).
        int n = 512;
        byte[] r = new byte[n];
        byte[] g = new byte[n];
        byte[] bl = new byte[n];
        for (int i = 0; i < n; i++) {
            r[i] = (byte) (i / 2);
            g[i] = (byte) (255 - i / 2);
            bl[i] = (byte) (i * 3);
        }
        Path dcm = dump2dcm("palette8", pixelModule(16, 40, 1, "PALETTE COLOR", 16, 16, 15, 0, 0)
                        + "(0028,1101) US 512\\1000\\8\n(0028,1102) US 512\\1000\\8\n(0028,1103) US 512\\1000\\8\n"
                        + "(0028,1201) OW =p8r.raw\n(0028,1202) OW =p8g.raw\n(0028,1203) OW =p8b.raw\n"
                        + "(7fe0,0010) OW =p8.raw\n",
                Map.of("p8r.raw", r, "p8g.raw", g, "p8b.raw", bl,
                        "p8.raw", words(16 * 40, (x, y) -> 990 + x * 13 + y, 40)));
        assertLikeDcmtk(dcm, VoiSelection.auto());
    }

    @Test
    void ybrFullAndYbrFull422BecomeRgbByTheStandardsEquations() throws Exception {
        int rows = 16;
        int cols = 32;
        byte[] full = new byte[rows * cols * 3];
        byte[] half = new byte[rows * cols * 2];
        for (int i = 0, p = 0, q = 0; i < rows * cols; i++) {
            int x = i % cols;
            int y = i / cols;
            full[p++] = (byte) (x * 8);
            full[p++] = (byte) (y * 16);
            full[p++] = (byte) (255 - x * 8);
            if (x % 2 == 0) {
                half[q++] = (byte) (x * 8);
                half[q++] = (byte) (x * 8 + 5);
                half[q++] = (byte) (y * 16);
                half[q++] = (byte) (255 - x * 8);
            }
        }
        Path ybr = dump2dcm("ybr-full", pixelModule(rows, cols, 3, "YBR_FULL", 8, 8, 7, 0, 0)
                + "(7fe0,0010) OB =ybr.raw\n", Map.of("ybr.raw", full));
        Path ybr422 = dump2dcm("ybr-full-422", pixelModule(rows, cols, 3, "YBR_FULL_422", 8, 8, 7, 0, 0)
                + "(7fe0,0010) OB =ybr422.raw\n", Map.of("ybr422.raw", half));
        for (Path dcm : new Path[] {ybr, ybr422}) {
            BufferedImage img = DicomImage.read(dcm, 1).render(VoiSelection.auto());
            Dcmtk.Pnm ref = Dcmtk.dcm2pnm(dcm);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    // PS3.3 C.7.6.3.1.2 inverted, chroma centred on 128. dcmtk centres on 127.5 (0.701 * 255
                    // instead of 1.402 * 128) and truncates, so it is allowed 2 levels.
                    int i = y * cols + x;
                    double yy = full[3 * i] & 0xFF;
                    double cb = (full[3 * i + 1] & 0xFF) - 128;
                    double cr = (full[3 * i + 2] & 0xFF) - 128;
                    if (dcm == ybr422) {
                        int pair = (y * cols + (x & ~1)) * 2;
                        yy = half[pair + (x & 1)] & 0xFF;
                        cb = (half[pair + 2] & 0xFF) - 128;
                        cr = (half[pair + 3] & 0xFF) - 128;
                    }
                    int rgb = RenderingTest.rgb(img, x, y);
                    double[] want = {yy + 1.402 * cr, yy - 0.3441 * cb - 0.7141 * cr, yy + 1.772 * cb};
                    for (int c = 0; c < 3; c++) {
                        double w = Math.max(0, Math.min(255, want[c]));
                        int got = rgb >> (16 - 8 * c) & 0xFF;
                        assertEquals(w, got, 0.5 + 1e-9, dcm.getFileName() + " (" + x + "," + y + ") channel " + c);
                        int dcmtk = ref.rgb(x, y) >> (16 - 8 * c) & 0xFF;
                        assertTrue(Math.abs(dcmtk - got) <= 2, dcm.getFileName() + " (" + x + "," + y + ") channel "
                                + c + ": dcmtk " + dcmtk + ", ours " + got);
                    }
                }
            }
        }
    }

    @Test
    void rgbColourByPlane() throws Exception {
        int rows = 20;
        int cols = 30;
        byte[] planes = new byte[rows * cols * 3];
        for (int i = 0; i < rows * cols; i++) {
            planes[i] = (byte) (i % cols * 8);
            planes[rows * cols + i] = (byte) (i / cols * 12);
            planes[2 * rows * cols + i] = (byte) (i * 5);
        }
        Path dcm = dump2dcm("rgb-planar", pixelModule(rows, cols, 3, "RGB", 8, 8, 7, 0, 1)
                + "(7fe0,0010) OB =planar.raw\n", Map.of("planar.raw", planes));
        assertLikeDcmtk(dcm, VoiSelection.auto());
    }

    @Test
    void twelveSignedBitsAtTheTopOfSixteenWithRescale() throws Exception {
        // High Bit 15, Bits Stored 12, signed: value v stored as v << 4, low 4 bits set to noise.
        Path dcm = dump2dcm("high-bit-15", pixelModule(32, 64, 1, "MONOCHROME2", 16, 12, 15, 1, 0)
                        + "(0028,1052) DS [-100]\n(0028,1053) DS [2]\n(7fe0,0010) OW =hb15.raw\n",
                Map.of("hb15.raw", words(32 * 64, (x, y) -> ((x * 55 - 1900 + y * 7) << 4) | (x & 0xF), 64)));
        DicomImage image = DicomImage.read(dcm, 1);
        assertEquals(-1900, image.frame().sample(0, 0));
        assertEquals(63 * 55 - 1900 + 31 * 7, image.frame().sample(63, 31));
        assertLikeDcmtk(dcm, VoiSelection.minMax(), "+Wm");
        assertLikeDcmtk(dcm, VoiSelection.window(-500, 3000), "+Ww", "-500", "3000");
    }

    @Test
    void voiLutSequenceAndModalityLutSequence() throws Exception {
        // Modality LUT: 4096 entries from 0, 16 bits: m = 3 * SV + 100 (capped); VOI LUT: 2048 entries of 12 bits.
        ByteBuffer mlut = ByteBuffer.allocate(2 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 4096; i++) {
            mlut.putShort((short) Math.min(65535, 3 * i + 100));
        }
        ByteBuffer vlut = ByteBuffer.allocate(2 * 2048).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 2048; i++) {
            vlut.putShort((short) (int) Math.round(4095 * Math.sqrt(i / 2047.0)));
        }
        byte[] px = words(32 * 64, (x, y) -> x * 60 + y * 3, 64);
        Path modality = dump2dcm("modality-lut", pixelModule(32, 64, 1, "MONOCHROME2", 16, 12, 11, 0, 0)
                        + "(0028,3000) SQ (Sequence with explicit length #=1)\n(fffe,e000) na (Item)\n"
                        + "(0028,3002) US 4096\\0\\16\n(0028,3003) LO [triple]\n(0028,3004) LO [US]\n"
                        + "(0028,3006) OW =mlut.raw\n(fffe,e00d) na (ItemDelimitationItem)\n"
                        + "(fffe,e0dd) na (SequenceDelimitationItem)\n(7fe0,0010) OW =mpx.raw\n",
                Map.of("mlut.raw", mlut.array(), "mpx.raw", px));
        DicomImage image = DicomImage.read(modality, 1);
        assertEquals(3 * image.frame().sample(5, 5) + 100, image.description().modalityLut().apply(image.frame().sample(5, 5)), 0);
        assertLikeDcmtk(modality, VoiSelection.minMax(), "+Wm");

        Path voi = dump2dcm("voi-lut", pixelModule(32, 64, 1, "MONOCHROME2", 16, 12, 11, 0, 0)
                        + "(0028,3010) SQ (Sequence with explicit length #=1)\n(fffe,e000) na (Item)\n"
                        + "(0028,3002) US 2048\\500\\12\n(0028,3003) LO [square root]\n"
                        + "(0028,3006) OW =vlut.raw\n(fffe,e00d) na (ItemDelimitationItem)\n"
                        + "(fffe,e0dd) na (SequenceDelimitationItem)\n(7fe0,0010) OW =vpx.raw\n",
                Map.of("vlut.raw", vlut.array(), "vpx.raw", px));
        assertEquals("square root", DicomImage.read(voi, 1).description().voiLuts().get(0).explanation());
        assertLikeDcmtk(voi, VoiSelection.lut(1), "+Wl", "1");
        assertLikeDcmtk(voi, VoiSelection.auto(), "+Wl", "1");
    }

    @Test
    void pixelPaddingIsLeftOutOfTheMinMaxWindow() throws Exception {
        // A CT-like frame: a disc of tissue in -3000 padding. With padding excluded the window spans the disc only.
        IntBinaryOperator v = (x, y) -> Math.hypot(x - 32, y - 32) < 28 ? 900 + x * 10 + y : -3000;
        Path dcm = dump2dcm("padding", pixelModule(64, 64, 1, "MONOCHROME2", 16, 16, 15, 1, 0)
                        + "(0028,0120) SS -3000\n(0028,1052) DS [-1024]\n(0028,1053) DS [1]\n"
                        + "(7fe0,0010) OW =pad.raw\n",
                Map.of("pad.raw", words(64 * 64, v, 64)));
        DicomImage image = DicomImage.read(dcm, 1);
        assertEquals(-3000, image.description().pixelPaddingValue());
        Window w = Rendering.minMaxWindow(image.description(), image.frame());
        double lo = 900 + 4 * 10 + 32 - 1024; // leftmost disc pixels are at x = 5
        assertTrue(w.center() - w.width() / 2 > -1000, "padding excluded: " + w);
        BufferedImage img = image.render(VoiSelection.minMax());
        assertEquals(0, img.getRaster().getSample(0, 0, 0), "padding below the window is black");
        assertEquals(255, img.getRaster().getSample(59, 32, 0) > 250 ? 255 : -1, "disc maximum near white");
        assertTrue(lo < w.center());
    }

    @Test
    void bigEndianAndFragmentedFramesWithoutOffsetTable() throws Exception {
        Path original = Dcmtk.corpus("us-multiframe.dcm");
        byte[] expected = Dcmtk.nativePixelBytes(original);
        int frameSize = 64 * 64;
        Path big = dir.resolve("us-multiframe-big.dcm");
        Dcmtk.exec(dir, "dcmconv", "+tb", original.toString(), big.toString());
        Path fragmented = dir.resolve("us-multiframe-fragmented.dcm");
        Dcmtk.exec(dir, "dcmcjpeg", "+e1", "+fs", "1", "-ot", original.toString(), fragmented.toString());
        Path rleNoBot = dir.resolve("us-multiframe-rle-nobot.dcm");
        Dcmtk.exec(dir, "dcmcrle", "-ot", original.toString(), rleNoBot.toString());
        assertTrue(Dcmtk.pixelItems(fragmented).size() > 5, "fragments of 1 KB");
        assertEquals(0, Dcmtk.pixelItems(fragmented).get(0).length, "empty Basic Offset Table");
        for (Path p : new Path[] {big, fragmented, rleNoBot}) {
            for (int k = 1; k <= 4; k++) {
                int[] want = Dcmtk.storedValues8(java.util.Arrays.copyOfRange(expected, (k - 1) * frameSize,
                        k * frameSize));
                assertArrayEquals(want, DicomImage.read(p, k).frame().samples(), p.getFileName() + " frame " + k);
            }
        }
    }

    @Test
    void eightBitSamplesInOwAreWordSwappedUnderBigEndian() throws Exception {
        // dcmconv +tb writes OW as big-endian words, so bytes 00 01 02 03 are stored 01 00 03 02 (PS3.5 §7.3).
        byte[] values = new byte[10 * 21];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) (i + 7);
        }
        Path le = dump2dcm("ow8", pixelModule(10, 21, 1, "MONOCHROME2", 8, 8, 7, 0, 0) + "(7fe0,0010) OW =ow8.raw\n",
                Map.of("ow8.raw", values));
        Path be = dir.resolve("ow8-big.dcm");
        Dcmtk.exec(dir, "dcmconv", "+tb", le.toString(), be.toString());
        assertTrue(Dcmtk.exec(dir, "dcmdump", be.toString()).contains("(7fe0,0010) OW"), "still OW");
        assertArrayEquals(Dcmtk.storedValues8(values), DicomImage.read(be, 1).frame().samples());
        assertArrayEquals(Dcmtk.storedValues8(values), DicomImage.read(le, 1).frame().samples());
    }

    @Test
    void jpegExtended8And12BitEqualDcmdjpegAnd12BitColourStaysCloseToTheOriginal() throws Exception {
        Path xa = Dcmtk.corpus("xa.dcm");
        for (String[] variant : new String[][] {{"xa-ee8.dcm"}, {"xa-ee12.dcm", "+bt"}}) {
            Path jpeg = dir.resolve(variant[0]);
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("dcmcjpeg", "+ee"));
            cmd.addAll(java.util.List.of(variant).subList(1, variant.length));
            cmd.addAll(java.util.List.of(xa.toString(), jpeg.toString()));
            Dcmtk.exec(dir, cmd.toArray(new String[0]));
            Path ref = Dcmtk.decompress(jpeg, "dcmdjpeg");
            ImagePixel refPx = FrameDecodingTest.pixelOf(ref);
            byte[] refBytes = Dcmtk.nativePixelBytes(ref);
            for (int k = 1; k <= refPx.numberOfFrames(); k++) {
                // 8-bit: ImageIO's libjpeg; 12-bit: our decoder. Both use the IJG islow IDCT, as dcmdjpeg does.
                assertArrayEquals(NativePixelDataTest.referenceFrame(refPx, refBytes, k - 1).samples(),
                        DicomImage.read(jpeg, k).frame().samples(), variant[0] + " frame " + k);
            }
        }
        Path rgb = Dcmtk.corpus("us-rgb.dcm");
        BufferedImage original = DicomImage.read(rgb, 1).render(VoiSelection.auto());
        for (String[] variant : new String[][] {{"rgb-ee12-444.dcm", "+s4"}, {"rgb-ee12-422.dcm", "+s2"}}) {
            Path jpeg = dir.resolve(variant[0]);
            Dcmtk.exec(dir, "dcmcjpeg", "+ee", "+bt", variant[1], rgb.toString(), jpeg.toString());
            DicomImage image = DicomImage.read(jpeg, 1);
            assertEquals(PhotometricInterpretation.YBR_FULL, image.frame().photometricInterpretation());
            BufferedImage img = image.render(VoiSelection.auto());
            long sum = 0;
            int worst = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int a = img.getRGB(x, y);
                    int b = original.getRGB(x, y);
                    for (int sh = 0; sh <= 16; sh += 8) {
                        int diff = Math.abs((a >> sh & 0xFF) - (b >> sh & 0xFF));
                        sum += diff;
                        worst = Math.max(worst, diff);
                    }
                }
            }
            double mean = sum / (3.0 * img.getWidth() * img.getHeight());
            // Lossy, and for 4:2:2 the chroma is replicated (libjpeg interpolates): close on average; the worst
            // pixels are on the disc's edge where chroma was halved.
            assertTrue(mean < 3 && worst < 100, variant[0] + ": mean error " + mean + ", worst " + worst);
        }
    }

    @Test
    void enhancedMultiFrameTakesRescaleAndWindowFromItsFunctionalGroups() throws Exception {
        // Shared: rescale 2/-1000; per frame: window 0/400 for frame 1, 500/1000 for frame 2 (C.7.6.16.2.9/10).
        String item = "(fffe,e000) na (Item)\n";
        String endItem = "(fffe,e00d) na (ItemDelimitationItem)\n";
        String endSeq = "(fffe,e0dd) na (SequenceDelimitationItem)\n";
        String body = pixelModule(8, 16, 1, "MONOCHROME2", 16, 12, 11, 0, 0) + "(0028,0008) IS [2]\n"
                + "(5200,9229) SQ (Sequence #=1)\n" + item
                + "(0028,9145) SQ (Sequence #=1)\n" + item
                + "(0028,1052) DS [-1000]\n(0028,1053) DS [2]\n(0028,1054) LO [US]\n" + endItem + endSeq
                + endItem + endSeq
                + "(5200,9230) SQ (Sequence #=2)\n"
                + item + "(0028,9132) SQ (Sequence #=1)\n" + item
                + "(0028,1050) DS [0]\n(0028,1051) DS [400]\n" + endItem + endSeq + endItem
                + item + "(0028,9132) SQ (Sequence #=1)\n" + item
                + "(0028,1050) DS [500]\n(0028,1051) DS [1000]\n(0028,1056) CS [LINEAR_EXACT]\n" + endItem + endSeq
                + endItem + endSeq
                + "(7fe0,0010) OW =enh.raw\n";
        Path dcm = dump2dcm("enhanced", body, Map.of("enh.raw", words(2 * 8 * 16, (x, y) -> x * 50 + (y % 8), 16)));
        for (int k = 1; k <= 2; k++) {
            DicomImage image = DicomImage.read(dcm, k);
            ImageDescription d = image.description();
            assertEquals(2, d.modalityLut().slope(), "frame " + k);
            assertEquals(-1000, d.modalityLut().intercept(), "frame " + k);
            Window w = d.windows().get(0);
            assertEquals(k == 1 ? new Window(0, 400) : new Window(500, 1000, VoiLutFunction.LINEAR_EXACT, null), w);
            BufferedImage img = image.render(VoiSelection.auto());
            for (int x = 0; x < 16; x++) {
                double m = 2 * image.frame().sample(x, 2) - 1000;
                assertEquals(w.apply(m, 0, 255), img.getRaster().getSample(x, 2, 0), 0.5 + 1e-9, "frame " + k);
            }
        }
    }

    @Test
    void linearExactFromTheFileAndItsNarrowWidth() throws Exception {
        Path dcm = dump2dcm("voi-function", pixelModule(8, 64, 1, "MONOCHROME2", 16, 12, 11, 0, 0)
                        + "(0028,1050) DS [1000\\2000]\n(0028,1051) DS [1000\\0.5]\n(0028,1056) CS [LINEAR_EXACT]\n"
                        + "(7fe0,0010) OW =lx.raw\n",
                Map.of("lx.raw", words(8 * 64, (x, y) -> x * 40 + y, 64)));
        DicomImage image = DicomImage.read(dcm, 1);
        assertEquals(VoiLutFunction.LINEAR_EXACT, image.description().windows().get(0).function());
        BufferedImage img = image.render(VoiSelection.preset(1));
        for (int x = 0; x < 64; x++) {
            // C.11.2.1.3.2: y = ((x - c) / w + 0.5) * 255 inside [c - w/2, c + w/2].
            double v = x * 40 + 3;
            double want = v <= 500 ? 0 : v > 1500 ? 255 : ((v - 1000) / 1000 + 0.5) * 255;
            assertEquals(want, img.getRaster().getSample(x, 3, 0), 0.5 + 1e-9, "x=" + x);
        }
        // The second preset, width 0.5, is valid for LINEAR_EXACT (> 0).
        assertEquals(0.5, image.description().windows().get(1).width());
    }
}
