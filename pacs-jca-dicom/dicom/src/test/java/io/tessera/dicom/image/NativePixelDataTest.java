package io.tessera.dicom.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Native layouts PS3.5 §8.1.1 describes, on hand-made bytes whose stored values are known by construction. */
class NativePixelDataTest {

    /**
     * Frame k of native little-endian bytes dcmtk wrote, read by this test's own simple loop (8 or 16 bits, High
     * Bit = Bits Stored - 1, planar 0 or 1), to compare decoders with.
     */
    static Frame referenceFrame(ImagePixel px, byte[] le, int k) {
        int spp = px.samplesPerPixel();
        int n = px.pixelsPerFrame() * spp;
        int bytes = px.bitsAllocated() / 8;
        int base = k * n * bytes;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int src = px.planarConfiguration() == 1 ? (i % spp) * px.pixelsPerFrame() + i / spp : i;
            int p = base + src * bytes;
            int v = bytes == 1 ? le[p] & 0xFF : (le[p] & 0xFF) | (le[p + 1] & 0xFF) << 8;
            if (px.signed() && bytes == 2) {
                v = (short) v;
            }
            out[i] = v;
        }
        return new Frame(px.rows(), px.columns(), spp, px.photometricInterpretation(), px.bitsStored(), px.signed(),
                out);
    }

    @Test
    void twelveBitsStoredAtTheTopOfSixteenWithOtherBitsSet() throws Exception {
        // High Bit 15, Bits Stored 12: value in bits 4..15; bits 0..3 hold something else (C.7.6.3.1.1).
        ImagePixel px = new ImagePixel(1, 3, 1, PhotometricInterpretation.MONOCHROME2, 16, 12, 15, 1, 0, 1);
        byte[] le = {(byte) 0xFF, 0x7F, 0x0A, (byte) 0x80, 0x15, 0x00};
        Frame f = NativePixelData.decode(px, le, 0, false);
        assertArrayEquals(new int[] {0x7FF, -0x800, 1}, f.samples());
    }

    @Test
    void signExtensionAtBitsStoredIgnoresBitsAboveHighBit() throws Exception {
        // Bits Stored 12, High Bit 11, signed: 0xF800 has garbage in bits 12..15 and value 0x800 = -2048.
        ImagePixel px = new ImagePixel(1, 3, 1, PhotometricInterpretation.MONOCHROME2, 16, 12, 11, 1, 0, 1);
        byte[] be = {(byte) 0xF8, 0x00, 0x07, (byte) 0xFF, (byte) 0xAF, (byte) 0xFF};
        assertArrayEquals(new int[] {-2048, 2047, -1}, NativePixelData.decode(px, be, 0, true).samples());
    }

    @Test
    void planarConfigurationOneIsInterleaved() throws Exception {
        ImagePixel px = new ImagePixel(1, 2, 3, PhotometricInterpretation.RGB, 8, 8, 7, 0, 1, 1);
        byte[] planes = {1, 2, 10, 20, (byte) 100, (byte) 200};
        assertArrayEquals(new int[] {1, 10, 100, 2, 20, 200}, NativePixelData.decode(px, planes, 0, false).samples());
    }

    @Test
    void ybrFull422SharesChromaAcrossEachPair() throws Exception {
        ImagePixel px = new ImagePixel(1, 4, 3, PhotometricInterpretation.YBR_FULL_422, 8, 8, 7, 0, 0, 1);
        assertEquals(8, px.bytesPerFrame());
        byte[] d = {10, 20, 30, 40, 50, 60, 70, 80};
        Frame f = NativePixelData.decode(px, d, 0, false);
        assertEquals(PhotometricInterpretation.YBR_FULL, f.photometricInterpretation());
        assertArrayEquals(new int[] {10, 30, 40, 20, 30, 40, 50, 70, 80, 60, 70, 80}, f.samples());
    }

    @Test
    void frameNStartsAfterNFrames() throws Exception {
        ImagePixel px = new ImagePixel(2, 2, 1, PhotometricInterpretation.MONOCHROME2, 8, 8, 7, 0, 0, 3);
        byte[] d = {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23};
        assertArrayEquals(new int[] {20, 21, 22, 23}, NativePixelData.decode(px, d, (int) (2 * px.bytesPerFrame()),
                false).samples());
    }

    @Test
    void shortPixelDataIsAClearError() {
        ImagePixel px = ImagePixel.of(4, 4, PhotometricInterpretation.MONOCHROME2, 16, 16, false);
        PixelDataException e = assertThrows(PixelDataException.class,
                () -> NativePixelData.decode(px, new byte[30], 0, false));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
    }
}
