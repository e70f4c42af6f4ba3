package io.tessera.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.testkit.Corpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Unchanged read → write of every corpus file (dcmtk-made) gives back the same bytes. */
class RoundTripTest {

    @BeforeAll
    static void dcmtkInstalled() {
        Assumptions.assumeTrue(Corpus.toolsAvailable(), "dcmtk not installed");
    }

    @Test
    void unchangedReadWriteIsByteIdentical() throws IOException {
        for (Corpus.Entry e : Corpus.get()) {
            byte[] original = Files.readAllBytes(e.file());
            Attributes fmi;
            Attributes ds;
            TransferSyntax ts;
            try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(original))) {
                fmi = in.readFileMetaInformation();
                ts = in.transferSyntax();
                ds = in.readDataset();
            }
            assertNotNull(fmi, e + " meta");
            assertEquals(e.transferSyntax(), ts.uid(), e + " transfer syntax");
            ByteArrayOutputStream bout = new ByteArrayOutputStream(original.length);
            try (DicomOutputStream out = new DicomOutputStream(bout)) {
                out.writeFileMetaInformation(fmi);
                out.writeDataset(ds, ts);
            }
            assertArrayEquals(original, bout.toByteArray(), e + " round trip");
        }
    }
}
