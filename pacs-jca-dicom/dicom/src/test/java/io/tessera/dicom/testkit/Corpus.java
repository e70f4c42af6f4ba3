package io.tessera.dicom.testkit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The shared test corpus: DICOM files made by dcmtk (dump2dcm, img2dcm, pdf2dcm, dcmconv, dcmcrle, dcmcjpeg),
 * so our reader is tested against files it did not write. Generated once per build into
 * {@code <build dir>/corpus} (the build dir is the parent of test-classes, so {@code -Dbuild.dir.name=target-x}
 * builds do not share it) and reused while {@code corpus.tsv} says the same {@link #VERSION}.
 *
 * <p>Covers the transfer syntaxes of the seed's Table 23 plus Explicit VR Big Endian and Deflated, the storage
 * SOP classes of the seed's Table 21 (001 §3.4.1.2) and the SR classes of §3.4.1.6, a 512x512 16-bit CT,
 * multi-frame images, sequences of defined and undefined length, private elements with creators, overlays,
 * group lengths, and Patient's Name in ISO_IR 100, ISO_IR 192 and ISO 2022 IR 87 (PS3.5 Annex H).
 * About 10 MB.
 */
public final class Corpus {

    /** Bump when the corpus content changes, so an old build dir regenerates. */
    static final String VERSION = "3";

    /** One corpus file. {@code transferSyntax} and {@code sopClass} are what its file meta information says. */
    public record Entry(Path file, String transferSyntax, String sopClass, String description) {
        @Override
        public String toString() {
            return file.getFileName() + " (" + description + ")";
        }
    }

    private static List<Entry> entries;

    private Corpus() {
    }

    /** The corpus, generated on first use in this build. Requires dcmtk on the PATH. */
    public static synchronized List<Entry> get() {
        if (entries == null) {
            try {
                entries = loadOrGenerate(directory());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return entries;
    }

    /** True when the dcmtk tools the corpus needs are installed; tests assume this before {@link #get()}. */
    public static boolean toolsAvailable() {
        for (String tool : List.of("dump2dcm", "dcmconv", "dcmcrle", "dcmcjpeg", "img2dcm", "pdf2dcm", "dcmdump")) {
            if (Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                    .noneMatch(d -> Files.isExecutable(Path.of(d, tool)))) {
                return false;
            }
        }
        return true;
    }

    /** {@code <build dir>/corpus}, or the system property {@code tessera.corpus.dir}. */
    public static Path directory() {
        String override = System.getProperty("tessera.corpus.dir");
        if (override != null) {
            return Path.of(override);
        }
        try {
            Path classes = Path.of(Corpus.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().resolve("corpus");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- generation ----

    private static List<Entry> loadOrGenerate(Path dir) throws IOException, InterruptedException {
        Path manifest = dir.resolve("corpus.tsv");
        if (Files.isRegularFile(manifest)) {
            List<String> lines = Files.readAllLines(manifest);
            if (!lines.isEmpty() && lines.get(0).equals("# corpus version " + VERSION)) {
                List<Entry> out = new ArrayList<>();
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split("\t");
                    out.add(new Entry(dir.resolve(f[0]), f[1], f[2], f[3]));
                }
                return List.copyOf(out);
            }
        }
        // Generate beside, then swap in, so a half-written corpus is never reused.
        Path work = dir.resolveSibling(dir.getFileName() + ".tmp");
        deleteTree(work);
        Files.createDirectories(work);
        List<Entry> generated = new Generator(work).run();
        StringBuilder sb = new StringBuilder("# corpus version " + VERSION + "\n");
        List<Entry> out = new ArrayList<>();
        for (Entry e : generated) {
            sb.append(e.file().getFileName()).append('\t').append(e.transferSyntax()).append('\t')
                    .append(e.sopClass()).append('\t').append(e.description()).append('\n');
            out.add(new Entry(dir.resolve(e.file().getFileName()), e.transferSyntax(), e.sopClass(), e.description()));
        }
        Files.writeString(work.resolve("corpus.tsv"), sb);
        deleteTree(dir);
        Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
        return List.copyOf(out);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // Transfer syntax UIDs, PS3.6 Table A-1 (spelled out so the testkit does not depend on the code under test).
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
    static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    static final String JPEG_EXTENDED = "1.2.840.10008.1.2.4.51";
    static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57";
    static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    static final String RLE = "1.2.840.10008.1.2.5";

    /** Writes dumps and raw pixel files into a work folder and runs dcmtk on them. */
    private static final class Generator {
        private final Path dir;
        private final List<Entry> out = new ArrayList<>();
        private int uidCounter;

        Generator(Path dir) {
            this.dir = dir;
        }

        List<Entry> run() throws IOException, InterruptedException {
            // 512x512 16-bit CT with overlay, private block and nested sequences, in every transfer syntax.
            Path ct = image("ct512", "1.2.840.10008.5.1.4.1.1.2", "CT", 512, 512, 1, 16, 12, 0, "MONOCHROME2",
                    ctExtras() + overlay(512, 512) + privateBlock() + referencedImages(), StandardCharsets.US_ASCII);
            add(ct, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.2", "CT 512x512 16-bit, overlay, private, sequences");
            convert(ct, "ct512-implicit", IMPLICIT_LE, "dcmconv", "+ti");
            convert(ct, "ct512-bigendian", EXPLICIT_BE, "dcmconv", "+tb");
            convert(ct, "ct512-deflated", DEFLATED, "dcmconv", "+td");
            convert(ct, "ct512-undefined-lengths", IMPLICIT_LE, "dcmconv", "+ti", "-e", "+g");
            convert(ct, "ct512-rle", RLE, "dcmcrle");
            convert(ct, "ct512-jpeg-extended", JPEG_EXTENDED, "dcmcjpeg", "+ee");
            convert(ct, "ct512-jpeg-lossless", JPEG_LOSSLESS, "dcmcjpeg", "+el");
            convert(ct, "ct512-jpeg-lossless-sv1", JPEG_LOSSLESS_SV1, "dcmcjpeg", "+e1");

            // Signed pixels: "US or SS" elements are SS (PS3.5 Annex A.1 / PS3.3 C.7.6.3.1.4).
            Path mr = image("mr-signed", "1.2.840.10008.5.1.4.1.1.4", "MR", 64, 64, 1, 16, 16, 1, "MONOCHROME2",
                    "(0018,0020) CS [SE]\n(0018,0021) CS [NONE]\n(0018,0022) CS [NONE]\n(0018,0023) CS [2D]\n"
                            + "(0018,0080) DS [500]\n(0018,0081) DS [20]\n(0018,0091) IS [1]\n(0018,0087) DS [1.5]\n"
                            + "(0028,0106) SS -1200\n(0028,0107) SS 3000\n(0028,0120) SS -2000\n"
                            + "(0018,9219) SS -3\n",
                    StandardCharsets.US_ASCII);
            add(mr, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.4", "MR 16-bit signed, SS pixel values");
            convert(mr, "mr-signed-implicit", IMPLICIT_LE, "dcmconv", "+ti");
            convert(mr, "mr-signed-bigendian", EXPLICIT_BE, "dcmconv", "+tb");

            Path cr = image("cr", "1.2.840.10008.5.1.4.1.1.1", "CR", 128, 96, 1, 16, 12, 0, "MONOCHROME1",
                    "(0018,0015) LO [CHEST]\n(0018,5101) CS [PA]\n(0028,1050) DS [2048]\n(0028,1051) DS [4096]\n",
                    StandardCharsets.US_ASCII);
            add(cr, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.1", "CR 12-bit MONOCHROME1");
            convert(cr, "cr-implicit", IMPLICIT_LE, "dcmconv", "+ti");

            Path us = image("us-rgb", "1.2.840.10008.5.1.4.1.1.6.1", "US", 64, 48, 3, 8, 8, 0, "RGB", "",
                    StandardCharsets.US_ASCII);
            add(us, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.6.1", "US RGB 8-bit");
            convert(us, "us-rgb-jpeg-baseline", JPEG_BASELINE, "dcmcjpeg", "+eb");
            convert(us, "us-rgb-rle", RLE, "dcmcrle");

            Path usmf = multiframe("us-multiframe", "1.2.840.10008.5.1.4.1.1.3.1", "US", 8, 4,
                    "(0018,1063) DS [33.3]\n(0028,0009) AT (0018,1063)\n");
            add(usmf, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.3.1", "US multi-frame, 4 frames");
            convert(usmf, "us-multiframe-jpeg-baseline", JPEG_BASELINE, "dcmcjpeg", "+eb");
            convert(usmf, "us-multiframe-rle", RLE, "dcmcrle");
            convert(usmf, "us-multiframe-implicit", IMPLICIT_LE, "dcmconv", "+ti");

            Path nm = multiframe("nm", "1.2.840.10008.5.1.4.1.1.20", "NM", 16, 2,
                    "(0028,0009) AT (0054,0010)\\(0054,0020)\n"
                            + "(0054,0010) US 1\\1\n(0054,0011) US 1\n(0054,0020) US 1\\2\n(0054,0021) US 2\n"
                            + "(0054,0012) SQ (Sequence with explicit length #=1)\n(fffe,e000) na (Item)\n"
                            + "(0054,0014) DS [126]\n(0054,0015) DS [154]\n(0054,0018) SH [TC99M]\n"
                            + "(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n");
            add(nm, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.20", "NM multi-frame, AT multi-valued");
            convert(nm, "nm-bigendian", EXPLICIT_BE, "dcmconv", "+tb");

            Path xa = multiframe("xa", "1.2.840.10008.5.1.4.1.1.12.1", "XA", 8, 3,
                    "(0018,1063) DS [66.7]\n(0028,0009) AT (0018,1063)\n(0018,1510) DS [-12.5]\n(0018,1511) DS [20]\n"
                            + "(0028,1040) CS [LIN]\n");
            add(xa, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.12.1", "XA multi-frame 8-bit");
            convert(xa, "xa-jpeg-lossless-sv1", JPEG_LOSSLESS_SV1, "dcmcjpeg", "+e1");

            Path rf = multiframe("rf", "1.2.840.10008.5.1.4.1.1.12.2", "RF", 8, 2,
                    "(0018,1063) DS [100]\n(0028,0009) AT (0018,1063)\n(0028,1040) CS [LIN]\n");
            add(rf, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.12.2", "RF multi-frame 8-bit");

            simpleImage("sc", "1.2.840.10008.5.1.4.1.1.7", "OT", "SC 8-bit with a VR of every kind", vrZoo());
            simpleImage("dx-presentation", "1.2.840.10008.5.1.4.1.1.1.1", "DX", "DX for presentation",
                    "(0008,0068) CS [FOR PRESENTATION]\n");
            simpleImage("dx-processing", "1.2.840.10008.5.1.4.1.1.1.1.1", "DX", "DX for processing",
                    "(0008,0068) CS [FOR PROCESSING]\n");
            simpleImage("mg-presentation", "1.2.840.10008.5.1.4.1.1.1.2", "MG", "MG for presentation",
                    "(0008,0068) CS [FOR PRESENTATION]\n(0020,0062) CS [L]\n");
            simpleImage("mg-processing", "1.2.840.10008.5.1.4.1.1.1.2.1", "MG", "MG for processing",
                    "(0008,0068) CS [FOR PROCESSING]\n(0020,0062) CS [R]\n");
            simpleImage("pet", "1.2.840.10008.5.1.4.1.1.128", "PT", "PET 16-bit",
                    "(0054,1001) CS [BQML]\n(0054,1002) CS [EMISSION]\n(0028,1052) DS [0]\n(0028,1053) DS [0.25]\n");
            simpleImage("rt-image", "1.2.840.10008.5.1.4.1.1.481.1", "RTIMAGE", "RT Image",
                    "(3002,0002) SH [PORTAL]\n(3002,000c) CS [NORMAL]\n(3002,0011) DS [0.5\\0.5]\n");
            simpleImage("us-multiframe-retired", "1.2.840.10008.5.1.4.1.1.3", "US", "retired US multi-frame class", "");
            simpleImage("nm-retired", "1.2.840.10008.5.1.4.1.1.5", "NM", "retired NM class", "");
            simpleImage("us-retired", "1.2.840.10008.5.1.4.1.1.6", "US", "retired US class", "");
            simpleImage("xa-biplane-retired", "1.2.840.10008.5.1.4.1.1.12.3", "XA", "retired XA bi-plane class", "");

            Path dose = multiframe("rt-dose", "1.2.840.10008.5.1.4.1.1.481.2", "RTDOSE", 16, 2,
                    "(0028,0009) AT (3004,000c)\n(3004,0002) CS [GY]\n(3004,0004) CS [PHYSICAL]\n"
                            + "(3004,000a) CS [PLAN]\n(3004,000c) DS [0\\5]\n(3004,000e) DS [0.0001]\n");
            add(dose, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.481.2", "RT Dose, 2 frames");
            Path plan = document("rt-plan", "1.2.840.10008.5.1.4.1.1.481.5", "RTPLAN", rtPlan(), StandardCharsets.US_ASCII);
            add(plan, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.481.5", "RT Plan, nested sequences");
            convert(plan, "rt-plan-bigendian-undefined", EXPLICIT_BE, "dcmconv", "+tb", "-e");
            Path struct = document("rt-struct", "1.2.840.10008.5.1.4.1.1.481.3", "RTSTRUCT", rtStruct(),
                    StandardCharsets.US_ASCII);
            add(struct, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.481.3", "RT Structure Set, contour data");

            for (String[] vl : new String[][] {
                    {"vl-endoscopic", "1.2.840.10008.5.1.4.1.1.77.1.1", "ES"},
                    {"vl-microscopic", "1.2.840.10008.5.1.4.1.1.77.1.2", "GM"},
                    {"vl-slide-microscopic", "1.2.840.10008.5.1.4.1.1.77.1.3", "SM"},
                    {"vl-photographic", "1.2.840.10008.5.1.4.1.1.77.1.4", "XC"}}) {
                Path f = image(vl[0], vl[1], vl[2], 32, 32, 3, 8, 8, 0, "RGB", "", StandardCharsets.US_ASCII);
                add(f, EXPLICIT_LE, vl[1], vl[0] + " RGB");
            }
            convert(dir.resolve("vl-endoscopic.dcm"), "vl-endoscopic-jpeg-baseline", JPEG_BASELINE, "dcmcjpeg", "+eb");

            // SR: Basic Text, Enhanced, Comprehensive (seed 001 §3.4.1.6), content trees nested three deep.
            Path basic = document("sr-basic-text", "1.2.840.10008.5.1.4.1.1.88.11", "SR", srContent(false, false),
                    StandardCharsets.US_ASCII);
            add(basic, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.88.11", "Basic Text SR content tree");
            Path enhanced = document("sr-enhanced", "1.2.840.10008.5.1.4.1.1.88.22", "SR", srContent(true, false),
                    StandardCharsets.US_ASCII);
            add(enhanced, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.88.22", "Enhanced SR with NUM");
            Path comprehensive = document("sr-comprehensive", "1.2.840.10008.5.1.4.1.1.88.33", "SR",
                    srContent(true, true), StandardCharsets.US_ASCII);
            add(comprehensive, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.88.33", "Comprehensive SR with SCOORD and IMAGE");
            convert(comprehensive, "sr-comprehensive-implicit-undefined", IMPLICIT_LE, "dcmconv", "+ti", "-e");
            convert(comprehensive, "sr-comprehensive-bigendian", EXPLICIT_BE, "dcmconv", "+tb");

            // Specific Character Set, PS3.5 Annex H and I; the dumps are written in the target encoding.
            Path latin1 = document("charset-iso-ir-100", "1.2.840.10008.5.1.4.1.1.7", "OT",
                    "(0008,0005) CS [ISO_IR 100]\n(0008,1030) LO [Kopf Übersicht]\n", StandardCharsets.ISO_8859_1,
                    "Müller^Jörg");
            add(latin1, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.7", "Patient's Name in ISO_IR 100");
            convert(latin1, "charset-iso-ir-100-implicit", IMPLICIT_LE, "dcmconv", "+ti");
            Path utf8 = document("charset-iso-ir-192", "1.2.840.10008.5.1.4.1.1.7", "OT",
                    "(0008,0005) CS [ISO_IR 192]\n(0008,1030) LO [头部 Übersicht]\n", StandardCharsets.UTF_8,
                    "Wang^XiaoDong=王^小東");
            add(utf8, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.7", "Patient's Name in ISO_IR 192 (UTF-8)");
            Path jis = document("charset-iso-2022-ir-87", "1.2.840.10008.5.1.4.1.1.7", "OT",
                    "(0008,0005) CS [\\ISO 2022 IR 87]\n", StandardCharsets.ISO_8859_1,
                    iso2022jp("Yamada^Tarou=山田^太郎=やまだ^たろう"));
            add(jis, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.7", "Patient's Name in ISO 2022 IR 87 (Japanese)");

            // Encapsulated PDF (pdf2dcm) and JPEG photographs (img2dcm): files made by other dcmtk writers.
            Path pdf = dir.resolve("report.pdf");
            Files.writeString(pdf, minimalPdf(), StandardCharsets.US_ASCII);
            Path epdf = dir.resolve("encapsulated-pdf.dcm");
            exec("pdf2dcm", "+pn", "Doe^Jane", "+pi", "PID0002", "+t", "Report", "-k", "StudyInstanceUID=" + uid(),
                    pdf.toString(), epdf.toString());
            add(epdf, EXPLICIT_LE, "1.2.840.10008.5.1.4.1.1.104.1", "Encapsulated PDF (pdf2dcm)");
            Path jpg = dir.resolve("photo.jpg");
            ImageIO.write(rgbImage(64, 48), "jpeg", jpg.toFile());
            Path sc = dir.resolve("img2dcm-sc.dcm");
            exec("img2dcm", "-i", "JPEG", "-k", "PatientName=Doe^Jane", "-k", "PatientID=PID0002",
                    jpg.toString(), sc.toString());
            add(sc, JPEG_BASELINE, "1.2.840.10008.5.1.4.1.1.7", "SC from a JPEG (img2dcm)");
            Path vlp = dir.resolve("img2dcm-vl-photo.dcm");
            exec("img2dcm", "-i", "JPEG", "-vlp", "-k", "PatientName=Doe^Jane", "-k", "PatientID=PID0002",
                    jpg.toString(), vlp.toString());
            add(vlp, JPEG_BASELINE, "1.2.840.10008.5.1.4.1.1.77.1.4", "VL Photographic from a JPEG (img2dcm)");

            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    String n = p.getFileName().toString();
                    if (n.endsWith(".dump") || n.endsWith(".raw") || n.endsWith(".jpg") || n.endsWith(".pdf")) {
                        Files.delete(p);
                    }
                }
            }
            return out;
        }

        // ---- dcmtk ----

        private void add(Path file, String ts, String sopClass, String description) {
            out.add(new Entry(file, ts, sopClass, description));
        }

        private void convert(Path source, String name, String ts, String tool, String... options)
                throws IOException, InterruptedException {
            Path target = dir.resolve(name + ".dcm");
            List<String> cmd = new ArrayList<>();
            cmd.add(tool);
            cmd.addAll(List.of(options));
            cmd.add(source.toString());
            cmd.add(target.toString());
            exec(cmd.toArray(new String[0]));
            Entry base = out.stream().filter(e -> e.file().equals(source)).findFirst().orElseThrow();
            add(target, ts, base.sopClass(), base.description() + ", " + tool + " " + String.join(" ", options));
        }

        private void exec(String... cmd) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + output);
            }
        }

        private String uid() {
            // 2.25 root: UUID-derived UIDs need no registration (PS3.5 §B.2); fixed so the corpus is reproducible.
            return "2.25.31415926535897932384626" + (++uidCounter);
        }

        // ---- dumps ----

        private String header(String sopClass, String modality, String patientName) {
            String sop = uid();
            return "(0002,0010) UI =LittleEndianExplicit\n"
                    + "(0008,0008) CS [ORIGINAL\\PRIMARY]\n"
                    + "(0008,0016) UI [" + sopClass + "]\n"
                    + "(0008,0018) UI [" + sop + "]\n"
                    + "(0008,0020) DA [20240131]\n(0008,0030) TM [101500.25]\n"
                    + "(0008,0023) DA [20240131]\n(0008,0033) TM [101501]\n"
                    + "(0008,0050) SH [ACC0001]\n(0008,0060) CS [" + modality + "]\n"
                    + "(0008,0064) CS [WSD]\n(0008,0070) LO [Tessera]\n(0008,0090) PN []\n"
                    + "(0010,0010) PN [" + patientName + "]\n(0010,0020) LO [PID0001]\n"
                    + "(0010,0030) DA [19700101]\n(0010,0040) CS [O]\n"
                    + "(0020,000d) UI [" + uid() + "]\n(0020,000e) UI [" + uid() + "]\n"
                    + "(0020,0010) SH [STUDY1]\n(0020,0011) IS [1]\n(0020,0013) IS [1]\n(0020,0020) CS [L\\F]\n"
                    + "(0020,0052) UI [" + uid() + "]\n(0020,1040) LO []\n";
        }

        /** A single- or multi-sample image; pixel data is a raw file dump2dcm reads with "=file". */
        private Path image(String name, String sopClass, String modality, int cols, int rows, int samples,
                           int bitsAllocated, int bitsStored, int pixelRepresentation, String photometric,
                           String extras, Charset charset) throws IOException, InterruptedException {
            return imageFrames(name, sopClass, modality, cols, rows, samples, bitsAllocated, bitsStored,
                    pixelRepresentation, photometric, 1, extras, charset);
        }

        private Path imageFrames(String name, String sopClass, String modality, int cols, int rows, int samples,
                                 int bitsAllocated, int bitsStored, int pixelRepresentation, String photometric,
                                 int frames, String extras, Charset charset) throws IOException, InterruptedException {
            Path raw = dir.resolve(name + ".raw");
            Files.write(raw, pixels(cols, rows, samples, bitsAllocated, bitsStored, pixelRepresentation, frames));
            StringBuilder d = new StringBuilder(header(sopClass, modality, "Doe^John"));
            d.append(extras);
            d.append("(0028,0002) US ").append(samples).append('\n');
            d.append("(0028,0004) CS [").append(photometric).append("]\n");
            if (samples > 1) {
                d.append("(0028,0006) US 0\n");
            }
            if (frames > 1) {
                d.append("(0028,0008) IS [").append(frames).append("]\n");
            }
            d.append("(0028,0010) US ").append(rows).append('\n');
            d.append("(0028,0011) US ").append(cols).append('\n');
            d.append("(0028,0030) DS [0.5\\0.5]\n");
            d.append("(0028,0100) US ").append(bitsAllocated).append('\n');
            d.append("(0028,0101) US ").append(bitsStored).append('\n');
            d.append("(0028,0102) US ").append(bitsStored - 1).append('\n');
            d.append("(0028,0103) US ").append(pixelRepresentation).append('\n');
            d.append("(7fe0,0010) ").append(bitsAllocated > 8 ? "OW" : "OB").append(" =").append(raw).append('\n');
            return dump2dcm(name, d.toString(), charset);
        }

        private Path multiframe(String name, String sopClass, String modality, int bits, int frames, String extras)
                throws IOException, InterruptedException {
            return imageFrames(name, sopClass, modality, 64, 64, 1, bits, bits == 16 ? 12 : 8, 0, "MONOCHROME2",
                    frames, extras, StandardCharsets.US_ASCII);
        }

        private void simpleImage(String name, String sopClass, String modality, String description, String extras)
                throws IOException, InterruptedException {
            Path f = image(name, sopClass, modality, 64, 64, 1, modality.equals("PT") || modality.equals("DX")
                    || modality.equals("MG") || modality.equals("RTIMAGE") ? 16 : 8,
                    modality.equals("PT") || modality.equals("DX") || modality.equals("MG")
                            || modality.equals("RTIMAGE") ? 12 : 8,
                    0, "MONOCHROME2", extras, StandardCharsets.US_ASCII);
            add(f, EXPLICIT_LE, sopClass, description);
        }

        /** A data set without pixel data (SR, RT Plan, RT Structure Set, character set samples). */
        private Path document(String name, String sopClass, String modality, String body, Charset charset)
                throws IOException, InterruptedException {
            return document(name, sopClass, modality, body, charset, "Doe^John");
        }

        private Path document(String name, String sopClass, String modality, String body, Charset charset,
                              String patientName) throws IOException, InterruptedException {
            return dump2dcm(name, header(sopClass, modality, patientName) + body, charset);
        }

        private Path dump2dcm(String name, String dump, Charset charset) throws IOException, InterruptedException {
            Path dumpFile = dir.resolve(name + ".dump");
            Files.write(dumpFile, dump.getBytes(charset));
            Path dcm = dir.resolve(name + ".dcm");
            // +l: pixel data lines are short ("=file"), but the CT's contour-like values are long.
            exec("dump2dcm", "+l", "65536", dumpFile.toString(), dcm.toString());
            return dcm;
        }

        private String ctExtras() {
            return "(0018,0050) DS [1.25]\n(0018,0060) DS [120]\n(0018,1151) IS [200]\n(0018,5100) CS [HFS]\n"
                    + "(0020,0032) DS [-127.75\\-127.75\\-40.5]\n(0020,0037) DS [1\\0\\0\\0\\1\\0]\n"
                    + "(0020,1041) DS [-40.5]\n"
                    + "(0028,0106) US 0\n(0028,0107) US 4095\n"
                    + "(0028,1050) DS [40\\400]\n(0028,1051) DS [400\\2000]\n(0028,1055) LO [BRAIN\\BONE]\n"
                    + "(0028,1052) DS [-1024]\n(0028,1053) DS [1]\n(0028,1054) LO [HU]\n";
        }

        /** Overlay plane in group 6000 (PS3.3 C.9.2): 1 bit per pixel, packed into OW. */
        private String overlay(int cols, int rows) throws IOException {
            byte[] bits = new byte[cols * rows / 8];
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    if (x == y || x == cols - 1 - y) {
                        int i = y * cols + x;
                        bits[i >> 3] |= (byte) (1 << (i & 7));
                    }
                }
            }
            Path raw = dir.resolve("overlay.raw");
            Files.write(raw, bits);
            return "(6000,0010) US " + rows + "\n(6000,0011) US " + cols + "\n(6000,0022) LO [diagonals]\n"
                    + "(6000,0040) CS [G]\n(6000,0050) SS 1\\1\n(6000,0100) US 1\n(6000,0102) US 0\n"
                    + "(6000,3000) OW =" + raw + "\n";
        }

        /** Two private blocks of one creator group (PS3.5 §7.8.1), with LO, US, UN and SQ values. */
        private String privateBlock() {
            return "(0029,0010) LO [TESSERA TEST]\n(0029,0011) LO [TESSERA OTHER]\n"
                    + "(0029,1010) LO [private text]\n(0029,1011) US 42\n(0029,1012) UN 01\\02\\03\\04\n"
                    + "(0029,1013) SQ (Sequence with explicit length #=1)\n(fffe,e000) na (Item)\n"
                    + "(0029,1010) LO [inner]\n(fffe,e00d) na (ItemDelimitationItem)\n"
                    + "(fffe,e0dd) na (SequenceDelimitationItem)\n"
                    + "(0029,1110) SH [second block]\n";
        }

        private String referencedImages() {
            StringBuilder sb = new StringBuilder("(0008,1140) SQ (Sequence with explicit length #=2)\n");
            for (int i = 0; i < 2; i++) {
                sb.append("(fffe,e000) na (Item)\n(0008,1150) UI [1.2.840.10008.5.1.4.1.1.2]\n")
                        .append("(0008,1155) UI [").append(uid()).append("]\n(fffe,e00d) na (ItemDelimitationItem)\n");
            }
            sb.append("(fffe,e0dd) na (SequenceDelimitationItem)\n");
            // Empty sequence and a sequence of a sequence (Request Attributes → Scheduled Protocol Code).
            sb.append("(0008,1120) SQ (Sequence with explicit length #=0)\n(fffe,e0dd) na (SequenceDelimitationItem)\n");
            sb.append("(0040,0275) SQ (Sequence with explicit length #=1)\n(fffe,e000) na (Item)\n")
                    .append("(0040,0009) SH [SPS1]\n(0040,1001) SH [RP1]\n")
                    .append("(0040,0008) SQ (Sequence with explicit length #=1)\n(fffe,e000) na (Item)\n")
                    .append("(0008,0100) SH [CTHEAD]\n(0008,0102) SH [99LOCAL]\n(0008,0104) LO [CT Head]\n")
                    .append("(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n")
                    .append("(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n");
            return sb.toString();
        }

        /** Standard elements of the VRs the images do not otherwise use. */
        private String vrZoo() {
            return "(0008,002a) DT [20240131101500.123456+0100]\n"
                    + "(0008,0119) UC [a long code value that may exceed sixty-four characters, since UC allows it]\n"
                    + "(0008,0120) UR [urn:oid:2.25.1]\n"
                    + "(0008,030e) UT [unlimited text\\with a backslash that is not a delimiter]\n"
                    + "(0008,0309) UL 1\\2\\4000000000\n"
                    + "(0008,1163) FD 0.5\\12.25\n"
                    + "(0008,9459) FL 29.97\n"
                    + "(0010,1010) AS [045Y]\n"
                    + "(0018,1638) OF 1.5\\-2.25\\3\n"
                    + "(0018,6020) SL -5\n(0018,6022) SL 7\n"
                    + "(0018,9219) SS -3\n"
                    + "(0020,9165) AT (0028,0010)\n"
                    + "(0020,4000) LT [line one, line two]\n"
                    + "(0032,4000) LT [multi]\n"
                    + "(0040,0280) ST [short text with trailing spaces   ]\n";
        }

        private String rtPlan() {
            return "(300a,0002) SH [PLAN1]\n(300a,0006) DA [20240131]\n(300a,000c) CS [PATIENT]\n"
                    + "(300a,0070) SQ (Sequence with explicit length #=1)\n(fffe,e000) na (Item)\n"
                    + "(300a,0071) IS [1]\n(300a,0078) IS [30]\n(300a,0080) IS [1]\n(300a,00a0) IS [0]\n"
                    + "(300c,0004) SQ (Sequence with explicit length #=1)\n(fffe,e000) na (Item)\n"
                    + "(300a,0086) DS [198.5]\n(300c,0006) IS [1]\n"
                    + "(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n"
                    + "(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n"
                    + "(300a,00b0) SQ (Sequence with explicit length #=1)\n(fffe,e000) na (Item)\n"
                    + "(300a,00b2) SH [LINAC1]\n(300a,00b3) CS [MU]\n(300a,00c0) IS [1]\n(300a,00c2) LO [AP]\n"
                    + "(300a,00c4) CS [STATIC]\n(300a,00c6) CS [PHOTON]\n(300a,00ce) CS [TREATMENT]\n"
                    + "(300a,00d0) IS [0]\n(300a,00e0) IS [0]\n(300a,00ed) IS [0]\n(300a,00f0) IS [0]\n"
                    + "(300a,010e) DS [1]\n(300a,0110) IS [2]\n"
                    + "(300a,0111) SQ (Sequence with explicit length #=2)\n"
                    + "(fffe,e000) na (Item)\n(300a,0112) IS [0]\n(300a,0114) DS [6]\n(300a,011e) DS [0]\n"
                    + "(300a,0120) DS [0]\n(300a,0122) DS [0]\n(300a,012c) DS [0\\0\\0]\n(300a,0134) DS [0]\n"
                    + "(fffe,e00d) na (ItemDelimitationItem)\n"
                    + "(fffe,e000) na (Item)\n(300a,0112) IS [1]\n(300a,0134) DS [1]\n"
                    + "(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n"
                    + "(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n";
        }

        private String rtStruct() {
            String ref = uid();
            return "(3006,0002) SH [STRUCT1]\n(3006,0008) DA [20240131]\n(3006,0009) TM [101500]\n"
                    + "(3006,0010) SQ (Sequence with explicit length #=1)\n(fffe,e000) na (Item)\n"
                    + "(0020,0052) UI [" + ref + "]\n"
                    + "(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n"
                    + "(3006,0020) SQ (Sequence with explicit length #=1)\n(fffe,e000) na (Item)\n"
                    + "(3006,0022) IS [1]\n(3006,0024) UI [" + ref + "]\n(3006,0026) LO [BODY]\n(3006,0036) CS [MANUAL]\n"
                    + "(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n"
                    + "(3006,0039) SQ (Sequence with explicit length #=1)\n(fffe,e000) na (Item)\n"
                    + "(3006,002a) IS [255\\0\\0]\n(3006,0084) IS [1]\n"
                    + "(3006,0040) SQ (Sequence with explicit length #=1)\n(fffe,e000) na (Item)\n"
                    + "(3006,0042) CS [CLOSED_PLANAR]\n(3006,0046) IS [4]\n"
                    + "(3006,0050) DS [0\\0\\0\\10.5\\0\\0\\10.5\\10.5\\0\\0\\10.5\\0]\n"
                    + "(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n"
                    + "(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n"
                    + "(3006,0080) SQ (Sequence with explicit length #=1)\n(fffe,e000) na (Item)\n"
                    + "(3006,0082) IS [1]\n(3006,0084) IS [1]\n(3006,00a4) CS [EXTERNAL]\n(3006,00a6) PN []\n"
                    + "(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n";
        }

        private static String code(String value, String scheme, String meaning) {
            return "(fffe,e000) na (Item)\n(0008,0100) SH [" + value + "]\n(0008,0102) SH [" + scheme + "]\n"
                    + "(0008,0104) LO [" + meaning + "]\n(fffe,e00d) na (ItemDelimitationItem)\n";
        }

        private static String conceptName(String value, String scheme, String meaning) {
            return "(0040,a043) SQ (Sequence #=1)\n" + code(value, scheme, meaning)
                    + "(fffe,e0dd) na (SequenceDelimitationItem)\n";
        }

        /** An SR document content tree (PS3.3 C.17.3): CONTAINER → CONTAINER → TEXT [, NUM, SCOORD → IMAGE]. */
        private String srContent(boolean numeric, boolean spatial) {
            StringBuilder findings = new StringBuilder();
            findings.append("(fffe,e000) na (Item)\n(0040,a010) CS [CONTAINS]\n(0040,a040) CS [TEXT]\n")
                    .append(conceptName("121071", "DCM", "Finding"))
                    .append("(0040,a160) UT [No acute intracranial abnormality.]\n")
                    .append("(fffe,e00d) na (ItemDelimitationItem)\n");
            if (numeric) {
                findings.append("(fffe,e000) na (Item)\n(0040,a010) CS [CONTAINS]\n(0040,a040) CS [NUM]\n")
                        .append(conceptName("410668003", "SCT", "Length"))
                        .append("(0040,a300) SQ (Sequence #=1)\n(fffe,e000) na (Item)\n")
                        .append("(0040,08ea) SQ (Sequence #=1)\n").append(code("mm", "UCUM", "millimeter"))
                        .append("(fffe,e0dd) na (SequenceDelimitationItem)\n(0040,a30a) DS [12.5]\n")
                        .append("(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n");
                if (spatial) {
                    findings.append("(0040,a730) SQ (Sequence #=1)\n(fffe,e000) na (Item)\n")
                            .append("(0040,a010) CS [INFERRED FROM]\n(0040,a040) CS [SCOORD]\n")
                            .append("(0070,0022) FL 10.5\\20.25\\40\\20.25\n(0070,0023) CS [POLYLINE]\n")
                            .append("(0040,a730) SQ (Sequence #=1)\n(fffe,e000) na (Item)\n")
                            .append("(0040,a010) CS [SELECTED FROM]\n(0040,a040) CS [IMAGE]\n")
                            .append("(0008,1199) SQ (Sequence #=1)\n(fffe,e000) na (Item)\n")
                            .append("(0008,1150) UI [1.2.840.10008.5.1.4.1.1.2]\n(0008,1155) UI [").append(uid())
                            .append("]\n(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n")
                            .append("(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n")
                            .append("(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n");
                }
                findings.append("(fffe,e00d) na (ItemDelimitationItem)\n");
            }
            return "(0040,a040) CS [CONTAINER]\n" + conceptName("18748-4", "LN", "Diagnostic Imaging Report")
                    + "(0040,a050) CS [SEPARATE]\n(0040,a491) CS [COMPLETE]\n(0040,a493) CS [UNVERIFIED]\n"
                    + "(0040,a375) SQ (Sequence #=0)\n(fffe,e0dd) na (SequenceDelimitationItem)\n"
                    + "(0040,a730) SQ (Sequence #=1)\n"
                    + "(fffe,e000) na (Item)\n(0040,a010) CS [CONTAINS]\n(0040,a040) CS [CONTAINER]\n"
                    + conceptName("121070", "DCM", "Findings") + "(0040,a050) CS [SEPARATE]\n"
                    + "(0040,a730) SQ (Sequence #=2)\n" + findings + "(fffe,e0dd) na (SequenceDelimitationItem)\n"
                    + "(fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n";
        }

        // ---- content ----

        /** Smooth gradients plus a ring, within Bits Stored; signed images span negative values. */
        private static byte[] pixels(int cols, int rows, int samples, int bitsAllocated, int bitsStored,
                                     int pixelRepresentation, int frames) {
            int bytes = bitsAllocated / 8;
            ByteBuffer buf = ByteBuffer.allocate(cols * rows * samples * bytes * frames).order(ByteOrder.LITTLE_ENDIAN);
            int max = (1 << bitsStored) - 1;
            for (int f = 0; f < frames; f++) {
                for (int y = 0; y < rows; y++) {
                    for (int x = 0; x < cols; x++) {
                        double r = Math.hypot(x - cols / 2.0, y - rows / 2.0) / Math.max(cols, rows);
                        for (int s = 0; s < samples; s++) {
                            double v = ((x + 2 * y + 13 * s + 17 * f) % cols) / (double) cols * 0.7
                                    + (Math.abs(r - 0.3) < 0.02 ? 0.3 : 0);
                            int value = (int) Math.round(v * max);
                            if (pixelRepresentation == 1) {
                                value -= (max + 1) / 2;
                            }
                            if (bytes == 2) {
                                buf.putShort((short) value);
                            } else {
                                buf.put((byte) value);
                            }
                        }
                    }
                }
            }
            return buf.array();
        }

        private static BufferedImage rgbImage(int w, int h) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.DARK_GRAY);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.ORANGE);
            g.fillOval(w / 4, h / 4, w / 2, h / 2);
            g.dispose();
            return img;
        }

        /**
         * ISO 2022 IR 87 as PS3.5 H.3.1 encodes it: each component group switches to JIS X 0208 with ESC $ B and
         * back to ASCII (ESC ( B) before every "^" and "=" delimiter. Encoding each piece with ISO-2022-JP does
         * exactly that. Returned as ISO-8859-1 chars so the dump file receives the raw bytes.
         */
        private static String iso2022jp(String name) {
            StringBuilder sb = new StringBuilder();
            StringBuilder piece = new StringBuilder();
            Charset jis = Charset.forName("ISO-2022-JP");
            for (char c : (name + "\u0000").toCharArray()) {
                if (c == '^' || c == '=' || c == '\u0000') {
                    sb.append(new String(piece.toString().getBytes(jis), StandardCharsets.ISO_8859_1));
                    piece.setLength(0);
                    if (c != '\u0000') {
                        sb.append(c);
                    }
                } else {
                    piece.append(c);
                }
            }
            return sb.toString();
        }

        private static String minimalPdf() {
            String stream = "BT /F1 12 Tf 72 720 Td (Tessera corpus report) Tj ET";
            String[] objects = {
                    "<< /Type /Catalog /Pages 2 0 R >>",
                    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                            + " /Resources << /Font << /F1 5 0 R >> >> >>",
                    "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
            StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
            List<Integer> offsets = new ArrayList<>();
            for (int i = 0; i < objects.length; i++) {
                offsets.add(pdf.length());
                pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
            }
            int xref = pdf.length();
            pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
            for (int off : offsets) {
                pdf.append(String.format("%010d 00000 n \n", off));
            }
            pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                    .append(xref).append("\n%%EOF\n");
            return pdf.toString();
        }
    }
}
