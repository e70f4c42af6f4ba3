package io.tessera.dicom.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.UID;
import io.tessera.dicom.testkit.Dcmdump;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compressed frames decode to exactly the stored values dcmtk's own decompressors (dcmdrle, dcmdjpeg) write for the
 * lossless syntaxes, and lossy JPEG within the rounding of another IJG-derived decoder. Fragments are taken from the
 * files by dcmtk ({@code dcmdump +W}) so only the decoders are under test here; {@link DicomImageTest} covers the
 * path from the file.
 */
class FrameDecodingTest {

    @BeforeAll
    static void dcmtkInstalled() {
        Assumptions.assumeTrue(Dcmtk.available(), "dcmtk not installed (apt-get install dcmtk)");
    }

    /** The Image Pixel Module as dcmdump prints it (independent of our reader). */
    static ImagePixel pixelOf(Path dcm) {
        List<Dcmdump.Element> ds = Dcmdump.of(dcm).dataset();
        PhotometricInterpretation pi = PhotometricInterpretation.of(value(ds, 0x00280004, null));
        return new ImagePixel(Integer.parseInt(value(ds, 0x00280010, null)), Integer.parseInt(value(ds, 0x00280011, null)),
                Integer.parseInt(value(ds, 0x00280002, "1")), pi, Integer.parseInt(value(ds, 0x00280100, null)),
                Integer.parseInt(value(ds, 0x00280101, null)), Integer.parseInt(value(ds, 0x00280102, null)),
                Integer.parseInt(value(ds, 0x00280103, "0")), Integer.parseInt(value(ds, 0x00280006, "0")),
                Integer.parseInt(value(ds, 0x00280008, "1").trim()));
    }

    private static String value(List<Dcmdump.Element> ds, int tag, String def) {
        return ds.stream().filter(e -> e.tag() == tag).map(Dcmdump.Element::value).findFirst().orElse(def);
    }

    /** Frame k of encapsulated pixel data extracted by dcmtk, located with our frame table logic. */
    static byte[] encapsulatedFrame(List<byte[]> items, int frames, int k) throws PixelDataException {
        List<byte[]> fragments = items.subList(1, items.size());
        long[] lengths = fragments.stream().mapToLong(f -> f.length).toArray();
        boolean[] soi = new boolean[fragments.size()];
        for (int i = 0; i < soi.length; i++) {
            byte[] f = fragments.get(i);
            soi[i] = f.length > 1 && (f[0] & 0xFF) == 0xFF && (f[1] & 0xFF) == 0xD8;
        }
        int[] starts = EncapsulatedFrames.frameStarts(EncapsulatedFrames.basicOffsetTable(items.get(0)), lengths, soi,
                frames);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = starts[k]; i < starts[k + 1]; i++) {
            out.writeBytes(fragments.get(i));
        }
        return out.toByteArray();
    }

    /** Decodes every frame and compares with the native stored values of the dcmtk-decompressed copy. */
    private static void assertLosslessEqualsDcmtk(String corpusFile, String ts, String tool) throws Exception {
        Path dcm = Dcmtk.corpus(corpusFile);
        ImagePixel px = pixelOf(dcm);
        List<byte[]> items = Dcmtk.pixelItems(dcm);
        Path reference = Dcmtk.decompress(dcm, tool);
        ImagePixel refPx = pixelOf(reference);
        byte[] refBytes = Dcmtk.nativePixelBytes(reference);
        for (int k = 0; k < px.numberOfFrames(); k++) {
            Frame f = PixelDataDecoder.decodeEncapsulated(px, ts, encapsulatedFrame(items, px.numberOfFrames(), k));
            Frame expected = NativePixelDataTest.referenceFrame(refPx, refBytes, k);
            assertEquals(expected.photometricInterpretation(), f.photometricInterpretation(), corpusFile);
            assertArrayEquals(expected.samples(), f.samples(), corpusFile + " frame " + (k + 1)
                    + " differs from " + tool);
        }
    }

    @Test
    void rleLosslessEqualsDcmdrle16BitCt() throws Exception {
        assertLosslessEqualsDcmtk("ct512-rle.dcm", UID.RLELossless, "dcmdrle");
    }

    @Test
    void rleLosslessEqualsDcmdrleRgb() throws Exception {
        assertLosslessEqualsDcmtk("us-rgb-rle.dcm", UID.RLELossless, "dcmdrle");
    }

    @Test
    void rleLosslessEqualsDcmdrleMultiFrame() throws Exception {
        assertLosslessEqualsDcmtk("us-multiframe-rle.dcm", UID.RLELossless, "dcmdrle");
    }

    @Test
    void jpegLosslessProcess14EqualsDcmdjpeg() throws Exception {
        assertLosslessEqualsDcmtk("ct512-jpeg-lossless.dcm", UID.JPEGLossless, "dcmdjpeg");
    }

    @Test
    void jpegLosslessSelectionValue1EqualsDcmdjpeg() throws Exception {
        assertLosslessEqualsDcmtk("ct512-jpeg-lossless-sv1.dcm", UID.JPEGLosslessSV1, "dcmdjpeg");
    }

    @Test
    void jpegLosslessMultiFrameEqualsDcmdjpeg() throws Exception {
        assertLosslessEqualsDcmtk("xa-jpeg-lossless-sv1.dcm", UID.JPEGLosslessSV1, "dcmdjpeg");
    }

    @Test
    void jpegBaselineYbr422DecodesToRgbLikeDcmdjpeg() throws Exception {
        for (String file : List.of("us-rgb-jpeg-baseline.dcm", "us-multiframe-jpeg-baseline.dcm",
                "img2dcm-sc.dcm")) {
            Path dcm = Dcmtk.corpus(file);
            ImagePixel px = pixelOf(dcm);
            List<byte[]> items = Dcmtk.pixelItems(dcm);
            Path reference = Dcmtk.decompress(dcm, "dcmdjpeg");
            ImagePixel refPx = pixelOf(reference);
            byte[] refBytes = Dcmtk.nativePixelBytes(reference);
            for (int k = 0; k < px.numberOfFrames(); k++) {
                Frame f = PixelDataDecoder.decodeEncapsulated(px, UID.JPEGBaseline8Bit,
                        encapsulatedFrame(items, px.numberOfFrames(), k));
                Frame expected = NativePixelDataTest.referenceFrame(refPx, refBytes, k);
                assertEquals(expected.photometricInterpretation(), f.photometricInterpretation(), file);
                int worst = 0;
                for (int i = 0; i < f.samples().length; i++) {
                    worst = Math.max(worst, Math.abs(f.samples()[i] - expected.samples()[i]));
                }
                // Both are IJG-derived 8-bit DCT decoders; only upsampling/IDCT rounding may differ.
                assertTrue(worst <= 2, file + " frame " + (k + 1) + " differs from dcmdjpeg by up to " + worst);
            }
        }
    }

    @Test
    void jpegLsAndJpeg2000AreRefusedNamingTheUid() {
        ImagePixel px = ImagePixel.of(4, 4, PhotometricInterpretation.MONOCHROME2, 16, 12, false);
        for (String uid : List.of(UID.JPEGLSLossless, UID.JPEGLSNearLossless, UID.JPEG2000Lossless, UID.JPEG2000)) {
            UnsupportedTransferSyntaxException e = assertThrows(UnsupportedTransferSyntaxException.class,
                    () -> PixelDataDecoder.decodeEncapsulated(px, uid, new byte[] {(byte) 0xFF, 0x4F}));
            assertEquals(uid, e.transferSyntaxUid());
            assertTrue(e.getMessage().contains(uid), e.getMessage());
        }
    }

    @Test
    void truncatedRleSegmentIsAClearError() throws Exception {
        Path dcm = Dcmtk.corpus("ct512-rle.dcm");
        byte[] frame = encapsulatedFrame(Dcmtk.pixelItems(dcm), 1, 0);
        byte[] cut = java.util.Arrays.copyOf(frame, frame.length / 2);
        PixelDataException e = assertThrows(PixelDataException.class,
                () -> RleLossless.decode(pixelOf(dcm), cut));
        assertTrue(e.getMessage().contains("segment"), e.getMessage());
    }
}
