package io.tessera.dicom.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * dcmtk as the reference for character sets: the test writes a minimal Part 10 file (Explicit VR Little
 * Endian) holding the raw bytes of one text element, dcmtk's {@code dcmconv} converts it (to UTF-8 with
 * {@code +U8}, or from UTF-8 to a repertoire with {@code +C}), and the converted value bytes are read back
 * from dcmtk's output by walking its elements. The walk is written here, not taken from the io package,
 * so the reference does not depend on the code under test.
 */
final class Dcmtk {

    private Dcmtk() {
    }

    static boolean available() {
        return Stream.of("dcmconv", "dcmdump").allMatch(tool -> Stream.of(System.getenv().getOrDefault("PATH", "")
                .split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool))));
    }

    /** A Part 10 file with (0008,0005) and one text element, values padded to even length with a space. */
    static void write(Path file, String specificCharacterSet, int tag, String vr, byte[] value) throws IOException {
        ByteArrayOutputStream ds = new ByteArrayOutputStream();
        element(ds, 0x00080005, "CS", specificCharacterSet.getBytes(StandardCharsets.US_ASCII), ' ');
        element(ds, 0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.7".getBytes(StandardCharsets.US_ASCII), 0);
        element(ds, 0x00080018, "UI", "2.25.4242424242".getBytes(StandardCharsets.US_ASCII), 0);
        element(ds, tag, vr, value, ' ');
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, 0x00020001, "OB", new byte[] {0, 1}, 0);
        element(meta, 0x00020002, "UI", "1.2.840.10008.5.1.4.1.1.7".getBytes(StandardCharsets.US_ASCII), 0);
        element(meta, 0x00020003, "UI", "2.25.4242424242".getBytes(StandardCharsets.US_ASCII), 0);
        element(meta, 0x00020010, "UI", "1.2.840.10008.1.2.1".getBytes(StandardCharsets.US_ASCII), 0);
        element(meta, 0x00020012, "UI", "2.25.1".getBytes(StandardCharsets.US_ASCII), 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128]);
        out.write("DICM".getBytes(StandardCharsets.US_ASCII));
        element(out, 0x00020000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array(), 0);
        meta.writeTo(out);
        ds.writeTo(out);
        Files.write(file, out.toByteArray());
    }

    private static boolean longHeader(String vr) {
        return List.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV").contains(vr);
    }

    private static void element(ByteArrayOutputStream out, int tag, String vr, byte[] value, int pad) {
        int len = value.length + (value.length & 1);
        ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        h.putShort((short) (tag >>> 16)).putShort((short) tag).put(vr.getBytes(StandardCharsets.US_ASCII));
        if (longHeader(vr)) {
            h.putShort((short) 0).putInt(len);
        } else {
            h.putShort((short) len);
        }
        out.write(h.array(), 0, h.position());
        out.write(value, 0, value.length);
        if ((value.length & 1) != 0) {
            out.write(pad);
        }
    }

    /**
     * The raw value of a top-level element of an Explicit VR Little Endian Part 10 file with defined lengths
     * (what dcmconv writes for these files), or null when absent.
     */
    static byte[] rawValue(Path file, int tag) throws IOException {
        byte[] b = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 132;
        while (pos + 8 <= b.length) {
            int t = (buf.getShort(pos) & 0xFFFF) << 16 | buf.getShort(pos + 2) & 0xFFFF;
            String vr = new String(b, pos + 4, 2, StandardCharsets.US_ASCII);
            long len;
            int header;
            if (longHeader(vr)) {
                len = buf.getInt(pos + 8) & 0xFFFFFFFFL;
                header = 12;
            } else {
                len = buf.getShort(pos + 6) & 0xFFFF;
                header = 8;
            }
            if (len == 0xFFFFFFFFL) {
                throw new IOException("undefined length at " + pos + " in " + file + ": not expected in these files");
            }
            if (t == tag) {
                byte[] v = new byte[(int) len];
                System.arraycopy(b, pos + header, v, 0, (int) len);
                return v;
            }
            if (Integer.compareUnsigned(t, tag) > 0 && t >>> 16 != 2) {
                return null;
            }
            pos += header + (int) len;
        }
        return null;
    }

    /** Runs dcmconv with the options on {@code in}, writing {@code out}; fails on a non-zero exit or any warning. */
    static void dcmconv(Path in, Path out, String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("dcmconv");
        cmd.addAll(List.of(options));
        cmd.add(in.toString());
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || !output.isBlank()) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + output);
        }
    }

    /** The element's value after dcmtk converted the file to UTF-8 ({@code dcmconv +U8}), padding removed. */
    static String toUtf8(Path dir, String name, String specificCharacterSet, int tag, String vr, byte[] raw)
            throws IOException, InterruptedException {
        Path in = dir.resolve(name + ".dcm");
        Path out = dir.resolve(name + "-utf8.dcm");
        write(in, specificCharacterSet, tag, vr, raw);
        dcmconv(in, out, "+U8");
        byte[] cs = rawValue(out, 0x00080005);
        if (cs == null || !new String(cs, StandardCharsets.US_ASCII).strip().equals("ISO_IR 192")) {
            throw new IllegalStateException("dcmconv +U8 did not mark " + out + " as ISO_IR 192");
        }
        return stripPadding(new String(rawValue(out, tag), StandardCharsets.UTF_8));
    }

    /** The element's value bytes after dcmtk converted a UTF-8 file to the repertoire ({@code dcmconv +C}). */
    static byte[] fromUtf8(Path dir, String name, String specificCharacterSet, int tag, String vr, String value)
            throws IOException, InterruptedException {
        Path in = dir.resolve(name + "-src.dcm");
        Path out = dir.resolve(name + "-conv.dcm");
        write(in, "ISO_IR 192", tag, vr, value.getBytes(StandardCharsets.UTF_8));
        dcmconv(in, out, "+C", specificCharacterSet);
        byte[] v = rawValue(out, tag);
        int end = v.length;
        while (end > 0 && v[end - 1] == ' ') {
            end--;
        }
        return java.util.Arrays.copyOf(v, end);
    }

    static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
