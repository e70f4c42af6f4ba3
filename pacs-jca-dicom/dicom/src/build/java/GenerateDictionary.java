import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the element dictionary and UID registry of io.tessera.dicom.data from dcmtk's registry
 * as Debian ships it (PS3.6 via dcmtk 3.6.7: {@code dicom.dic} and {@code dcuid.h}).
 *
 * <pre>
 * java src/build/java/GenerateDictionary.java /usr/share/libdcmtk17/dicom.dic \
 *      /usr/include/dcmtk/dcmdata/dcuid.h .
 * </pre>
 *
 * The last argument is the module root (pacs-jca-dicom/dicom). It writes
 * <ul>
 * <li>src/main/resources/io/tessera/dicom/data/dictionary.tsv — one line per dicom.dic entry, VR resolved;
 *     a resource rather than Java code because ~5000 entries would break the 64 KB method limit</li>
 * <li>src/main/java/io/tessera/dicom/data/ElementDictionary.java — from src/build/templates</li>
 * <li>src/main/java/io/tessera/dicom/data/Tag.java — template helpers plus one constant per keyword</li>
 * <li>src/main/java/io/tessera/dicom/data/UID.java — one constant per UID in dcuid.h</li>
 * </ul>
 * Plain Java SE, no dependencies, so it runs in source-file mode.
 */
public class GenerateDictionary {

    /** One line of dicom.dic: "(gggg,eeee)\tVR\tKeyword\tVM\tVersion". */
    record DictEntry(String tagSpec, String dcmtkVR, String vr, String keyword, String vm, String version) {
        boolean isRange() {
            return tagSpec.length() != 11;
        }

        boolean retired() {
            return version.endsWith("retired");
        }
    }

    /** One {@code #define UID_x "..."} of dcuid.h. */
    record UidEntry(String dcmtkName, String keyword, String uid, String name, boolean transferSyntax, boolean storage) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java GenerateDictionary.java <dicom.dic> <dcuid.h> <module root>");
            System.exit(2);
        }
        Path module = Path.of(args[2]);
        Path templates = module.resolve("src/build/templates");
        Path javaOut = module.resolve("src/main/java/io/tessera/dicom/data");
        Path resOut = module.resolve("src/main/resources/io/tessera/dicom/data");
        Files.createDirectories(javaOut);
        Files.createDirectories(resOut);

        List<DictEntry> dict = readDictionary(Path.of(args[0]));
        List<UidEntry> uids = readUids(Path.of(args[1]));

        writeDictionaryResource(dict, resOut.resolve("dictionary.tsv"), args[0]);
        String elementDictionary = Files.readString(templates.resolve("ElementDictionary.java.template"))
                .replace("/*ENTRY-COUNT*/", Integer.toString(dict.size()));
        Files.writeString(javaOut.resolve("ElementDictionary.java"), elementDictionary);
        Files.writeString(javaOut.resolve("Tag.java"), tagSource(dict, Files.readString(templates.resolve("Tag.java.template"))));
        Files.writeString(javaOut.resolve("UID.java"), uidSource(uids, Files.readString(templates.resolve("UID.java.template"))));
        System.out.printf("%d dictionary entries, %d UIDs written under %s%n", dict.size(), uids.size(), module);
    }

    // ---- dicom.dic ----

    static List<DictEntry> readDictionary(Path dic) throws IOException {
        List<DictEntry> out = new ArrayList<>();
        for (String line : Files.readAllLines(dic, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 5) {
                throw new IllegalArgumentException("Expected 5 tab-separated fields: " + line);
            }
            String keyword = f[2].startsWith("RETIRED_") ? f[2].substring("RETIRED_".length()) : f[2];
            out.add(new DictEntry(f[0].toUpperCase(Locale.ROOT), f[1], resolveVR(f[1]), keyword, f[3], f[4]));
        }
        return out;
    }

    /**
     * dcmtk's pseudo VRs for "US or SS" and friends, resolved the way dcmtk reads them in Implicit VR
     * (PS3.5 Annex A.1 leaves the choice to the reader): xs → US (SS only when Pixel Representation is 1,
     * which the reader may decide later), ox and px → OW (OB only in explicit or encapsulated encodings),
     * lt → OW, up → UL (DICOMDIR offsets), na (item delimiters, no VR) → UN.
     */
    static String resolveVR(String dcmtk) {
        return switch (dcmtk) {
            case "xs" -> "US";
            case "ox", "px", "lt" -> "OW";
            case "up" -> "UL";
            case "na" -> "UN";
            default -> {
                if (!dcmtk.matches("[A-Z]{2}")) {
                    throw new IllegalArgumentException("Unknown dcmtk VR " + dcmtk);
                }
                yield dcmtk;
            }
        };
    }

    static void writeDictionaryResource(List<DictEntry> dict, Path out, String source) throws IOException {
        StringBuilder sb = new StringBuilder(dict.size() * 80);
        sb.append("# Generated by src/build/java/GenerateDictionary.java from ").append(source).append('\n');
        sb.append("# tag (dcmtk range notation)\tVR\tdcmtk VR\tkeyword\tname\tVM\tversion\n");
        for (DictEntry e : dict) {
            sb.append(e.tagSpec()).append('\t').append(e.vr()).append('\t').append(e.dcmtkVR()).append('\t')
                    .append(e.keyword()).append('\t').append(nameFromKeyword(e.keyword())).append('\t')
                    .append(e.vm()).append('\t').append(e.version()).append('\n');
        }
        Files.writeString(out, sb.toString());
    }

    /**
     * dicom.dic holds keywords only, not the PS3.6 names, so the name is the keyword split into words
     * ("PatientName" → "Patient Name", "SOPClassUID" → "SOP Class UID").
     */
    static String nameFromKeyword(String keyword) {
        return keyword.replace('_', ' ')
                .replaceAll("(?<=[a-z])(?=[A-Z0-9])", " ")
                .replaceAll("(?<=[A-Z])(?=[A-Z][a-z])", " ")
                .replaceAll("(?<=[0-9])(?=[A-Z][a-z])", " ")
                .replaceAll("\\s+", " ").trim();
    }

    static String tagSource(List<DictEntry> dict, String template) {
        // Keep the first of clashing keywords, preferring a current element over a retired one.
        Map<String, DictEntry> byKeyword = new LinkedHashMap<>();
        for (DictEntry e : dict) {
            if (e.isRange()) {
                continue;
            }
            DictEntry prior = byKeyword.get(e.keyword());
            if (prior == null || (prior.retired() && !e.retired())) {
                byKeyword.put(e.keyword(), e);
            }
        }
        List<DictEntry> sorted = new ArrayList<>(byKeyword.values());
        sorted.sort((a, b) -> Integer.compareUnsigned(tagOf(a.tagSpec()), tagOf(b.tagSpec())));
        StringBuilder sb = new StringBuilder();
        for (DictEntry e : sorted) {
            if (template.contains(" int " + e.keyword() + " = ")) {
                continue; // already declared by the hand-written part (Item and the delimiters)
            }
            sb.append("    /** ").append(e.tagSpec()).append(' ').append(e.dcmtkVR()).append(' ').append(e.vm())
                    .append(e.retired() ? " (retired)" : "").append(" */\n");
            sb.append("    public static final int ").append(e.keyword()).append(" = 0x")
                    .append(String.format("%08X", tagOf(e.tagSpec()))).append(";\n");
        }
        return template.replace("/*GENERATED-CONSTANTS*/", sb.toString());
    }

    static int tagOf(String spec) {
        return (int) Long.parseLong(spec.substring(1, 5) + spec.substring(6, 10), 16);
    }

    // ---- dcuid.h ----

    private static final Pattern DEFINE = Pattern.compile("^#define\\s+(\\w+)\\s+(.*?)\\s*(/\\*.*)?$");
    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|(\\w+)");

    /**
     * PS3.6 Table A-1 keywords of the transfer syntaxes, whose dcmtk names differ most from the standard's
     * ("LittleEndianImplicitTransferSyntax" is ImplicitVRLittleEndian). Every other UID keeps dcmtk's name
     * without the "UID_" prefix, which for storage classes is the PS3.6 keyword (CTImageStorage).
     */
    static final Map<String, String> TRANSFER_SYNTAX_KEYWORDS = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2", "ImplicitVRLittleEndian"),
            Map.entry("1.2.840.10008.1.2.1", "ExplicitVRLittleEndian"),
            Map.entry("1.2.840.10008.1.2.1.99", "DeflatedExplicitVRLittleEndian"),
            Map.entry("1.2.840.10008.1.2.2", "ExplicitVRBigEndian"),
            Map.entry("1.2.840.10008.1.2.4.50", "JPEGBaseline8Bit"),
            Map.entry("1.2.840.10008.1.2.4.51", "JPEGExtended12Bit"),
            Map.entry("1.2.840.10008.1.2.4.52", "JPEGExtended35"),
            Map.entry("1.2.840.10008.1.2.4.53", "JPEGSpectralSelectionNonHierarchical68"),
            Map.entry("1.2.840.10008.1.2.4.54", "JPEGSpectralSelectionNonHierarchical79"),
            Map.entry("1.2.840.10008.1.2.4.55", "JPEGFullProgressionNonHierarchical1012"),
            Map.entry("1.2.840.10008.1.2.4.56", "JPEGFullProgressionNonHierarchical1113"),
            Map.entry("1.2.840.10008.1.2.4.57", "JPEGLossless"),
            Map.entry("1.2.840.10008.1.2.4.58", "JPEGLosslessNonHierarchical15"),
            Map.entry("1.2.840.10008.1.2.4.59", "JPEGExtendedHierarchical1618"),
            Map.entry("1.2.840.10008.1.2.4.60", "JPEGExtendedHierarchical1719"),
            Map.entry("1.2.840.10008.1.2.4.61", "JPEGSpectralSelectionHierarchical2022"),
            Map.entry("1.2.840.10008.1.2.4.62", "JPEGSpectralSelectionHierarchical2123"),
            Map.entry("1.2.840.10008.1.2.4.63", "JPEGFullProgressionHierarchical2426"),
            Map.entry("1.2.840.10008.1.2.4.64", "JPEGFullProgressionHierarchical2527"),
            Map.entry("1.2.840.10008.1.2.4.65", "JPEGLosslessHierarchical28"),
            Map.entry("1.2.840.10008.1.2.4.66", "JPEGLosslessHierarchical29"),
            Map.entry("1.2.840.10008.1.2.4.70", "JPEGLosslessSV1"),
            Map.entry("1.2.840.10008.1.2.4.80", "JPEGLSLossless"),
            Map.entry("1.2.840.10008.1.2.4.81", "JPEGLSNearLossless"),
            Map.entry("1.2.840.10008.1.2.4.90", "JPEG2000Lossless"),
            Map.entry("1.2.840.10008.1.2.4.91", "JPEG2000"),
            Map.entry("1.2.840.10008.1.2.4.92", "JPEG2000MCLossless"),
            Map.entry("1.2.840.10008.1.2.4.93", "JPEG2000MC"),
            Map.entry("1.2.840.10008.1.2.4.94", "JPIPReferenced"),
            Map.entry("1.2.840.10008.1.2.4.95", "JPIPReferencedDeflate"),
            Map.entry("1.2.840.10008.1.2.4.100", "MPEG2MPML"),
            Map.entry("1.2.840.10008.1.2.4.101", "MPEG2MPHL"),
            Map.entry("1.2.840.10008.1.2.4.102", "MPEG4HP41"),
            Map.entry("1.2.840.10008.1.2.4.103", "MPEG4HP41BD"),
            Map.entry("1.2.840.10008.1.2.4.104", "MPEG4HP422D"),
            Map.entry("1.2.840.10008.1.2.4.105", "MPEG4HP423D"),
            Map.entry("1.2.840.10008.1.2.4.106", "MPEG4HP42STEREO"),
            Map.entry("1.2.840.10008.1.2.4.107", "HEVCMP51"),
            Map.entry("1.2.840.10008.1.2.4.108", "HEVCM10P51"),
            Map.entry("1.2.840.10008.1.2.5", "RLELossless"),
            Map.entry("1.2.840.10008.1.2.6.1", "RFC2557MIMEEncapsulation"),
            Map.entry("1.2.840.10008.1.2.6.2", "XMLEncoding"),
            Map.entry("1.2.840.10008.1.2.7.1", "SMPTEST211020UncompressedProgressiveActiveVideo"),
            Map.entry("1.2.840.10008.1.2.7.2", "SMPTEST211020UncompressedInterlacedActiveVideo"),
            Map.entry("1.2.840.10008.1.2.7.3", "SMPTEST211030PCMDigitalAudio"),
            Map.entry("1.2.840.113619.5.2", "PrivateGELittleEndianImplicitWithBigEndianPixelData"));

    static List<UidEntry> readUids(Path header) throws IOException {
        Map<String, String> macros = new HashMap<>();
        List<UidEntry> out = new ArrayList<>();
        String docComment = null;
        StringBuilder block = null;
        for (String raw : Files.readAllLines(header, StandardCharsets.ISO_8859_1)) {
            String line = raw.strip();
            if (block != null) { // inside /** ... */
                block.append(' ').append(line.replaceFirst("^\\*+/?", "").replace("*/", "").strip());
                if (line.contains("*/")) {
                    docComment = firstSentence(block.toString());
                    block = null;
                }
                continue;
            }
            if (line.startsWith("/**")) {
                block = new StringBuilder(line.substring(3).replace("*/", "").strip());
                if (line.contains("*/")) {
                    docComment = firstSentence(block.toString());
                    block = null;
                }
                continue;
            }
            if (line.startsWith("///")) {
                docComment = firstSentence(line.substring(3));
                continue;
            }
            Matcher m = DEFINE.matcher(line);
            if (!m.matches()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    docComment = null;
                }
                continue;
            }
            String name = m.group(1);
            String value = resolve(m.group(2), macros);
            if (value != null) {
                macros.put(name, value);
            }
            if (name.startsWith("UID_") && value != null && value.matches("[0-9]+(\\.[0-9]+)+")) {
                String dcmtkName = name.substring(4);
                // "UID_LDAP_dicomTransferSyntax" is an LDAP attribute, not a transfer syntax.
                boolean ts = dcmtkName.endsWith("TransferSyntax") && !dcmtkName.startsWith("LDAP_");
                String keyword = ts ? TRANSFER_SYNTAX_KEYWORDS.get(value) : dcmtkName;
                if (keyword == null) {
                    throw new IllegalArgumentException("No PS3.6 keyword for transfer syntax " + value + " " + name);
                }
                String human = ts && docComment != null ? docComment : humanUidName(dcmtkName);
                // dcmtk's dcmAllStorageSOPClassUIDs: every "...Storage" and "...StorageForPresentation/Processing"
                // class (DX, MG, IO, breast projection, IVOCT) except the DICOMDIR pseudo class, which names a file
                // set (PS3.10 §8.6), never a C-STORE SOP class.
                boolean storage = (dcmtkName.endsWith("Storage") || dcmtkName.endsWith("StorageForPresentation")
                        || dcmtkName.endsWith("StorageForProcessing")) && !dcmtkName.equals("MediaStorageDirectoryStorage");
                out.add(new UidEntry(dcmtkName, keyword, value, human, ts, storage));
            }
            docComment = null;
        }
        return out;
    }

    private static String firstSentence(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        int colon = t.indexOf(": ");
        return colon > 0 ? t.substring(0, colon) : t;
    }

    /** Concatenates the string literals and earlier macros of a #define; null when it is not a string. */
    static String resolve(String expr, Map<String, String> macros) {
        StringBuilder sb = new StringBuilder();
        Matcher t = TOKEN.matcher(expr);
        int end = 0;
        while (t.find()) {
            if (!expr.substring(end, t.start()).isBlank()) {
                return null;
            }
            if (t.group(1) != null) {
                sb.append(t.group(1));
            } else if (macros.containsKey(t.group(2))) {
                sb.append(macros.get(t.group(2)));
            } else {
                return null;
            }
            end = t.end();
        }
        return end == expr.length() && end > 0 ? sb.toString() : null;
    }

    static String humanUidName(String dcmtkName) {
        String n = dcmtkName;
        String suffix = "";
        if (n.startsWith("RETIRED_")) {
            n = n.substring(8);
            suffix = " (Retired)";
        } else if (n.startsWith("DRAFT_")) {
            n = n.substring(6);
            suffix = " (Draft)";
        }
        return nameFromKeyword(n) + suffix;
    }

    static String uidSource(List<UidEntry> uids, String template) {
        StringBuilder constants = new StringBuilder();
        StringBuilder table = new StringBuilder();
        for (UidEntry u : uids) {
            constants.append("    /** ").append(u.name()).append(" */\n");
            constants.append("    public static final String ").append(u.keyword()).append(" = \"")
                    .append(u.uid()).append("\";\n");
            table.append("            {").append(u.keyword()).append(", \"").append(u.name().replace("\"", "\\\""))
                    .append("\", \"").append(u.transferSyntax() ? "T" : u.storage() ? "S" : "-").append("\"},\n");
        }
        return template.replace("/*GENERATED-CONSTANTS*/", constants.toString())
                .replace("/*GENERATED-TABLE*/", table.toString());
    }
}
