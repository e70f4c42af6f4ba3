package io.tessera.dicom.image;

import io.tessera.dicom.testkit.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * dcmtk as the reference for pixel tests: raw pixel bytes as dcmtk reads them ({@code dcmdump +W}), decompressed
 * copies ({@code dcmdrle}, {@code dcmdjpeg}) and rendered greyscale or colour output ({@code dcm2pnm +op}).
 */
final class Dcmtk {

    private static int counter;

    private Dcmtk() {
    }

    static boolean available() {
        return Corpus.toolsAvailable() && onPath("dcmj2pnm") && onPath("dcmdjpeg") && onPath("dcmdrle");
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    /** A fresh scratch folder beside the corpus (inside this build's dir). */
    static synchronized Path scratch(String name) {
        Path dir = Corpus.directory().resolveSibling("image-tests").resolve(name + "-" + (++counter));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static Path corpus(String fileName) {
        return Corpus.get().stream().map(Corpus.Entry::file).filter(f -> f.getFileName().toString().equals(fileName))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no corpus file " + fileName));
    }

    /** Native pixel data as dcmtk holds it in memory: host (little-endian) byte order. */
    static byte[] nativePixelBytes(Path dcm) {
        List<byte[]> raw = pixelItems(dcm);
        if (raw.size() != 1) {
            throw new IllegalStateException(dcm + " has " + raw.size() + " pixel items, not native");
        }
        return raw.get(0);
    }

    /** Encapsulated pixel data: item 0 is the Basic Offset Table, then the fragments. */
    static List<byte[]> pixelItems(Path dcm) {
        Path dir = scratch("raw");
        exec(dir, "dcmdump", "-q", "+W", dir.toString(), dcm.toString());
        List<byte[]> out = new ArrayList<>();
        String base = dcm.getFileName().toString();
        for (int i = 0; ; i++) {
            Path p = dir.resolve(base + "." + i + ".raw");
            if (!Files.exists(p)) {
                break;
            }
            try {
                out.add(Files.readAllBytes(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** A decompressed copy written by dcmdrle or dcmdjpeg. */
    static Path decompress(Path dcm, String tool, String... options) {
        Path dir = scratch(tool);
        Path out = dir.resolve(dcm.getFileName().toString());
        List<String> cmd = new ArrayList<>(List.of(tool));
        cmd.addAll(List.of(options));
        cmd.add(dcm.toString());
        cmd.add(out.toString());
        exec(dir, cmd.toArray(new String[0]));
        return out;
    }

    /** A file made by any dcmtk tool from a dump (dump2dcm) etc.; returns its combined output. */
    static String exec(Path dir, String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** dcm2pnm's 8-bit PGM or PPM output: width, height, channels (1 grey, 3 RGB) and the samples. */
    record Pnm(int width, int height, int channels, byte[] samples) {
        int grey(int x, int y) {
            return samples[(y * width + x) * channels] & 0xFF;
        }

        int rgb(int x, int y) {
            int p = (y * width + x) * channels;
            return channels == 1 ? grey(x, y) * 0x010101
                    : (samples[p] & 0xFF) << 16 | (samples[p + 1] & 0xFF) << 8 | (samples[p + 2] & 0xFF);
        }
    }

    /** Renders with dcm2pnm/dcmj2pnm (binary PNM), options e.g. "+Ww", "40", "400" or "+Wi", "1" or "+F", "2". */
    static Pnm dcm2pnm(Path dcm, String... options) {
        Path dir = scratch("dcm2pnm");
        Path out = dir.resolve("out.pnm");
        // dcmj2pnm is dcm2pnm with dcmtk's JPEG and RLE decoders linked in.
        List<String> cmd = new ArrayList<>(List.of("dcmj2pnm", "+op"));
        cmd.addAll(List.of(options));
        cmd.add(dcm.toString());
        cmd.add(out.toString());
        exec(dir, cmd.toArray(new String[0]));
        try {
            return parsePnm(Files.readAllBytes(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Pnm parsePnm(byte[] b) {
        // Header: magic, width, height, maxval as whitespace-separated tokens (comments start with '#').
        int[] pos = {0};
        String magic = token(b, pos);
        int w = Integer.parseInt(token(b, pos));
        int h = Integer.parseInt(token(b, pos));
        int max = Integer.parseInt(token(b, pos));
        if (max != 255) {
            throw new IllegalStateException("PNM maxval " + max);
        }
        pos[0]++; // the single whitespace after maxval
        int channels = magic.equals("P5") ? 1 : 3;
        byte[] samples = new byte[w * h * channels];
        System.arraycopy(b, pos[0], samples, 0, samples.length);
        return new Pnm(w, h, channels, samples);
    }

    private static String token(byte[] b, int[] pos) {
        while (true) {
            while (Character.isWhitespace(b[pos[0]])) {
                pos[0]++;
            }
            if (b[pos[0]] == '#') {
                while (b[pos[0]] != '\n') {
                    pos[0]++;
                }
                continue;
            }
            break;
        }
        int start = pos[0];
        while (!Character.isWhitespace(b[pos[0]])) {
            pos[0]++;
        }
        return new String(b, start, pos[0] - start, StandardCharsets.US_ASCII);
    }

    /** Little-endian 16-bit words as dcmtk writes them with +W, masked and sign-extended like stored values. */
    static int[] storedValues16(byte[] le, int bitsStored, int highBit, boolean signed) {
        int[] out = new int[le.length / 2];
        int shift = highBit + 1 - bitsStored;
        int mask = (1 << bitsStored) - 1;
        for (int i = 0; i < out.length; i++) {
            int w = (le[2 * i] & 0xFF) | (le[2 * i + 1] & 0xFF) << 8;
            int v = (w >>> shift) & mask;
            if (signed && (v & (1 << (bitsStored - 1))) != 0) {
                v -= 1 << bitsStored;
            }
            out[i] = v;
        }
        return out;
    }

    static int[] storedValues8(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xFF;
        }
        return out;
    }
}
