package io.tessera.bench.io;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.io.DicomInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Header parse of a 512x512 16-bit CT from memory, stopping before Pixel Data (readDatasetUntil), on one thread.
 * Target (issue 3): at least 50,000 files/s on one core. Usage: HeaderParseBench [file.dcm] [seconds].
 */
public final class HeaderParseBench {
    private HeaderParseBench() {
    }

    public static void main(String[] args) throws IOException {
        byte[] file = CtHeader.fileOrArg(args);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        int elements = parse(file).size();
        System.out.printf("file %d bytes, header %d top-level elements%n", file.length, elements);
        run(file, Math.max(1, seconds / 2), "warm-up");
        double rate = run(file, seconds, "measure");
        System.out.printf("RESULT header parse: %.0f files/s on one thread (target >= 50000)%n", rate);
    }

    private static Attributes parse(byte[] file) throws IOException {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
            return in.readDatasetUntil(Tag.PixelData);
        }
    }

    private static double run(byte[] file, double seconds, String phase) throws IOException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long n = 0;
        int sink = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                sink += parse(file).size();
            }
            n += 1000;
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        System.out.printf("%s: %d parses, %.0f files/s (%d)%n", phase, n, rate, sink & 1);
        return rate;
    }
}
