package io.tessera.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data set API as a user sees it: values in, values out, encoded per PS3.5 §6.2. */
class AttributesTest {

    @Test
    void stringsArePaddedToEvenLengthAndTrimmedWhenRead() {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, VR.PN, "Doe^John^^^");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        assertArrayEquals("Doe^John^^^ ".getBytes(StandardCharsets.US_ASCII), ds.getBytes(Tag.PatientName));
        assertArrayEquals(new byte[] {'1', '.', '2', '.', '3', 0}, ds.getBytes(Tag.SOPInstanceUID));
        assertEquals("Doe^John^^^", ds.getString(Tag.PatientName));
        assertEquals("1.2.3", ds.getString(Tag.SOPInstanceUID));
        assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY", "AXIAL"}, ds.getStrings(Tag.ImageType));
        assertEquals("ORIGINAL", ds.getString(Tag.ImageType));
        assertEquals("x", ds.getString(Tag.PatientID, "x"));
        ds.setNull(Tag.PatientID, VR.LO);
        assertTrue(ds.contains(Tag.PatientID));
        assertNull(ds.getString(Tag.PatientID));
        assertEquals(0, ds.getStrings(Tag.PatientID).length);
    }

    @Test
    void textIsSingleValuedForLtStUt() {
        Attributes ds = new Attributes();
        ds.setString(Tag.ImageComments, VR.LT, "  indented\\not a delimiter  ");
        assertEquals("  indented\\not a delimiter", ds.getString(Tag.ImageComments));
    }

    @Test
    void numbersInBothByteOrders() {
        for (boolean big : new boolean[] {false, true}) {
            Attributes ds = new Attributes(big, 4);
            ds.setInt(Tag.Rows, VR.US, 512);
            ds.setInt(Tag.SmallestImagePixelValue, VR.SS, -1200);
            ds.setInt(Tag.ReferencedFrameNumber, VR.IS, 1, 2, 3);
            ds.setInt(Tag.FrameIncrementPointer, VR.AT, Tag.FrameTime, Tag.FrameTimeVector);
            ds.setInt(Tag.SimpleFrameList, VR.UL, -294967296); // 4000000000 unsigned
            ds.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.25);
            ds.setDouble(Tag.RecommendedDisplayFrameRateInFloat, VR.FL, 29.97);
            ds.setDouble(Tag.TimeRange, VR.FD, 0.5, 12.25);
            assertEquals(big, ds.bigEndian());
            assertEquals(512, ds.getInt(Tag.Rows, 0));
            assertArrayEquals(big ? new byte[] {2, 0} : new byte[] {0, 2}, ds.getBytes(Tag.Rows));
            assertEquals(-1200, ds.getInt(Tag.SmallestImagePixelValue, 0));
            assertArrayEquals(new int[] {1, 2, 3}, ds.getInts(Tag.ReferencedFrameNumber));
            assertArrayEquals(new int[] {Tag.FrameTime, Tag.FrameTimeVector}, ds.getInts(Tag.FrameIncrementPointer));
            assertEquals(4.0e9, ds.getDouble(Tag.SimpleFrameList, 0));
            assertArrayEquals(new double[] {0.5, 0.25}, ds.getDoubles(Tag.PixelSpacing));
            assertEquals(29.97f, (float) ds.getDouble(Tag.RecommendedDisplayFrameRateInFloat, 0));
            assertArrayEquals(new double[] {0.5, 12.25}, ds.getDoubles(Tag.TimeRange));
            assertEquals(-1, ds.getInt(Tag.Columns, -1));
            assertEquals("0.5", ds.getString(Tag.PixelSpacing));
        }
    }

    @Test
    void addAllSwapsByteOrderAndCopiesSequences() {
        Attributes big = new Attributes(true, 4);
        big.setInt(Tag.Rows, VR.US, 0x0102);
        Sequence seq = big.newSequence(Tag.ReferencedImageSequence, 1);
        Attributes item = new Attributes(true, 2);
        item.setInt(Tag.ReferencedFrameNumber, VR.IS, 7);
        item.setInt(Tag.Columns, VR.US, 3);
        seq.add(item);
        Attributes little = new Attributes();
        little.addAll(big);
        assertArrayEquals(new byte[] {2, 1}, little.getBytes(Tag.Rows));
        assertEquals(0x0102, little.getInt(Tag.Rows, 0));
        Attributes copied = little.getSequence(Tag.ReferencedImageSequence).get(0);
        assertFalse(copied.bigEndian());
        assertEquals(3, copied.getInt(Tag.Columns, 0));
        assertSame(little, copied.parent());
    }

    @Test
    void elementsStaySortedAsUnsignedTagsWhateverTheInsertOrder() {
        Attributes ds = new Attributes();
        ds.setInt(0xFFFAFFFA, VR.OB, 0);
        ds.setInt(Tag.PixelData, VR.OW, 0);
        ds.setString(Tag.PatientName, VR.PN, "a");
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        assertArrayEquals(new int[] {Tag.SpecificCharacterSet, Tag.PatientName, Tag.PixelData, 0xFFFAFFFA}, ds.tags());
        List<Integer> visited = new ArrayList<>();
        ds.forEach((tag, vr, value) -> visited.add(tag));
        assertEquals(List.of(Tag.SpecificCharacterSet, Tag.PatientName, Tag.PixelData, 0xFFFAFFFA), visited);
        assertTrue(ds.remove(Tag.PatientName) instanceof byte[]);
        assertNull(ds.remove(Tag.PatientName));
        assertEquals(3, ds.size());
    }

    @Test
    void descendingTagsSortInLinearithmicTimeAndTheLastValueWins() {
        Attributes ds = new Attributes();
        int n = 200_000;
        long t0 = System.nanoTime();
        for (int i = n; i > 0; i--) {
            ds.setInt(0x00090000 | (i & 0xFFFF) | ((i >> 16) << 20), VR.UL, i);
        }
        ds.setInt(0x00090000 | 5, VR.UL, -7); // a repeat of an element set earlier
        assertEquals(n, ds.size());
        int[] tags = ds.tags();
        for (int k = 1; k < tags.length; k++) {
            assertTrue(Integer.compareUnsigned(tags[k - 1], tags[k]) < 0);
        }
        assertEquals(-7, ds.getInt(0x00090005, 0));
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "quadratic insertion");
    }

    @Test
    void itemsInheritTheSpecificCharacterSet() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        Attributes item = new Attributes();
        ds.newSequence(Tag.ReferencedStudySequence, 1).add(item);
        item.setString(Tag.PatientName, VR.PN, "Wang^XiaoDong=王^小東");
        assertArrayEquals("Wang^XiaoDong=王^小東".getBytes(StandardCharsets.UTF_8), item.getBytes(Tag.PatientName));
        assertEquals("Wang^XiaoDong=王^小東", item.getString(Tag.PatientName));
        assertEquals("ISO_IR 192", item.specificCharacterSet().codes()[0]);
    }

    @Test
    void privateElementsAreFoundThroughTheirCreator() {
        Attributes ds = new Attributes();
        ds.setString(0x00290010, VR.LO, "OTHER");
        assertEquals(-1, ds.privateTag("TESSERA", 0x00290001, false));
        int tag = ds.privateTag("TESSERA", 0x00290001, true);
        assertEquals(0x00291101, tag);
        assertEquals("TESSERA", ds.getString(0x00290011));
        assertEquals(tag, ds.privateTag("TESSERA", 0x00290001, false));
        ds.setString(tag, VR.LO, "value");
        assertEquals("TESSERA", ds.privateCreatorOf(tag));
        assertEquals("OTHER", ds.privateCreatorOf(0x00291042));
        assertNull(ds.privateCreatorOf(0x00291242));
        assertNull(ds.privateCreatorOf(Tag.PatientName));
    }

    @Test
    void fragmentsAndBulkData() {
        Fragments f = new Fragments(VR.OB);
        f.add(new byte[0]).add(new byte[] {1, 2, 3});
        assertEquals(2, f.size());
        assertEquals(3, f.length(1));
        Attributes ds = new Attributes();
        ds.setValue(Tag.PixelData, VR.OB, f);
        assertSame(f, ds.getFragments(Tag.PixelData));
        assertNull(ds.getBytes(Tag.PixelData));
    }
}
