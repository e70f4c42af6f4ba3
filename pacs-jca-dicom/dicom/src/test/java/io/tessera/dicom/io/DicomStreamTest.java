package io.tessera.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.Implementation;
import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.BulkData;
import io.tessera.dicom.data.Fragments;
import io.tessera.dicom.data.Sequence;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.testkit.Corpus;
import io.tessera.dicom.testkit.Dcmdump;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming, bulk data, commands, and the tolerance and strictness rules of the reader. */
class DicomStreamTest {

    @BeforeAll
    static void dcmtkInstalled() {
        Assumptions.assumeTrue(Corpus.toolsAvailable(), "dcmtk not installed");
    }

    static Path corpus(String name) {
        return Corpus.get().stream().map(Corpus.Entry::file).filter(f -> f.getFileName().toString().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void headerStopsBeforePixelDataAndTheRestCopiesOnAsBytes() throws IOException {
        for (String name : List.of("ct512.dcm", "ct512-implicit.dcm", "ct512-bigendian.dcm", "ct512-rle.dcm")) {
            byte[] file = Files.readAllBytes(corpus(name));
            try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
                Attributes header = in.readDatasetUntil(Tag.PixelData);
                assertTrue(!header.contains(Tag.PixelData) && header.contains(Tag.Rows), name);
                long pos = in.position();
                boolean big = in.transferSyntax().bigEndian();
                ByteBuffer bb = ByteBuffer.wrap(file, (int) pos, 4).order(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                assertEquals(0x7FE0, bb.getShort() & 0xFFFF, name + " stopped at the Pixel Data header");
                assertEquals(0x0010, bb.getShort() & 0xFFFF, name);
                ByteArrayOutputStream copy = new ByteArrayOutputStream();
                copy.write(file, 0, (int) pos);
                in.transferTo(copy);
                assertArrayEquals(file, copy.toByteArray(), name + " header + copied rest = file");
            }
            // A further read continues into the same data set.
            try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
                Attributes header = in.readDatasetUntil(Tag.PixelData);
                Attributes all = in.readDataset();
                assertTrue(header == all && all.contains(Tag.PixelData), name);
            }
        }
    }

    @Test
    void bulkDataReferencesTheFileAndWritesBackIdentically(@TempDir Path tmp) throws IOException {
        for (String name : List.of("ct512.dcm", "ct512-bigendian.dcm", "ct512-rle.dcm", "us-multiframe-jpeg-baseline.dcm")) {
            Path file = corpus(name);
            Attributes full;
            try (DicomInputStream in = new DicomInputStream(Files.newInputStream(file))) {
                full = in.readDataset();
            }
            Attributes fmi;
            Attributes ds;
            TransferSyntax ts;
            try (DicomInputStream in = new DicomInputStream(Files.newInputStream(file))) {
                in.setBulkData(file, 1024);
                fmi = in.readFileMetaInformation();
                ts = in.transferSyntax();
                ds = in.readDataset();
            }
            Object px = ds.getValue(Tag.PixelData);
            if (px instanceof Fragments f) {
                Fragments loaded = full.getFragments(Tag.PixelData);
                for (int i = 0; i < f.size(); i++) {
                    Object item = f.items().get(i);
                    byte[] expected = (byte[]) loaded.items().get(i);
                    byte[] actual = item instanceof BulkData bd ? bd.readAllBytes() : (byte[]) item;
                    assertArrayEquals(expected, actual, name + " fragment " + i);
                }
                assertInstanceOf(BulkData.class, f.items().get(1), name);
            } else {
                BulkData bd = assertInstanceOf(BulkData.class, px, name);
                assertEquals(ts.bigEndian(), bd.bigEndian());
                assertArrayEquals(full.getBytes(Tag.PixelData), bd.readAllBytes(), name);
            }
            Path out = tmp.resolve(name);
            try (DicomOutputStream dout = new DicomOutputStream(Files.newOutputStream(out))) {
                dout.writeFileMetaInformation(fmi);
                dout.writeDataset(ds, ts);
            }
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(out), name);
        }
    }

    @Test
    void deflatedFilesLoadValuesInsteadOfBulkData() throws IOException {
        Path file = corpus("ct512-deflated.dcm");
        try (DicomInputStream in = new DicomInputStream(Files.newInputStream(file))) {
            in.setBulkData(file, 1024); // offsets in a deflated stream are not file offsets
            assertInstanceOf(byte[].class, in.readDataset().getValue(Tag.PixelData));
        }
    }

    @Test
    void bulkDataIsSwappedWhenTheByteOrderChanges(@TempDir Path tmp) throws IOException {
        Path file = corpus("ct512-bigendian.dcm");
        Path out = tmp.resolve("le.dcm");
        Attributes ds;
        try (DicomInputStream in = new DicomInputStream(Files.newInputStream(file))) {
            in.setBulkData(file, 1024);
            ds = in.readDataset();
        }
        try (DicomOutputStream dout = new DicomOutputStream(Files.newOutputStream(out),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
            dout.writeDataset(ds);
        }
        Attributes le;
        try (DicomInputStream in = new DicomInputStream(Files.newInputStream(out),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
            le = in.readDataset();
        }
        Attributes orig;
        try (DicomInputStream in = new DicomInputStream(Files.newInputStream(corpus("ct512.dcm")))) {
            orig = in.readDataset();
        }
        assertArrayEquals(orig.getBytes(Tag.PixelData), le.getBytes(Tag.PixelData));
        assertArrayEquals(orig.getBytes(0x60003000), le.getBytes(0x60003000));
    }

    @Test
    void commandSetInImplicitVrWithGroupLength(@TempDir Path tmp) throws IOException {
        Attributes cmd = new Attributes();
        cmd.setString(Tag.AffectedSOPClassUID, VR.UI, "1.2.840.10008.1.1");
        cmd.setInt(Tag.CommandField, VR.US, 0x0030);
        cmd.setInt(Tag.MessageID, VR.US, 1);
        cmd.setInt(Tag.CommandDataSetType, VR.US, 0x0101);
        ByteArrayOutputStream bout = new ByteArrayOutputStream();
        new DicomOutputStream(bout).writeCommand(cmd);
        byte[] b = bout.toByteArray();
        // (0000,0000) UL 56: 8+18 for the UID, 3 x (8+2) for the US elements (PS3.7 §6.3.1, §E.1).
        assertEquals(12 + 56, b.length);
        assertEquals(56, ByteBuffer.wrap(b, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        Path f = tmp.resolve("echo.cmd");
        Files.write(f, b);
        Process p = new ProcessBuilder("dcmdump", "-f", "-ti", "-Un", f.toString()).redirectErrorStream(true).start();
        String dump = new String(p.getInputStream().readAllBytes());
        Dcmdump.Listing listing = Dcmdump.parse(dump, "");
        assertEquals(List.of(0x00000000, Tag.AffectedSOPClassUID, Tag.CommandField, Tag.MessageID, Tag.CommandDataSetType),
                listing.dataset().stream().map(Dcmdump.Element::tag).toList(), dump);
        assertEquals("56", listing.dataset().get(0).value());
        assertEquals("1.2.840.10008.1.1", listing.dataset().get(1).value());
        assertEquals("48", listing.dataset().get(2).value());
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(b),
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            Attributes read = in.readDataset();
            assertEquals(0x0030, read.getInt(Tag.CommandField, 0));
            assertEquals("1.2.840.10008.1.1", read.getString(Tag.AffectedSOPClassUID));
        }
    }

    @Test
    void filesWrittenFromSettersAreWhatDcmdumpReads(@TempDir Path tmp) throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "2.25.1234");
        ds.setString(Tag.PatientName, VR.PN, "Müller^Jörg");
        ds.setInt(Tag.Rows, VR.US, 2);
        ds.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 1.0 / 3);
        ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime);
        Sequence seq = ds.newSequence(Tag.ReferencedImageSequence, 1);
        Attributes item = new Attributes();
        seq.add(item);
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "2.25.99");
        int priv = ds.privateTag("TESSERA", 0x00090010, true);
        ds.setString(priv, VR.LO, "private");
        for (TransferSyntax ts : List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)) {
            Path f = tmp.resolve("setters-" + ts.uid() + ".dcm");
            try (OutputStream os = Files.newOutputStream(f); DicomOutputStream out = new DicomOutputStream(os)) {
                out.writeFileMetaInformation(FileMetaInformation.create(ds, ts.uid()));
                out.writeDataset(ds, ts);
            }
            Dcmdump.Listing l = Dcmdump.of(f);
            assertEquals("", l.diagnostics(), ts.toString());
            assertEquals(Implementation.CLASS_UID, value(l.meta(), Tag.ImplementationClassUID));
            assertEquals(Implementation.VERSION_NAME, value(l.meta(), Tag.ImplementationVersionName));
            assertEquals(ts.uid(), value(l.meta(), Tag.TransferSyntaxUID));
            assertEquals("Müller^Jörg", value(l.dataset(), Tag.PatientName));
            assertEquals("2", value(l.dataset(), Tag.Rows));
            assertEquals("0.5\\0.33333333333333", value(l.dataset(), Tag.PixelSpacing));
            assertEquals("(0018,1063)", value(l.dataset(), Tag.FrameIncrementPointer));
            assertEquals("2.25.99", value(l.dataset().stream().filter(e -> e.tag() == Tag.ReferencedImageSequence)
                    .findFirst().orElseThrow().items().get(0), Tag.ReferencedSOPInstanceUID));
            // Group length of the meta header as dcmdump counts it.
            long metaBytes = l.meta().stream().filter(e -> e.tag() != Tag.FileMetaInformationGroupLength)
                    .mapToLong(e -> (e.vr().equals("OB") ? 12 : 8) + e.length()).sum();
            assertEquals(Long.toString(metaBytes), value(l.meta(), Tag.FileMetaInformationGroupLength));
        }
    }

    private static String value(List<Dcmdump.Element> elements, int tag) {
        return elements.stream().filter(e -> e.tag() == tag).findFirst().orElseThrow().value();
    }

    @Test
    void dataSetsWithoutMetaHeaderAreRecognised() throws IOException {
        for (String name : List.of("ct512.dcm", "ct512-implicit.dcm", "ct512-bigendian.dcm")) {
            byte[] file = Files.readAllBytes(corpus(name));
            Attributes expected;
            long start;
            try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
                in.readFileMetaInformation();
                start = in.position();
                expected = in.readDataset();
            }
            byte[] bare = Arrays.copyOfRange(file, (int) start, file.length);
            try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bare))) {
                assertNull(in.readFileMetaInformation());
                Attributes ds = in.readDataset();
                assertEquals(expected.toString(), ds.toString(), name);
            }
        }
    }

    /** Explicit VR Little Endian elements built by hand. */
    static byte[] explicitLE(Object... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Object o : parts) {
            if (o instanceof byte[] x) {
                b.writeBytes(x);
            } else if (o instanceof String s) {
                b.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            } else if (o instanceof Short s) {
                b.write(s & 0xFF);
                b.write((s >> 8) & 0xFF);
            } else {
                int i = (Integer) o;
                b.write(i & 0xFF);
                b.write((i >> 8) & 0xFF);
                b.write((i >> 16) & 0xFF);
                b.write((i >> 24) & 0xFF);
            }
        }
        return b.toByteArray();
    }

    static short s(int v) {
        return (short) v;
    }

    static Attributes read(byte[] b, TransferSyntax ts) throws IOException {
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(b), ts)) {
            return in.readDataset();
        }
    }

    @Test
    void oddLengthsUnknownVRsAndUndefinedLengthUNAreTolerated() throws IOException {
        byte[] b = explicitLE(
                s(0x0010), s(0x0010), "PN", s(3), "Doe",
                s(0x0011), s(0x1001), "XX", s(0), 4, new byte[] {1, 2, 3, 4},
                // CP-246: UN of undefined length holds Implicit VR Little Endian items.
                s(0x0013), s(0x1010), "UN", s(0), -1,
                s(0xFFFE), s(0xE000), -1, s(0x0008), s(0x0100), 4, "CODE", s(0xFFFE), s(0xE00D), 0,
                s(0xFFFE), s(0xE0DD), 0);
        Attributes ds = read(b, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertEquals("Doe", ds.getString(Tag.PatientName));
        assertEquals(VR.UN, ds.getVR(0x00111001));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, ds.getBytes(0x00111001));
        Sequence seq = ds.getSequence(0x00131010);
        assertEquals(VR.UN, ds.getVR(0x00131010));
        assertEquals(VR.SH, seq.get(0).getVR(Tag.CodeValue));
        assertEquals("CODE", seq.get(0).getString(Tag.CodeValue));
        // Written back: the odd value is padded (PS3.5 §6.2), the UN sequence stays Implicit VR LE inside.
        ByteArrayOutputStream bout = new ByteArrayOutputStream();
        new DicomOutputStream(bout, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeDataset(ds);
        Attributes again = read(bout.toByteArray(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertArrayEquals("Doe ".getBytes(), again.getBytes(Tag.PatientName));
        assertEquals("CODE", again.getSequence(0x00131010).get(0).getString(Tag.CodeValue));
        // In Explicit VR Big Endian the UN sequence's items and delimiters stay Implicit VR Little Endian.
        for (TransferSyntax ts : List.of(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)) {
            ByteArrayOutputStream other = new ByteArrayOutputStream();
            new DicomOutputStream(other, ts).writeDataset(ds);
            Attributes back = read(other.toByteArray(), ts);
            assertEquals("CODE", back.getSequence(0x00131010).get(0).getString(Tag.CodeValue), ts.toString());
            assertEquals("Doe", back.getString(Tag.PatientName), ts.toString());
            ByteArrayOutputStream again2 = new ByteArrayOutputStream();
            new DicomOutputStream(again2, ts).writeDataset(back);
            assertArrayEquals(other.toByteArray(), again2.toByteArray(), ts.toString());
        }
    }

    @Test
    void explicitDeclaredButImplicitWrittenIsReadAsImplicit() throws IOException {
        Attributes fmi = FileMetaInformation.create("1.2.3", "4.5.6", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, VR.PN, "Doe^Jane");
        ByteArrayOutputStream bout = new ByteArrayOutputStream();
        DicomOutputStream out = new DicomOutputStream(bout);
        out.writeFileMetaInformation(fmi);
        out.writeDataset(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(bout.toByteArray()))) {
            assertEquals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, in.transferSyntax());
            assertEquals("Doe^Jane", in.readDataset().getString(Tag.PatientName));
        }
    }

    @Test
    void unusableStreamsFailNamingTagAndOffset() {
        // Value length past the end of the stream.
        byte[] past = explicitLE(s(0x0008), s(0x0060), "CS", s(2), "CT", s(0x0010), s(0x0010), "PN", s(40), "Doe");
        DicomStreamException e = assertThrows(DicomStreamException.class,
                () -> read(past, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertEquals(Tag.PatientName, e.tag());
        assertEquals(10, e.offset());
        assertTrue(e.getMessage().contains("(0010,0010)") && e.getMessage().contains("offset 10"), e.getMessage());
        // A 4 GB length: an exception, not an OutOfMemoryError.
        byte[] huge = explicitLE(s(0x7FE0), s(0x0010), "OB", s(0), 0xFFFFFFF0, "0123456789");
        e = assertThrows(DicomStreamException.class, () -> read(huge, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertEquals(Tag.PixelData, e.tag());
        byte[] twoGB = explicitLE(s(0x7FE0), s(0x0010), "OB", s(0), 0x7FFFFF00, "0123456789");
        e = assertThrows(DicomStreamException.class, () -> read(twoGB, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertTrue(e.getMessage().contains("ends after 10 of"), e.getMessage());
        // An item longer than its sequence.
        byte[] item = explicitLE(s(0x0008), s(0x1140), "SQ", s(0), 8, s(0xFFFE), s(0xE000), 100, "....");
        e = assertThrows(DicomStreamException.class, () -> read(item, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertEquals(Tag.Item, e.tag());
        assertEquals(12, e.offset());
        // Something other than an item inside a sequence.
        byte[] notItem = explicitLE(s(0x0008), s(0x1140), "SQ", s(0), -1, s(0x0010), s(0x0010), 0);
        e = assertThrows(DicomStreamException.class, () -> read(notItem, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertTrue(e.getMessage().contains("Expected an Item"), e.getMessage());
    }

    @Test
    void transferSyntaxesAreKnownByUid() {
        for (String uid : List.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57",
                "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81",
                "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.201")) {
            TransferSyntax ts = TransferSyntax.of(uid);
            assertTrue(ts.isKnown() && ts.encapsulated() && ts.explicitVR() && !ts.bigEndian() && !ts.deflated(), uid);
        }
        assertTrue(TransferSyntax.of("1.2.840.10008.1.2.1.99").deflated());
        assertTrue(TransferSyntax.of("1.2.840.10008.1.2.2").bigEndian());
        assertTrue(!TransferSyntax.of("1.2.840.10008.1.2").explicitVR());
        TransferSyntax unknown = TransferSyntax.of("1.2.3.4.5\0");
        assertTrue(!unknown.isKnown() && unknown.encapsulated() && unknown.explicitVR());
        assertEquals("1.2.3.4.5", unknown.uid());
    }

    @Test
    void itemsKnowWhereTheyStartForDicomdirOffsets() throws IOException {
        byte[] file = Files.readAllBytes(corpus("rt-plan.dcm"));
        Attributes ds;
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
            ds = in.readDataset();
        }
        int checked = 0;
        for (int tag : ds.tags()) {
            Sequence seq = ds.getSequence(tag);
            if (seq == null) {
                continue;
            }
            for (Attributes item : seq) {
                int p = (int) item.itemPosition();
                assertArrayEquals(new byte[] {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0}, Arrays.copyOfRange(file, p, p + 4));
                checked++;
            }
        }
        assertTrue(checked >= 2);
        assertEquals(-1, new Attributes().itemPosition());
        // Writing records where each item went; an unchanged data set lands at the same offsets.
        long[] before = ds.getSequence(Tag.FractionGroupSequence).stream().mapToLong(Attributes::itemPosition).toArray();
        ds.getSequence(Tag.FractionGroupSequence).forEach(i -> i.setItemPosition(-1));
        Attributes fmi;
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file))) {
            fmi = in.readFileMetaInformation();
        }
        DicomOutputStream out = new DicomOutputStream(new ByteArrayOutputStream());
        out.writeFileMetaInformation(fmi);
        out.writeDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertArrayEquals(before, ds.getSequence(Tag.FractionGroupSequence).stream()
                .mapToLong(Attributes::itemPosition).toArray());
    }

    @Test
    void deflatedWithAZlibHeaderIsToleratedToo() throws IOException {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, VR.PN, "Doe^Jane");
        ds.setString(Tag.PatientID, VR.LO, "42");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        new DicomOutputStream(raw, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).writeDataset(ds);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DicomOutputStream out = new DicomOutputStream(file);
        out.writeFileMetaInformation(FileMetaInformation.create("1.2.3", "4.5.6",
                TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid()));
        out.flush();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(file)) { // zlib-wrapped
            z.write(raw.toByteArray());
        }
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(file.toByteArray()))) {
            assertTrue(in.transferSyntax().deflated());
            Attributes read = in.readDataset();
            assertEquals("Doe^Jane", read.getString(Tag.PatientName));
            assertEquals("42", read.getString(Tag.PatientID));
        }
    }

    static InputStream open(Path p) throws IOException {
        return Files.newInputStream(p);
    }
}
