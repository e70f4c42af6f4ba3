package io.tessera.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.testkit.Corpus;
import io.tessera.dicom.testkit.Dcmdump;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every corpus file parses, and what we read equals dcmdump's listing element by element (tag, VR, value, length). */
class DcmdumpConformanceTest {

    @BeforeAll
    static void dcmtkInstalled() {
        Assumptions.assumeTrue(Corpus.toolsAvailable(), "dcmtk not installed");
    }

    @Test
    void everyCorpusFileReadsAsDcmdumpPrintsIt() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Corpus.Entry e : Corpus.get()) {
            Attributes fmi;
            Attributes ds;
            try (InputStream in = Files.newInputStream(e.file()); DicomInputStream din = new DicomInputStream(in)) {
                fmi = din.readFileMetaInformation();
                ds = din.readDataset();
                assertEquals(e.transferSyntax(), din.transferSyntax().uid(), e.toString());
            }
            Dcmdump.Listing listing = DumpComparison.dump(e.file());
            List<String> diffs = new ArrayList<>(DumpComparison.compare(listing.meta(), fmi, t -> false));
            diffs.addAll(DumpComparison.compare(listing.dataset(), ds, t -> false));
            diffs.forEach(d -> failures.add(e + ": " + d));
        }
        assertTrue(failures.isEmpty(), failures.size() + " differences:\n" + String.join("\n", failures));
    }

    @Test
    void cFormatMatchesPrintf() {
        assertEquals("29.9699993", DumpComparison.cFormatG(29.97f, 9));
        assertEquals("0.5", DumpComparison.cFormatG(0.5, 17));
        assertEquals("0.10000000000000001", DumpComparison.cFormatG(0.1, 17));
        assertEquals("1e-05", DumpComparison.cFormatG(1e-5, 9));
        assertEquals("1.5e+20", DumpComparison.cFormatG(1.5e20, 17));
        assertEquals("-2.25", DumpComparison.cFormatG(-2.25f, 9));
        assertEquals("100", DumpComparison.cFormatG(100, 9));
    }
}
