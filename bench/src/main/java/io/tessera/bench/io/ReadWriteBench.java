package io.tessera.bench.io;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.io.DicomInputStream;
import io.tessera.dicom.io.DicomOutputStream;
import io.tessera.dicom.io.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Read + write of a whole data set from and to memory (header parsed into Attributes, Pixel Data loaded as bytes,
 * then everything encoded again), on one thread. Throughput counts the file's bytes once per read+write.
 * Target (issue 3): at least 500 MB/s on one core. Usage: ReadWriteBench [file.dcm] [seconds].
 */
public final class ReadWriteBench {
    private ReadWriteBench() {
    }

    public static void main(String[] args) throws IOException {
        byte[] file = CtHeader.fileOrArg(args);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 1024);
        roundTrip(file, out);
        if (!java.util.Arrays.equals(file, out.toByteArray())) {
            throw new IllegalStateException("read + write is not byte-identical");
        }
        run(file, out, Math.max(1, seconds / 2), "warm-up");
        double mbs = run(file, out, seconds, "measure");
        System.out.printf("RESULT read+write: %.0f MB/s on one thread (target >= 500), file %d bytes%n", mbs, file.length);
    }

    private static void roundTrip(byte[] file, ByteArrayOutputStream out) throws IOException {
        out.reset();
        Attributes fmi;
        Attributes ds;
        TransferSyntax ts;
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
            fmi = in.readFileMetaInformation();
            ts = in.transferSyntax();
            ds = in.readDataset();
        }
        DicomOutputStream dout = new DicomOutputStream(out);
        dout.writeFileMetaInformation(fmi);
        dout.writeDataset(ds, ts);
        dout.flush();
    }

    private static double run(byte[] file, ByteArrayOutputStream out, double seconds, String phase) throws IOException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long n = 0;
        while (System.nanoTime() < end) {
            roundTrip(file, out);
            n++;
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double mbs = n * (double) file.length / 1e6 / secs;
        System.out.printf("%s: %d read+write, %.0f MB/s%n", phase, n, mbs);
        return mbs;
    }
}
