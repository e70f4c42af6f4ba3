package io.tessera.dicom.io;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.BulkData;
import io.tessera.dicom.data.Fragments;
import io.tessera.dicom.data.Sequence;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.testkit.Dcmdump;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Compares what this library read with what dcmdump printed, element by element: tag, VR, value text and length.
 * The value text is formatted the way dcmdump (dcmtk 3.6.7) prints it: strings in brackets (brackets removed by
 * {@link Dcmdump}), integers in decimal, FL/OF as C's {@code %.9g} and FD/OD as {@code %.17g}, AT as (gggg,eeee),
 * OB/UN as two-digit hex bytes and OW as four-digit hex words separated by backslashes. Values dcmdump did not load
 * (over 16 KB with {@code -M +R 16}) are compared by length only.
 */
final class DumpComparison {

    private static final int SCS = 0x00080005;

    private DumpComparison() {
    }

    /** Differences between dcmdump's elements and ours, as readable lines; empty when they agree. */
    static List<String> compare(List<Dcmdump.Element> expected, Attributes actual, IntPredicate ignore) {
        List<String> diffs = new ArrayList<>();
        compare(expected, actual, ignore, "", diffs);
        return diffs;
    }

    private static void compare(List<Dcmdump.Element> expected, Attributes actual, IntPredicate ignore, String path,
                                List<String> diffs) {
        // dcmdump +U8 converts text to UTF-8 and says so by (re)writing (0008,0005) as "ISO_IR 192".
        IntPredicate skip = t -> ignore.test(t) || t == SCS && !actual.contains(SCS);
        List<Dcmdump.Element> exp = expected.stream().filter(e -> !skip.test(e.tag())).toList();
        int[] tags = Arrays.stream(actual.tags()).filter(t -> !skip.test(t)).toArray();
        int n = Math.max(exp.size(), tags.length);
        for (int i = 0; i < n; i++) {
            if (i >= exp.size()) {
                diffs.add(path + Tag.toString(tags[i]) + " read by us, not printed by dcmdump");
                continue;
            }
            Dcmdump.Element e = exp.get(i);
            if (i >= tags.length || tags[i] != e.tag()) {
                diffs.add(path + e + " printed by dcmdump, we have " + (i < tags.length ? Tag.toString(tags[i]) : "nothing"));
                return; // out of step; further lines would only repeat this
            }
            compareElement(e, actual, path, ignore, diffs);
        }
    }

    private static void compareElement(Dcmdump.Element e, Attributes ds, String path, IntPredicate ignore,
                                       List<String> diffs) {
        int tag = e.tag();
        VR vr = ds.getVR(tag);
        Object value = ds.getValue(tag);
        String where = path + Tag.toString(tag) + " ";
        if (value instanceof Sequence seq) {
            if (!e.isSequence()) {
                diffs.add(where + "we read a sequence, dcmdump printed " + e);
                return;
            }
            if (seq.size() != e.items().size()) {
                diffs.add(where + "items: ours " + seq.size() + ", dcmdump " + e.items().size());
                return;
            }
            for (int k = 0; k < seq.size(); k++) {
                compare(e.items().get(k), seq.get(k), ignore, where + "item " + (k + 1) + " > ", diffs);
            }
            return;
        }
        String dumpVR = e.vr().equals("??") ? "UN" : e.vr();
        if (!dumpVR.equals(vr.name())) {
            diffs.add(where + "VR ours " + vr + ", dcmdump " + e.vr());
        }
        if (value instanceof Fragments f) {
            if (!e.isPixelSequence()) {
                diffs.add(where + "we read fragments, dcmdump printed " + e);
                return;
            }
            if (f.size() != e.fragments().size()) {
                diffs.add(where + "fragments: ours " + f.size() + ", dcmdump " + e.fragments().size());
                return;
            }
            for (int k = 0; k < f.size(); k++) {
                Dcmdump.Element fe = e.fragments().get(k);
                if (f.length(k) != fe.length()) {
                    diffs.add(where + "fragment " + k + " length ours " + f.length(k) + ", dcmdump " + fe.length());
                } else if (fe.loaded() && f.items().get(k) instanceof byte[] b) {
                    String text = b.length == 0 ? null : hex(b, 1, false);
                    if (!java.util.Objects.equals(text, fe.value())) {
                        diffs.add(where + "fragment " + k + " bytes differ");
                    }
                }
            }
            return;
        }
        if (tag == SCS) {
            return; // converted by +U8, see above
        }
        long length = value instanceof byte[] b ? b.length + (b.length & 1) : ((BulkData) value).length();
        if (length != e.length() && !(vr.kind() == VR.Kind.TEXT && convertedByDcmdump(ds))) {
            diffs.add(where + "length ours " + length + ", dcmdump " + e.length());
        }
        if (!e.loaded() || !(value instanceof byte[])) {
            return;
        }
        String ours = format(ds, tag, vr);
        if (!java.util.Objects.equals(ours, e.value())) {
            diffs.add(where + vr + " value ours [" + abbreviate(ours) + "], dcmdump [" + abbreviate(e.value()) + "]");
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "(no value)" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /** The value as dcmdump prints it; null for an empty value ("(no value available)"). */
    static String format(Attributes ds, int tag, VR vr) {
        byte[] b = ds.getBytes(tag);
        if (b.length == 0) {
            return null;
        }
        String[] s;
        switch (vr) {
            case OB, UN -> {
                return hex(b, 1, ds.bigEndian());
            }
            case OW -> {
                return hex(b, 2, ds.bigEndian());
            }
            case OL -> {
                return hex(b, 4, ds.bigEndian());
            }
            case OV -> {
                return hex(b, 8, ds.bigEndian());
            }
            case FL, OF, FD, OD -> {
                double[] d = ds.getDoubles(tag);
                s = new String[d.length];
                for (int k = 0; k < d.length; k++) {
                    s[k] = cFormatG(d[k], vr == VR.FL || vr == VR.OF ? 9 : 17);
                }
            }
            case AT -> {
                int[] t = ds.getInts(tag);
                s = new String[t.length];
                for (int k = 0; k < t.length; k++) {
                    s[k] = Tag.toString(t[k]);
                }
            }
            default -> {
                s = ds.getStrings(tag);
                if (vr.kind() == VR.Kind.TEXT && iso2022(ds)) {
                    // The text helper owns ISO 2022 decoding; here we only check the bytes, as the testkit does.
                    s = new String[] {trimEnd(new String(b, Charset.forName("ISO-2022-JP")))};
                }
            }
        }
        String joined = String.join("\\", s);
        return joined.isEmpty() ? null : joined;
    }

    private static boolean convertedByDcmdump(Attributes ds) {
        String[] codes = ds.specificCharacterSet().codes();
        return codes.length > 0 && !codes[0].equals("ISO_IR 192");
    }

    private static boolean iso2022(Attributes ds) {
        Attributes root = ds;
        while (root.parent() != null && !root.contains(SCS)) {
            root = root.parent();
        }
        String[] codes = root.getStrings(SCS);
        return codes != null && Arrays.stream(codes).anyMatch(c -> c.contains("2022"));
    }

    /**
     * dcmdump's listing, as {@link Dcmdump#of} takes it, but with "#  36,12" (a VM of two digits leaves no space
     * after the comma) normalised first: {@code Dcmdump}'s line pattern wants ", " and would drop such elements.
     */
    static Dcmdump.Listing dump(Path file) throws IOException {
        Run run = run(file, true);
        String text;
        if (run.exit != 0 && run.stderr.contains("Cannot open character encoding")) {
            run = run(file, false);
            text = new String(run.stdout, Charset.forName("ISO-2022-JP"));
        } else {
            text = new String(run.stdout, StandardCharsets.UTF_8);
        }
        if (run.exit != 0) {
            throw new IllegalStateException("dcmdump " + file + " failed (" + run.exit + "):\n" + run.stderr);
        }
        return Dcmdump.parse(text.replaceAll("#(\\s*(?:\\d+|u/l)),(\\d)", "#$1, $2"), run.stderr);
    }

    private record Run(int exit, byte[] stdout, String stderr) {
    }

    private static Run run(Path file, boolean utf8) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("dcmdump", "+L", "-M", "+R", "16", "-Un"));
        if (utf8) {
            cmd.add("+U8");
        }
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        try {
            return new Run(p.waitFor(), out, new String(err.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        return s.substring(0, end);
    }

    static String hex(byte[] b, int width, boolean bigEndian) {
        StringBuilder sb = new StringBuilder(b.length * 3);
        for (int o = 0; o + width <= b.length; o += width) {
            if (o > 0) {
                sb.append('\\');
            }
            for (int k = 0; k < width; k++) {
                int v = b[bigEndian ? o + k : o + width - 1 - k] & 0xFF;
                sb.append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 15, 16));
            }
        }
        return sb.toString();
    }

    /** C's printf("%.{p}g"): p significant digits, exponent form below 1e-4 or from 1e{p}, trailing zeros dropped. */
    static String cFormatG(double v, int p) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        BigDecimal bd = new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int x = bd.precision() - bd.scale() - 1;
        if (x < -4 || x >= p) {
            String digits = bd.unscaledValue().abs().toString().replaceFirst("0+$", "");
            String mantissa = digits.substring(0, 1) + (digits.length() > 1 ? "." + digits.substring(1) : "");
            return (v < 0 ? "-" : "") + mantissa + "e" + (x < 0 ? "-" : "+") + String.format("%02d", Math.abs(x));
        }
        String s = bd.setScale(Math.max(p - 1 - x, 0), RoundingMode.HALF_EVEN).toPlainString();
        if (s.indexOf('.') >= 0) {
            s = s.replaceFirst("0+$", "").replaceFirst("\\.$", "");
        }
        return s;
    }
}
