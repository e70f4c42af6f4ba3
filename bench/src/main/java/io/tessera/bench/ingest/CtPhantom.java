package io.tessera.bench.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes the pixel data of the benchmark's CT images: 512 × 512, 16 bits allocated, 12 stored, little endian
 * (PS3.5 §8, native format) — a water cylinder in air with a bone-density shell and some noise, so the bytes look like
 * a CT slice rather than zeros (nothing on the path compresses, but a realistic image costs nothing).
 * {@code bench/run} hands the file to dcmtk's {@code dump2dcm} ({@code (7fe0,0010) OW =file}).
 *
 * <p>{@code java CtPhantom.java <out.raw>}; values are CT numbers + 1024 (Rescale Intercept −1024).
 */
public final class CtPhantom {
    private CtPhantom() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CtPhantom <out.raw>");
            System.exit(2);
        }
        Random noise = new Random(20261125L);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[0])), 1 << 16)) {
            for (int y = 0; y < 512; y++) {
                for (int x = 0; x < 512; x++) {
                    double r = Math.hypot(x - 255.5, y - 255.5);
                    int hu = r > 230 ? -1000 : r > 215 ? 1000 : 40;
                    int v = Math.max(0, Math.min(4095, hu + 1024 + noise.nextInt(41) - 20));
                    out.write(v & 0xff);
                    out.write(v >>> 8);
                }
            }
        }
    }
}
