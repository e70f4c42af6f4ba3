package io.tessera.dicom.image;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tessera.dicom.data.UID;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bounded fuzz test of the decoders: compressed frames from the corpus with random bytes changed, truncated or
 * extended decode or fail with a {@link PixelDataException} naming the problem; never another exception, an
 * OutOfMemoryError or a hang (each case runs under a time limit).
 */
class CorruptPixelDataTest {

    @BeforeAll
    static void dcmtkInstalled() {
        Assumptions.assumeTrue(Dcmtk.available(), "dcmtk not installed (apt-get install dcmtk)");
    }

    private static final int CASES_PER_FILE = 150;

    @Test
    void mutatedFramesFailCleanly() throws Exception {
        Random random = new Random(20240131);
        int failures = 0;
        int total = 0;
        for (String[] f : new String[][] {{"ct512-rle.dcm", UID.RLELossless},
                {"us-rgb-rle.dcm", UID.RLELossless},
                {"ct512-jpeg-lossless-sv1.dcm", UID.JPEGLosslessSV1},
                {"ct512-jpeg-extended.dcm", UID.JPEGExtended12Bit},
                {"us-rgb-jpeg-baseline.dcm", UID.JPEGBaseline8Bit}}) {
            Path dcm = Dcmtk.corpus(f[0]);
            ImagePixel px = FrameDecodingTest.pixelOf(dcm);
            List<byte[]> items = Dcmtk.pixelItems(dcm);
            byte[] frame = FrameDecodingTest.encapsulatedFrame(items, 1, 0);
            for (int i = 0; i < CASES_PER_FILE; i++) {
                byte[] bad = mutate(frame, random);
                total++;
                String what = f[0] + " case " + i;
                Throwable t = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                    try {
                        PixelDataDecoder.decodeEncapsulated(px, f[1], bad);
                        return null;
                    } catch (Throwable e) {
                        return e;
                    }
                }, what + " hangs");
                if (t == null) {
                    continue;
                }
                failures++;
                if (!(t instanceof PixelDataException)) {
                    fail(what + ": " + t, t);
                }
                assertTrue(t.getMessage() != null && !t.getMessage().isBlank(), what + ": no message");
            }
        }
        assertTrue(failures > total / 10, "only " + failures + " of " + total + " mutations were detected");
    }

    private static byte[] mutate(byte[] frame, Random r) {
        byte[] b = frame.clone();
        switch (r.nextInt(4)) {
            case 0 -> { // a few random bytes, often in headers (RLE header, JPEG marker segments)
                int n = 1 + r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    int at = r.nextBoolean() ? r.nextInt(Math.min(b.length, 700)) : r.nextInt(b.length);
                    b[at] = (byte) r.nextInt(256);
                }
            }
            case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length)); // truncated
            case 2 -> { // a 0xFF run, the worst case for both formats
                int at = r.nextInt(b.length);
                Arrays.fill(b, at, Math.min(b.length, at + 1 + r.nextInt(64)), (byte) 0xFF);
            }
            default -> { // a 32-bit field overwritten with a large value
                int at = r.nextInt(Math.max(1, Math.min(b.length - 4, 200)));
                b[at] = (byte) 0x7F;
                b[at + 1] = (byte) 0xFF;
                b[at + 2] = (byte) 0xFF;
                b[at + 3] = (byte) 0xF0;
            }
        }
        return b;
    }
}
