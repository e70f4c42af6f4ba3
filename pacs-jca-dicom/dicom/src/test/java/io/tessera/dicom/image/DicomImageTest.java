package io.tessera.dicom.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.UID;
import io.tessera.dicom.testkit.Corpus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path from a file: {@link DicomImage#read} on every image of the corpus, in every transfer syntax, frame by
 * frame, against dcmtk: lossless and native stored values equal those of dcmtk's decompressed or converted copy, and
 * renderings match dcm2pnm within one grey level.
 */
class DicomImageTest {

    @BeforeAll
    static void dcmtkInstalled() {
        Assumptions.assumeTrue(Dcmtk.available(), "dcmtk not installed (apt-get install dcmtk)");
    }

    /** dcmtk's native Explicit VR Little Endian copy of a file: the reference for stored values. */
    static Path reference(Path dcm, String ts) {
        if (ts.equals(UID.RLELossless)) {
            return Dcmtk.decompress(dcm, "dcmdrle");
        }
        if (ts.startsWith("1.2.840.10008.1.2.4.")) {
            return Dcmtk.decompress(dcm, "dcmdjpeg");
        }
        return Dcmtk.decompress(dcm, "dcmconv", "+te");
    }

    static boolean isImage(Corpus.Entry e) {
        return !Dcmtk.pixelItems(e.file()).isEmpty();
    }

    @Test
    void everyCorpusImageDecodesFrameByFrameToDcmtksStoredValues() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Corpus.Entry e : Corpus.get()) {
            if (!isImage(e)) {
                continue;
            }
            Path ref = reference(e.file(), e.transferSyntax());
            ImagePixel refPx = FrameDecodingTest.pixelOf(ref);
            byte[] refBytes = Dcmtk.nativePixelBytes(ref);
            // 8-bit DCT goes through ImageIO (libjpeg, fancy upsampling of chroma): within IJG rounding. 12-bit DCT
            // goes through our port of IJG's islow IDCT: exactly dcmdjpeg's values.
            boolean lossy = e.transferSyntax().equals(UID.JPEGBaseline8Bit);
            for (int k = 1; k <= refPx.numberOfFrames(); k++) {
                DicomImage image = DicomImage.read(e.file(), k);
                assertEquals(refPx.numberOfFrames(), image.description().pixel().numberOfFrames(), e.toString());
                Frame expected = NativePixelDataTest.referenceFrame(refPx, refBytes, k - 1);
                Frame actual = image.frame();
                assertEquals(expected.photometricInterpretation(), actual.photometricInterpretation(), e.toString());
                if (lossy) {
                    int worst = 0;
                    for (int i = 0; i < actual.samples().length; i++) {
                        worst = Math.max(worst, Math.abs(actual.samples()[i] - expected.samples()[i]));
                    }
                    assertTrue(worst <= 2, e + " frame " + k + " differs from dcmdjpeg by " + worst);
                } else {
                    assertArrayEquals(expected.samples(), actual.samples(), e + " frame " + k);
                }
            }
            checked.add(e.file().getFileName().toString());
        }
        assertTrue(checked.size() >= 35, "only " + checked.size() + " images checked: " + checked);
        for (String must : List.of("ct512-bigendian.dcm", "ct512-deflated.dcm", "ct512-rle.dcm",
                "ct512-jpeg-lossless.dcm", "ct512-jpeg-lossless-sv1.dcm", "ct512-jpeg-extended.dcm", "mr-signed-bigendian.dcm",
                "nm-bigendian.dcm", "us-multiframe-rle.dcm", "xa-jpeg-lossless-sv1.dcm", "us-rgb-jpeg-baseline.dcm")) {
            assertTrue(checked.contains(must), must + " not checked");
        }
    }

    @Test
    void everyCorpusImageRendersLikeDcm2pnm() throws Exception {
        for (Corpus.Entry e : Corpus.get()) {
            if (!isImage(e) || e.transferSyntax().equals(UID.JPEGBaseline8Bit)) {
                continue;
            }
            ImageDescription d = DicomImage.readDescription(e.file());
            int frames = d.pixel().numberOfFrames();
            for (int k : frames == 1 ? new int[] {1} : new int[] {1, frames}) {
                DicomImage image = DicomImage.read(e.file(), k);
                String f = Integer.toString(k);
                if (d.pixel().photometricInterpretation().isMonochrome()) {
                    RenderingTest.assertGreyMatches(Dcmtk.dcm2pnm(e.file(), "-O", "+F", f, "+Wm"),
                            image.render(VoiSelection.minMax()), e + " frame " + k + " min-max");
                    if (!d.windows().isEmpty()) {
                        RenderingTest.assertGreyMatches(Dcmtk.dcm2pnm(e.file(), "-O", "+F", f, "+Wi", "1"),
                                image.render(VoiSelection.preset(1)), e + " frame " + k + " preset 1");
                    }
                } else {
                    RenderingTest.assertGreyMatches(Dcmtk.dcm2pnm(e.file(), "+F", f), image.render(VoiSelection.auto()),
                            e + " frame " + k);
                }
            }
        }
    }

    @Test
    void ctWithRescaleRendersItsBrainPresetWithTheStandardsGreyLevels() throws Exception {
        for (String file : List.of("ct512.dcm", "ct512-bigendian.dcm", "ct512-jpeg-lossless.dcm", "ct512-rle.dcm")) {
            Path dcm = Dcmtk.corpus(file);
            DicomImage image = DicomImage.read(dcm, 1);
            ImageDescription d = image.description();
            assertEquals(-1024, d.modalityLut().intercept(), file);
            assertEquals(1, d.modalityLut().slope(), file);
            assertEquals(new Window(40, 400, VoiLutFunction.LINEAR, "BRAIN"), d.windows().get(0));
            assertEquals(new Window(400, 2000, VoiLutFunction.LINEAR, "BONE"), d.windows().get(1));
            BufferedImage img = image.render(VoiSelection.preset(1));
            int inside = 0;
            for (int y = 3; y < 512; y += 11) {
                for (int x = 1; x < 512; x += 13) {
                    double hu = image.frame().sample(x, y) - 1024;
                    double expected = hu <= 40 - 0.5 - 399 / 2.0 ? 0 : hu > 40 - 0.5 + 399 / 2.0 ? 255
                            : ((hu - 39.5) / 399 + 0.5) * 255;
                    inside += expected > 0 && expected < 255 ? 1 : 0;
                    assertEquals(expected, img.getRaster().getSample(x, y, 0), 0.5 + 1e-9,
                            file + " (" + x + "," + y + ") HU " + hu);
                }
            }
            assertTrue(inside > 50, file + ": only " + inside + " samples inside the window");
        }
    }

    @Test
    void pngAndJpegOutputDecodeBackToTheRendering() throws Exception {
        DicomImage image = DicomImage.read(Dcmtk.corpus("ct512-jpeg-lossless-sv1.dcm"), 1);
        BufferedImage rendered = image.render(VoiSelection.window(40, 400));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        image.writePng(png, VoiSelection.window(40, 400));
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        for (int y = 0; y < 512; y += 17) {
            for (int x = 0; x < 512; x += 19) {
                assertEquals(rendered.getRaster().getSample(x, y, 0), back.getRaster().getSample(x, y, 0));
            }
        }
        ByteArrayOutputStream small = new ByteArrayOutputStream();
        ByteArrayOutputStream large = new ByteArrayOutputStream();
        image.writeJpeg(small, VoiSelection.window(40, 400), 0.3f);
        image.writeJpeg(large, VoiSelection.window(40, 400), 0.95f);
        assertTrue(small.size() < large.size(), "quality 0.3 gives " + small.size() + " bytes, 0.95 " + large.size());
        assertEquals(512, ImageIO.read(new ByteArrayInputStream(large.toByteArray())).getWidth());
    }

    @Test
    void frameNumberOutOfRangeIsAClearError() {
        PixelDataException e = assertThrows(PixelDataException.class,
                () -> DicomImage.read(Dcmtk.corpus("us-multiframe-rle.dcm"), 5));
        assertTrue(e.getMessage().contains("Number of Frames"), e.getMessage());
        assertThrows(PixelDataException.class, () -> DicomImage.read(Dcmtk.corpus("rt-plan.dcm"), 1));
    }
}
