package io.tessera.dicom.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.testkit.Corpus;
import io.tessera.dicom.testkit.Dcmdump;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files this library writes, checked with dcmtk and dicom3tools: every corpus file converted to Implicit VR LE,
 * Explicit VR LE, Explicit VR BE and Deflated (encapsulated ones kept in their own syntax) is read by dcmdump
 * without warnings, gives the same dcmdump listing as the original, and dciodvfy reports no error the original
 * did not have.
 */
class WriteConformanceTest {

    private static final List<TransferSyntax> NATIVE = List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
            TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);

    @BeforeAll
    static void toolsInstalled() {
        Assumptions.assumeTrue(Corpus.toolsAvailable(), "dcmtk not installed");
    }

    @Test
    void conversionsKeepDcmdumpsListingAndWarnNothing(@TempDir Path tmp) throws IOException {
        List<String> failures = new ArrayList<>();
        for (Corpus.Entry e : Corpus.get()) {
            Dcmdump.Listing original = DumpComparison.dump(e.file());
            TransferSyntax source = TransferSyntax.of(e.transferSyntax());
            List<TransferSyntax> targets = source.encapsulated() ? List.of(source) : NATIVE;
            for (TransferSyntax target : targets) {
                Path out = tmp.resolve(e.file().getFileName() + "." + target.uid() + ".dcm");
                write(e.file(), out, target);
                Dcmdump.Listing ours = DumpComparison.dump(out);
                String warnings = warnings(ours.diagnostics());
                if (!warnings.isEmpty()) {
                    failures.add(e + " → " + target.name() + ": dcmdump says " + warnings);
                }
                List<String> diffs = new ArrayList<>();
                compareListings(original.dataset(), ours.dataset(), !source.explicitVR() || !target.explicitVR(), "", diffs);
                diffs.forEach(d -> failures.add(e + " → " + target.name() + ": " + d));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " problems:\n" + String.join("\n", failures));
    }

    @Test
    void dciodvfyFindsNoNewErrors(@TempDir Path tmp) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dciodvfy")), "dicom3tools not installed");
        List<String> failures = new ArrayList<>();
        for (Corpus.Entry e : Corpus.get()) {
            TransferSyntax source = TransferSyntax.of(e.transferSyntax());
            if (source.deflated()) {
                continue; // dciodvfy cannot read Deflated files, so it has no baseline for them
            }
            Set<String> before = dciodvfyErrors(e.file());
            List<TransferSyntax> targets = source.encapsulated() ? List.of(source)
                    : List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
            for (TransferSyntax target : targets) {
                Path out = tmp.resolve(e.file().getFileName() + "." + target.uid() + ".dcm");
                write(e.file(), out, target);
                Set<String> after = dciodvfyErrors(out);
                after.removeAll(before);
                if (!after.isEmpty()) {
                    failures.add(e + " → " + target.name() + ": new dciodvfy errors " + after);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Reads a file and writes it in {@code target} with the meta header's transfer syntax changed. */
    static void write(Path in, Path out, TransferSyntax target) throws IOException {
        Attributes fmi;
        Attributes ds;
        try (InputStream is = Files.newInputStream(in); DicomInputStream din = new DicomInputStream(is)) {
            fmi = din.readFileMetaInformation();
            ds = din.readDataset();
        }
        fmi.setString(Tag.TransferSyntaxUID, VR.UI, target.uid());
        try (OutputStream os = Files.newOutputStream(out); DicomOutputStream dout = new DicomOutputStream(os)) {
            dout.writeFileMetaInformation(fmi);
            dout.writeDataset(ds, target);
        }
    }

    /** dcmdump's stderr without the CP-246 notice, which the corpus itself provokes (see CorpusTest). */
    private static String warnings(String diagnostics) {
        return diagnostics.lines().filter(l -> !l.contains("(CP-246)")).collect(Collectors.joining("\n"));
    }

    /**
     * Listing against listing. Not compared, because a conversion changes them by definition: group length values
     * (header sizes differ between implicit and explicit VR), defined lengths of sequences, "??" against "UN" (an
     * unknown private element has no VR in Implicit VR, and is UN once written in Explicit VR).
     */
    static void compareListings(List<Dcmdump.Element> a, List<Dcmdump.Element> b, boolean implicit, String path,
                                List<String> diffs) {
        if (a.size() != b.size()) {
            diffs.add(path + "element count " + a.size() + " → " + b.size() + ": "
                    + a.stream().map(x -> Tag.toString(x.tag())).toList() + " vs "
                    + b.stream().map(x -> Tag.toString(x.tag())).toList());
            return;
        }
        for (int i = 0; i < a.size(); i++) {
            Dcmdump.Element x = a.get(i);
            Dcmdump.Element y = b.get(i);
            String where = path + x + ": ";
            if (x.tag() != y.tag()) {
                diffs.add(where + "tag became " + Tag.toString(y.tag()));
                return;
            }
            String vx = vr(x);
            String vy = vr(y);
            boolean unknownVR = vx.equals("UN") != vy.equals("UN");
            if (!vx.equals(vy) && !(implicit && (unknownVR || dictionaryVR(vx, vy)))) {
                diffs.add(where + "VR became " + y.vr());
                continue;
            }
            if (x.isSequence() != y.isSequence()) {
                diffs.add(where + "became " + y);
                continue;
            }
            if (x.isSequence()) {
                if (x.items().size() != y.items().size()) {
                    diffs.add(where + "items " + x.items().size() + " → " + y.items().size());
                    continue;
                }
                for (int k = 0; k < x.items().size(); k++) {
                    compareListings(x.items().get(k), y.items().get(k), implicit, where + "item " + (k + 1) + " > ", diffs);
                }
                continue;
            }
            if (x.isPixelSequence()) {
                if (!y.isPixelSequence() || x.fragments().size() != y.fragments().size()) {
                    diffs.add(where + "fragments changed");
                    continue;
                }
                for (int k = 0; k < x.fragments().size(); k++) {
                    Dcmdump.Element fx = x.fragments().get(k);
                    Dcmdump.Element fy = y.fragments().get(k);
                    if (fx.length() != fy.length() || !Objects.equals(fx.value(), fy.value())) {
                        diffs.add(where + "fragment " + k + " changed");
                    }
                }
                continue;
            }
            if (Tag.isGroupLength(x.tag())) {
                continue;
            }
            if (x.length() != y.length()) {
                diffs.add(where + "length " + x.length() + " → " + y.length());
            } else if (x.loaded() && y.loaded() && !unknownVR && !Objects.equals(bytesText(x), bytesText(y))) {
                // Values dcmdump did not load (over 16 KB; Deflated files are always loaded) compare by length.
                diffs.add(where + "became " + y);
            }
        }
    }

    /**
     * VRs that Implicit VR Little Endian cannot keep: it has no VR on the wire, so a reader takes the dictionary's
     * (PS3.5 §7.1.3). Pixel Data of 8 bits becomes OW as dcmtk reads it ("OB or OW"), and an element written with
     * another VR than the dictionary's (LO for CS Body Part Examined) comes back with the dictionary's.
     */
    private static boolean dictionaryVR(String a, String b) {
        return !a.equals("SQ") && !b.equals("SQ");
    }

    /** OB and OW values as little endian bytes, so 8-bit Pixel Data read back as OW compares equal. */
    private static String bytesText(Dcmdump.Element e) {
        if (e.value() == null || !e.vr().equals("OW")) {
            return e.value();
        }
        StringBuilder sb = new StringBuilder();
        for (String w : e.value().split("\\\\")) {
            if (sb.length() > 0) {
                sb.append('\\');
            }
            sb.append(w, 2, 4).append('\\').append(w, 0, 2);
        }
        return sb.toString();
    }

    private static String vr(Dcmdump.Element e) {
        return e.vr().equals("??") ? "UN" : e.vr();
    }

    /** dciodvfy's "Error" lines; the warnings about private tags depend on the encoding and are left out. */
    static Set<String> dciodvfyErrors(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dciodvfy", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.lines().filter(l -> l.contains("Error")).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
