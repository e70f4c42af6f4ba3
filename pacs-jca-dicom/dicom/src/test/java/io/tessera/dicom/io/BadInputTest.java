package io.tessera.dicom.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.testkit.Corpus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Truncated files, lengths past the end and random mutations of valid files: the reader either reads something or
 * throws an IOException (DicomStreamException, EOFException, ZipException), never a RuntimeException, an Error such
 * as OutOfMemoryError, or a hang. Whatever it reads must also write without a RuntimeException.
 */
class BadInputTest {

    private static final List<String> FILES = List.of("ct512.dcm", "ct512-implicit.dcm", "ct512-bigendian.dcm",
            "ct512-deflated.dcm", "ct512-undefined-lengths.dcm", "ct512-rle.dcm", "sr-comprehensive-implicit-undefined.dcm",
            "rt-plan-bigendian-undefined.dcm", "sc.dcm", "nm.dcm", "charset-iso-2022-ir-87.dcm",
            "us-multiframe-jpeg-baseline.dcm");

    @BeforeAll
    static void dcmtkInstalled() {
        Assumptions.assumeTrue(Corpus.toolsAvailable(), "dcmtk not installed");
    }

    /** Parses and writes back; returns the exception (an IOException) or null. */
    static IOException parse(byte[] b, String what) {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(b))) {
            Attributes fmi = in.readFileMetaInformation();
            Attributes ds = in.readDataset();
            TransferSyntax ts = in.transferSyntax();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DicomOutputStream dout = fmi != null && fmi.getString(Tag.TransferSyntaxUID) != null
                    ? new DicomOutputStream(out) : new DicomOutputStream(out, ts);
            if (fmi != null && fmi.getString(Tag.TransferSyntaxUID) != null) {
                dout.writeFileMetaInformation(fmi);
            }
            dout.writeDataset(ds, ts);
            return null;
        } catch (IOException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError(what + ": " + t, t);
        }
    }

    @Test
    void truncatedFilesFailCleanly() throws IOException {
        for (String name : FILES) {
            byte[] file = Files.readAllBytes(DicomStreamTest.corpus(name));
            int cut = 0;
            int failures = 0;
            // Every offset through the header, then every 997th byte.
            while (cut < file.length) {
                IOException e = parse(Arrays.copyOf(file, cut), name + " cut at " + cut);
                if (e != null) {
                    failures++;
                }
                cut += cut < 4096 ? 1 : 997;
            }
            assertTrue(failures > 0, name);
        }
    }

    @Test
    void lengthsPastTheEndNameTheElement() throws IOException {
        byte[] file = Files.readAllBytes(DicomStreamTest.corpus("ct512.dcm"));
        // Patient's Name: (0010,0010) PN with a 2-byte length; set it beyond the end of the file.
        int at = indexOf(file, new byte[] {0x10, 0, 0x10, 0, 'P', 'N'});
        byte[] bad = file.clone();
        bad[at + 6] = (byte) 0xFF;
        bad[at + 7] = (byte) 0xFF;
        IOException e = parse(Arrays.copyOf(bad, at + 100), "PN");
        assertTrue(e instanceof DicomStreamException d && d.tag() == Tag.PatientName && d.offset() == at, String.valueOf(e));
        // Pixel Data: (7FE0,0010) OW with a 4-byte length; 0xFFFFFFF0 claims 4 GB.
        int px = indexOf(file, new byte[] {(byte) 0xE0, 0x7F, 0x10, 0, 'O', 'W'});
        bad = file.clone();
        bad[px + 8] = (byte) 0xF0;
        bad[px + 9] = (byte) 0xFF;
        bad[px + 10] = (byte) 0xFF;
        bad[px + 11] = (byte) 0xFF;
        e = parse(bad, "pixel data");
        assertTrue(e instanceof DicomStreamException d && d.tag() == Tag.PixelData && d.offset() == px, String.valueOf(e));
        bad[px + 11] = (byte) 0x7F;
        e = parse(bad, "pixel data 2 GB");
        assertTrue(e instanceof DicomStreamException d && d.tag() == Tag.PixelData, String.valueOf(e));
    }

    @Test
    void truncatedDeflateStreamNamesTheElement() throws IOException {
        byte[] file = Files.readAllBytes(DicomStreamTest.corpus("ct512-deflated.dcm"));
        IOException e = parse(Arrays.copyOf(file, file.length / 2), "deflated cut in half");
        assertTrue(e instanceof DicomStreamException d && d.tag() == Tag.PixelData, String.valueOf(e));
    }

    @Test
    void randomMutationsNeverEscapeAsRuntimeErrors() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random random = new Random(20240131L);
            List<byte[]> files = new ArrayList<>();
            List<Integer> headerEnds = new ArrayList<>();
            for (String name : FILES) {
                byte[] f = Files.readAllBytes(DicomStreamTest.corpus(name));
                // Mutate the header (where the structure is) and the Pixel Data header; pixel bytes are opaque to
                // the parser. Large files are cut before Pixel Data so the unmutated bytes parse cleanly.
                int end;
                try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(f))) {
                    in.readDatasetUntil(Tag.PixelData);
                    end = (int) in.position();
                }
                boolean whole = f.length < 100_000 || name.contains("deflated");
                files.add(whole ? f : Arrays.copyOf(f, end));
                headerEnds.add(whole && !name.contains("deflated") ? Math.min(f.length, end + 16) : Math.min(f.length, end));
                assertTrue(parse(files.get(files.size() - 1), name) == null, name + " unmutated");
            }
            int errors = 0;
            for (int i = 0; i < 2000; i++) {
                int which = random.nextInt(files.size());
                byte[] b = files.get(which).clone();
                int mutations = 1 + random.nextInt(8);
                for (int m = 0; m < mutations; m++) {
                    int pos = random.nextInt(headerEnds.get(which));
                    switch (random.nextInt(4)) {
                        case 0 -> b[pos] = (byte) random.nextInt(256);
                        case 1 -> b[pos] ^= (byte) (1 << random.nextInt(8));
                        case 2 -> b[pos] = (byte) 0xFF;
                        default -> b[pos] = 0;
                    }
                }
                IOException e = parse(b, "mutation " + i + " of " + FILES.get(which));
                if (e != null) {
                    errors++;
                    if (e.getMessage() == null || e.getMessage().isBlank()) {
                        fail("mutation " + i + ": exception without a message: " + e);
                    }
                }
            }
            System.out.println("fuzz: " + errors + " of 2000 mutations gave an IOException, the rest parsed");
            assertTrue(errors > 100, "mutations that failed: " + errors);
        });
    }

    @Test
    void mutatedRawDataSetsAsReceivedOverTheNetwork() {
        // DIMSE data sets arrive without meta header in a negotiated syntax: new DicomInputStream(in, ts).
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random random = new Random(7L);
            List<byte[]> sets = new ArrayList<>();
            List<TransferSyntax> syntaxes = new ArrayList<>();
            for (String name : List.of("sr-comprehensive-implicit-undefined.dcm", "rt-plan-bigendian-undefined.dcm",
                    "sr-comprehensive.dcm", "ct512-undefined-lengths.dcm", "nm-bigendian.dcm")) {
                byte[] f = Files.readAllBytes(DicomStreamTest.corpus(name));
                try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(f))) {
                    int start = (int) in.position();
                    in.readDatasetUntil(Tag.PixelData);
                    sets.add(Arrays.copyOfRange(f, start, (int) in.position()));
                    syntaxes.add(in.transferSyntax());
                }
            }
            int errors = 0;
            for (int i = 0; i < 1000; i++) {
                int which = random.nextInt(sets.size());
                byte[] b = sets.get(which).clone();
                for (int m = 1 + random.nextInt(4); m > 0; m--) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(b), syntaxes.get(which))) {
                    Attributes ds = in.readDataset();
                    new DicomOutputStream(new ByteArrayOutputStream(), syntaxes.get(which)).writeDataset(ds);
                } catch (IOException e) {
                    errors++;
                } catch (Throwable t) {
                    throw new AssertionError("raw mutation " + i + ": " + t, t);
                }
            }
            assertTrue(errors > 50, "mutations that failed: " + errors);
        });
    }

    private static int indexOf(byte[] b, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= b.length; i++) {
            for (int k = 0; k < pattern.length; k++) {
                if (b[i + k] != pattern[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("pattern not found");
    }
}
