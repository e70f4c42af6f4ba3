package io.tessera.dicom.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.VR;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** DA, TM and DT of PS3.5 §6.2, their legacy ACR-NEMA forms, and range keys of PS3.4 C.2.2.2.5. */
class DateTimesTest {

    @Test
    void dates() {
        assertEquals(LocalDate.of(2024, 1, 31), DateTimes.parseDA("20240131"));
        assertEquals(LocalDate.of(2024, 1, 31), DateTimes.parseDA("2024.01.31 "));
        assertEquals("20240229", DateTimes.formatDA(LocalDate.of(2024, 2, 29)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DateTimes.parseDA("20230229"));
        assertTrue(e.getMessage().contains("20230229"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DateTimes.parseDA("2024013"));
        assertThrows(IllegalArgumentException.class, () -> DateTimes.parseDA("2024-01-31"));
    }

    @Test
    void times() {
        assertEquals(LocalTime.of(10, 0), DateTimes.parseTM("10"));
        assertEquals(LocalTime.of(10, 15), DateTimes.parseTM("1015"));
        assertEquals(LocalTime.of(10, 15, 30), DateTimes.parseTM("101530"));
        assertEquals(LocalTime.of(10, 15, 0, 250_000_000), DateTimes.parseTM("101500.25"));
        assertEquals(LocalTime.of(10, 15, 0, 123_456_000), DateTimes.parseTM("101500.123456"));
        assertEquals(LocalTime.of(10, 15, 30, 500_000_000), DateTimes.parseTM("10:15:30.5"));
        assertEquals(LocalTime.of(23, 59, 59), DateTimes.parseTM("235960"), "leap second");
        assertEquals("101500.25", DateTimes.formatTM(LocalTime.of(10, 15, 0, 250_000_000)));
        assertEquals("000000", DateTimes.formatTM(LocalTime.MIDNIGHT));
        assertThrows(IllegalArgumentException.class, () -> DateTimes.parseTM("2400"));
        assertThrows(IllegalArgumentException.class, () -> DateTimes.parseTM("101"));
        assertThrows(IllegalArgumentException.class, () -> DateTimes.parseTM("1015.5"));
        assertThrows(IllegalArgumentException.class, () -> DateTimes.parseTM("101500.1234567"));
        assertEquals("100000.000000", DateTimes.normalizeTM("10", false));
        assertEquals("105959.999999", DateTimes.normalizeTM("10", true));
        assertEquals("101559.999999", DateTimes.normalizeTM("1015", true));
        assertEquals("101500.599999", DateTimes.normalizeTM("101500.5", true));
    }

    @Test
    void dateTimesWithOffsets() {
        assertEquals(LocalDateTime.of(2024, 1, 31, 10, 15, 0, 123_456_000),
                DateTimes.parseDT("20240131101500.123456+0100"));
        assertEquals(OffsetDateTime.of(2024, 1, 31, 10, 15, 0, 0, ZoneOffset.ofHours(-5)),
                DateTimes.parseDT("202401311015-0500", ZoneOffset.UTC));
        assertEquals(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), DateTimes.parseDT("2024", ZoneOffset.UTC));
        assertNull(DateTimes.offsetOf("20240131"));
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), DateTimes.offsetOf("20240131+0530"));
        assertEquals("20240131101500.5+0100", DateTimes.formatDT(
                OffsetDateTime.of(2024, 1, 31, 10, 15, 0, 500_000_000, ZoneOffset.ofHours(1))));
        assertEquals("20241231235959.999999", DateTimes.normalizeDT("2024", true));
        assertEquals("20240229235959.999999", DateTimes.normalizeDT("202402", true));
        assertEquals("20240201000000.000000", DateTimes.normalizeDT("202402", false));
        assertEquals("20240131100000.000000", DateTimes.normalizeDT("2024013110+0100", false));
        assertThrows(IllegalArgumentException.class, () -> DateTimes.parseDT("20241301"));
        assertThrows(IllegalArgumentException.class, () -> DateTimes.parseDT("20240131+2500"));
    }

    @Test
    void ranges() {
        assertArrayEquals(new String[] {"20060705", "20060707"}, DateTimes.splitRange("20060705-20060707", VR.DA));
        assertArrayEquals(new String[] {null, "20060707"}, DateTimes.splitRange("-20060707", VR.DA));
        assertArrayEquals(new String[] {"20060705", null}, DateTimes.splitRange("20060705-", VR.DA));
        assertArrayEquals(new String[] {"1000", "1800"}, DateTimes.splitRange("1000-1800", VR.TM));
        assertNull(DateTimes.splitRange("20060705", VR.DA));
        // DT: the "-" of a UTC offset is not the range separator
        assertNull(DateTimes.splitRange("20240101-0500", VR.DT));
        assertArrayEquals(new String[] {"2024", "2025"}, DateTimes.splitRange("2024-2025", VR.DT));
        assertArrayEquals(new String[] {"20240101120000-0500", "20240102"},
                DateTimes.splitRange("20240101120000-0500-20240102", VR.DT));
        assertArrayEquals(new String[] {"20240101-0500", null}, DateTimes.splitRange("20240101-0500-", VR.DT));
        assertThrows(IllegalArgumentException.class, () -> DateTimes.splitRange("2006-07-05", VR.DA));
    }
}
