package io.tessera.dicom.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rendering of decoded frames against dcmtk's dcm2pnm (±1 grey level everywhere) and against the PS3.3 C.11.2.1.2
 * formula computed here by hand at sampled points. Descriptions are built from values as the corpus generator wrote
 * them; {@link DicomImageTest} renders the same files from the files themselves.
 */
class RenderingTest {

    @BeforeAll
    static void dcmtkInstalled() {
        Assumptions.assumeTrue(Dcmtk.available(), "dcmtk not installed (apt-get install dcmtk)");
    }

    /** The corpus CT: 512x512, 12 of 16 bits, Rescale -1024/1 HU, presets BRAIN 40/400 and BONE 400/2000. */
    static ImageDescription ct() {
        return ImageDescription.of(ImagePixel.of(512, 512, PhotometricInterpretation.MONOCHROME2, 16, 12, false))
                .withModalityLut(ModalityLut.rescale(1, -1024, "HU"))
                .withWindows(List.of(new Window(40, 400, VoiLutFunction.LINEAR, "BRAIN"),
                        new Window(400, 2000, VoiLutFunction.LINEAR, "BONE")));
    }

    static Frame frameOf(ImageDescription d, Path dcm, int k) throws PixelDataException {
        return NativePixelData.decode(d.pixel(), Dcmtk.nativePixelBytes(dcm), (int) (k * d.pixel().bytesPerFrame()),
                false);
    }

    /** Every pixel within ±1 grey level of dcm2pnm's. */
    static void assertGreyMatches(Dcmtk.Pnm expected, BufferedImage actual, String what) {
        assertEquals(expected.width(), actual.getWidth(), what + " width");
        assertEquals(expected.height(), actual.getHeight(), what + " height");
        int worst = 0;
        int wx = 0;
        int wy = 0;
        for (int y = 0; y < actual.getHeight(); y++) {
            for (int x = 0; x < actual.getWidth(); x++) {
                int e = expected.rgb(x, y);
                int a = rgb(actual, x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = Math.abs((e >> shift & 0xFF) - (a >> shift & 0xFF));
                    if (d > worst) {
                        worst = d;
                        wx = x;
                        wy = y;
                    }
                }
            }
        }
        assertTrue(worst <= 1, what + ": differs from dcm2pnm by " + worst + " at (" + wx + "," + wy + "): expected "
                + Integer.toHexString(expected.rgb(wx, wy)) + ", got " + Integer.toHexString(rgb(actual, wx, wy)));
    }

    /** Raw samples: getRGB would pass TYPE_BYTE_GRAY through a linear-grey to sRGB conversion. */
    static int rgb(BufferedImage img, int x, int y) {
        if (img.getRaster().getNumBands() == 1) {
            return img.getRaster().getSample(x, y, 0) * 0x010101;
        }
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    private static int grey(BufferedImage img, int x, int y) {
        return img.getRaster().getSample(x, y, 0);
    }

    @Test
    void ctWindow40Over400HasTheGreyLevelsOfTheStandardsFormula() throws Exception {
        Path dcm = Dcmtk.corpus("ct512.dcm");
        ImageDescription d = ct();
        Frame f = frameOf(d, dcm, 0);
        BufferedImage img = Rendering.render(d, f, VoiSelection.window(40, 400));
        // PS3.3 C.11.2.1.2.1 by hand: HU = SV - 1024; below c - 0.5 - (w-1)/2 black, above c - 0.5 + (w-1)/2 white.
        int checked = 0;
        int inside = 0;
        for (int y = 0; y < 512; y += 7) {
            for (int x = 0; x < 512; x += 5) {
                double hu = f.sample(x, y) - 1024;
                double expected;
                if (hu <= 40 - 0.5 - 399 / 2.0) {
                    expected = 0;
                } else if (hu > 40 - 0.5 + 399 / 2.0) {
                    expected = 255;
                } else {
                    expected = ((hu - 39.5) / 399 + 0.5) * 255;
                    inside++;
                }
                assertEquals(expected, grey(img, x, y), 0.5 + 1e-9, "grey at (" + x + "," + y + "), HU " + hu);
                checked++;
            }
        }
        assertTrue(inside > 100, "only " + inside + " of " + checked + " samples fall inside the window");
        assertGreyMatches(Dcmtk.dcm2pnm(dcm, "-O", "+Ww", "40", "400"), img, "CT 40/400");
    }

    @Test
    void ctPresetsAndMinMaxMatchDcm2pnm() throws Exception {
        Path dcm = Dcmtk.corpus("ct512.dcm");
        ImageDescription d = ct();
        Frame f = frameOf(d, dcm, 0);
        assertGreyMatches(Dcmtk.dcm2pnm(dcm, "-O", "+Wi", "1"), Rendering.render(d, f, VoiSelection.preset(1)), "BRAIN");
        assertGreyMatches(Dcmtk.dcm2pnm(dcm, "-O", "+Wi", "2"), Rendering.render(d, f, VoiSelection.preset(2)), "BONE");
        assertGreyMatches(Dcmtk.dcm2pnm(dcm, "-O", "+Wm"), Rendering.render(d, f, VoiSelection.minMax()), "min-max");
        assertGreyMatches(Dcmtk.dcm2pnm(dcm, "-O", "+Ww", "100", "1", "+Wfs"),
                Rendering.render(d, f, VoiSelection.window(100, 1, VoiLutFunction.SIGMOID)), "sigmoid");
        assertGreyMatches(Dcmtk.dcm2pnm(dcm, "-O", "+Ww", "-200", "700", "+Wfs"),
                Rendering.render(d, f, VoiSelection.window(-200, 700, VoiLutFunction.SIGMOID)), "sigmoid");
    }

    @Test
    void monochrome1IsInvertedLikeDcm2pnm() throws Exception {
        Path dcm = Dcmtk.corpus("cr.dcm");
        ImageDescription d = ImageDescription.of(ImagePixel.of(96, 128, PhotometricInterpretation.MONOCHROME1, 16, 12,
                false)).withWindows(List.of(new Window(2048, 4096)));
        Frame f = frameOf(d, dcm, 0);
        assertGreyMatches(Dcmtk.dcm2pnm(dcm, "-O", "+Wi", "1"), Rendering.render(d, f, VoiSelection.auto()), "CR preset");
        assertGreyMatches(Dcmtk.dcm2pnm(dcm, "-O", "+Wm"), Rendering.render(d, f, VoiSelection.minMax()), "CR min-max");
    }

    @Test
    void signedMrMinMaxMatchesDcm2pnm() throws Exception {
        Path dcm = Dcmtk.corpus("mr-signed.dcm");
        ImageDescription d = ImageDescription.of(ImagePixel.of(64, 64, PhotometricInterpretation.MONOCHROME2, 16, 16,
                true));
        Frame f = frameOf(d, dcm, 0);
        assertTrue(java.util.Arrays.stream(f.samples()).min().getAsInt() < 0, "signed values decoded");
        assertGreyMatches(Dcmtk.dcm2pnm(dcm, "-O", "+Wm"), Rendering.render(d, f, VoiSelection.minMax()), "MR min-max");
        assertGreyMatches(Dcmtk.dcm2pnm(dcm, "-O", "+Ww", "-1200", "3000"),
                Rendering.render(d, f, VoiSelection.window(-1200, 3000)), "MR window");
    }

    @Test
    void rgbIsKeptAndMultiFrameSelectsFrameN() throws Exception {
        Path us = Dcmtk.corpus("us-rgb.dcm");
        ImageDescription rgb = ImageDescription.of(ImagePixel.of(48, 64, PhotometricInterpretation.RGB, 8, 8, false));
        assertGreyMatches(Dcmtk.dcm2pnm(us), Rendering.render(rgb, frameOf(rgb, us, 0), VoiSelection.auto()), "RGB");

        Path mf = Dcmtk.corpus("us-multiframe.dcm");
        ImageDescription d = ImageDescription.of(ImagePixel.of(64, 64, PhotometricInterpretation.MONOCHROME2, 8, 8,
                false).withFrames(4));
        for (int k = 0; k < 4; k++) {
            assertGreyMatches(Dcmtk.dcm2pnm(mf, "+F", Integer.toString(k + 1), "+Wm"),
                    Rendering.render(d, frameOf(d, mf, k), VoiSelection.minMax()), "frame " + (k + 1));
        }
    }
}
