package io.tessera.dicom.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The corpus is what it claims to be, checked with dcmdump, so conformance failures point at the reader. */
class CorpusTest {

    @BeforeAll
    static void dcmtkInstalled() {
        Assumptions.assumeTrue(Corpus.toolsAvailable(), "dcmtk not installed (apt-get install dcmtk)");
    }

    @Test
    void coversTheTransferSyntaxesAndStaysSmall() throws IOException {
        List<Corpus.Entry> corpus = Corpus.get();
        Set<String> syntaxes = corpus.stream().map(Corpus.Entry::transferSyntax).collect(Collectors.toSet());
        assertEquals(Set.of(Corpus.IMPLICIT_LE, Corpus.EXPLICIT_LE, Corpus.EXPLICIT_BE, Corpus.DEFLATED,
                Corpus.JPEG_BASELINE, Corpus.JPEG_EXTENDED, Corpus.JPEG_LOSSLESS, Corpus.JPEG_LOSSLESS_SV1,
                Corpus.RLE), syntaxes);
        long bytes = 0;
        for (Corpus.Entry e : corpus) {
            bytes += Files.size(e.file());
        }
        assertTrue(bytes < 50L << 20, "corpus is " + bytes + " bytes");
        // Storage classes of seed 001 Table 21 and the SR classes of §3.4.1.6.
        Set<String> classes = corpus.stream().map(Corpus.Entry::sopClass).collect(Collectors.toSet());
        for (String sop : List.of("1.2.840.10008.5.1.4.1.1.1", "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.3",
                "1.2.840.10008.5.1.4.1.1.3.1", "1.2.840.10008.5.1.4.1.1.4", "1.2.840.10008.5.1.4.1.1.5",
                "1.2.840.10008.5.1.4.1.1.6", "1.2.840.10008.5.1.4.1.1.6.1", "1.2.840.10008.5.1.4.1.1.7",
                "1.2.840.10008.5.1.4.1.1.12.1", "1.2.840.10008.5.1.4.1.1.12.2", "1.2.840.10008.5.1.4.1.1.12.3",
                "1.2.840.10008.5.1.4.1.1.1.1", "1.2.840.10008.5.1.4.1.1.1.1.1", "1.2.840.10008.5.1.4.1.1.1.2",
                "1.2.840.10008.5.1.4.1.1.1.2.1", "1.2.840.10008.5.1.4.1.1.20", "1.2.840.10008.5.1.4.1.1.128",
                "1.2.840.10008.5.1.4.1.1.481.2", "1.2.840.10008.5.1.4.1.1.481.1", "1.2.840.10008.5.1.4.1.1.481.5",
                "1.2.840.10008.5.1.4.1.1.481.3", "1.2.840.10008.5.1.4.1.1.77.1.1", "1.2.840.10008.5.1.4.1.1.77.1.2",
                "1.2.840.10008.5.1.4.1.1.77.1.3", "1.2.840.10008.5.1.4.1.1.77.1.4", "1.2.840.10008.5.1.4.1.1.88.11",
                "1.2.840.10008.5.1.4.1.1.88.22", "1.2.840.10008.5.1.4.1.1.88.33", "1.2.840.10008.5.1.4.1.1.104.1")) {
            assertTrue(classes.contains(sop), "corpus lacks SOP class " + sop);
        }
    }

    @Test
    void fileMetaInformationMatchesTheEntries() {
        for (Corpus.Entry e : Corpus.get()) {
            Dcmdump.Listing listing = Dcmdump.of(e.file());
            assertEquals(e.transferSyntax(), metaValue(listing, 0x00020010), e + " transfer syntax");
            assertEquals(e.sopClass(), metaValue(listing, 0x00020002), e + " SOP class");
            // The one expected warning: a private sequence of unknown creator in Implicit VR with undefined length
            // reads as UN (PS3.5 §6.2.2, CP-246); our reader must cope with it too.
            String warnings = listing.diagnostics().lines().filter(l -> !l.contains("(CP-246)"))
                    .collect(Collectors.joining("\n"));
            assertEquals("", warnings, e + " dcmdump warnings");
            assertTrue(listing.dataset().size() > 10, e + " has a data set");
        }
    }

    @Test
    void patientNamesDecodeInEveryCharacterSet() {
        assertEquals("Müller^Jörg", patientName("charset-iso-ir-100.dcm"));
        assertEquals("Wang^XiaoDong=王^小東", patientName("charset-iso-ir-192.dcm"));
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", patientName("charset-iso-2022-ir-87.dcm"));
    }

    private static String patientName(String file) {
        Corpus.Entry e = Corpus.get().stream().filter(x -> x.file().getFileName().toString().equals(file))
                .findFirst().orElseThrow();
        return Dcmdump.of(e.file()).dataset().stream().filter(x -> x.tag() == 0x00100010).findFirst()
                .orElseThrow().value();
    }

    private static String metaValue(Dcmdump.Listing listing, int tag) {
        return listing.meta().stream().filter(x -> x.tag() == tag).map(Dcmdump.Element::value).findFirst().orElse(null);
    }
}
