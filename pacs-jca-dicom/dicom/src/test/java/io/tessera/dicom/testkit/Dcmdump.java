package io.tessera.dicom.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dcmtk's dcmdump run on a file and its listing parsed back into a tree, so tests can compare our reader with
 * an independent one element by element.
 *
 * <p>Flags: {@code +L} prints long values in full, {@code -M +R 16} leaves values over 16 KB unloaded (their length is
 * still printed), {@code -Un} prints UIDs as numbers, {@code +U8} converts text to UTF-8 (which also rewrites
 * (0008,0005) to "ISO_IR 192"). dcmtk 3.6.7 built with iconv cannot convert ISO 2022 IR 87; for such files the
 * listing is taken without {@code +U8} and the raw ISO 2022 bytes of text values are decoded with the JDK's
 * ISO-2022-JP decoder (PS3.5 H.3.1 uses exactly its escape sequences).
 */
public final class Dcmdump {

    /**
     * One printed element. {@code value} is the text after the VR: "[...]" brackets removed for strings, the
     * backslash-separated numbers or hex bytes/words for binary VRs, or null for "(no value available)",
     * "(not loaded)" and sequences. {@code length} is -1 for undefined length.
     */
    public record Element(int tag, String vr, String value, boolean loaded, long length, int vm, String keyword,
                          List<List<Element>> items, List<Element> fragments) {

        public boolean isSequence() {
            return vr.equals("SQ");
        }

        public boolean isPixelSequence() {
            return fragments != null;
        }

        /** Values split at backslashes; an empty list when there is no value. */
        public List<String> values() {
            if (value == null || value.isEmpty()) {
                return List.of();
            }
            return List.of(value.split("\\\\", -1));
        }

        @Override
        public String toString() {
            return String.format("(%04x,%04x) %s %s", tag >>> 16, tag & 0xFFFF, vr,
                    value == null ? (loaded ? "" : "(not loaded)") : value.length() > 60 ? value.substring(0, 60) + "…" : value);
        }
    }

    /** File meta information, data set, and whatever dcmdump wrote to stderr (warnings, errors). */
    public record Listing(List<Element> meta, List<Element> dataset, String diagnostics) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^\\s*\\(([0-9a-fA-F]{4}),([0-9a-fA-F]{4})\\) (\\S\\S) (.*?)\\s*#\\s*(\\d+|u/l),\\s*(\\d+) (.*)$");

    private Dcmdump() {
    }

    /** Runs dcmdump on a file and parses its listing. Fails when dcmdump fails. */
    public static Listing of(Path file) {
        Run run = run(file, true);
        if (run.exit != 0 && run.stderr.contains("Cannot open character encoding")) {
            run = run(file, false);
            return parse(decodeIso2022(run.stdout), run.stderr);
        }
        if (run.exit != 0) {
            throw new IllegalStateException("dcmdump " + file + " failed (" + run.exit + "):\n" + run.stderr);
        }
        return parse(new String(run.stdout, StandardCharsets.UTF_8), run.stderr);
    }

    private record Run(int exit, byte[] stdout, String stderr) {
    }

    private static Run run(Path file, boolean utf8) {
        List<String> cmd = new ArrayList<>(List.of("dcmdump", "+L", "-M", "+R", "16", "-Un"));
        if (utf8) {
            cmd.add("+U8");
        }
        cmd.add(file.toString());
        try {
            Process p = new ProcessBuilder(cmd).start();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] out = p.getInputStream().readAllBytes();
            int exit = p.waitFor();
            return new Run(exit, out, new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Decodes each line as ISO-2022-JP: ASCII stays ASCII, ESC $ B … ESC ( B runs become kanji and kana. */
    private static String decodeIso2022(byte[] raw) {
        return new String(raw, Charset.forName("ISO-2022-JP"));
    }

    /** Parses a dcmdump listing (default indented format). Nesting follows the item and delimiter lines. */
    public static Listing parse(String listing, String diagnostics) {
        List<Element> meta = new ArrayList<>();
        List<Element> dataset = new ArrayList<>();
        List<Element> current = dataset;
        // Open items (where new elements go) and open sequences (where new items go).
        Deque<List<Element>> lists = new ArrayDeque<>();
        Deque<Element> sequences = new ArrayDeque<>();
        for (String line : listing.split("\n")) {
            if (line.startsWith("# Dicom-Meta-Information-Header")) {
                current = meta;
                continue;
            }
            if (line.startsWith("# Dicom-Data-Set")) {
                current = dataset;
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue; // blank lines, "# Used TransferSyntax" comments
            }
            int tag = (Integer.parseInt(m.group(1), 16) << 16) | Integer.parseInt(m.group(2), 16);
            String vr = m.group(3);
            String raw = m.group(4);
            long length = m.group(5).equals("u/l") ? -1 : Long.parseLong(m.group(5));
            int vm = Integer.parseInt(m.group(6));
            String keyword = m.group(7).trim();
            List<Element> target = lists.isEmpty() ? current : lists.peek();

            switch (tag) {
                case 0xFFFEE000 -> {
                    Element owner = sequences.peek();
                    if (owner == null) {
                        throw new IllegalStateException("Item outside a sequence: " + line);
                    }
                    if (owner.isPixelSequence()) {
                        owner.fragments().add(leaf(tag, vr, raw, length, vm, keyword));
                    } else {
                        List<Element> item = new ArrayList<>();
                        owner.items().add(item);
                        lists.push(item);
                    }
                }
                case 0xFFFEE00D -> lists.pop();
                case 0xFFFEE0DD -> sequences.pop();
                default -> {
                    if (vr.equals("SQ")) {
                        Element sq = new Element(tag, vr, null, true, length, vm, keyword, new ArrayList<>(), null);
                        target.add(sq);
                        sequences.push(sq);
                    } else if (raw.startsWith("(PixelSequence")) {
                        Element px = new Element(tag, vr, null, true, length, vm, keyword, null, new ArrayList<>());
                        target.add(px);
                        sequences.push(px);
                    } else {
                        target.add(leaf(tag, vr, raw, length, vm, keyword));
                    }
                }
            }
        }
        return new Listing(List.copyOf(meta), List.copyOf(dataset), diagnostics);
    }

    private static Element leaf(int tag, String vr, String raw, long length, int vm, String keyword) {
        String value;
        boolean loaded = true;
        if (raw.equals("(no value available)")) {
            value = null;
        } else if (raw.equals("(not loaded)")) {
            value = null;
            loaded = false;
        } else if (raw.startsWith("[") && raw.endsWith("]")) {
            value = raw.substring(1, raw.length() - 1);
        } else {
            value = raw;
        }
        return new Element(tag, vr, value, loaded, length, vm, keyword, null, null);
    }
}
