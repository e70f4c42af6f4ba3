package io.tessera.dicom.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.VR;
import io.tessera.dicom.text.MatchKey.CaseRule;
import io.tessera.dicom.text.MatchKey.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PS3.4 C.2.2.2 attribute matching, on the keys of seed 001 Tables 27/28 (SV, UM, WC, DR), with the SQL
 * translation the query service uses.
 */
class MatchKeyTest {

    // ---- C.2.2.2.3 Universal Matching ----

    @Test
    void universalMatching() {
        for (MatchKey k : List.of(MatchKey.of(VR.PN, ""), MatchKey.of(VR.LO, "  "), MatchKey.of(VR.PN, "*"),
                MatchKey.of(VR.CS, "**"), MatchKey.of(VR.DA, ""), MatchKey.of(VR.DA, "-"), MatchKey.of(VR.UI, null))) {
            assertEquals(Kind.UNIVERSAL, k.kind(), k.toString());
            assertTrue(k.matches("anything"));
            assertTrue(k.matches(""), "universal matching also returns entities with an empty value");
            assertTrue(k.matches(null));
        }
    }

    // ---- C.2.2.2.1 Single Value Matching ----

    @Test
    void singleValueMatchingIsLiteralAndCaseSensitive() {
        MatchKey modality = MatchKey.of(VR.CS, "CT");
        assertEquals(Kind.SINGLE_VALUE, modality.kind());
        assertTrue(modality.matches("CT"));
        assertTrue(modality.matches("CT "), "padding is not significant");
        assertFalse(modality.matches("ct"));
        assertFalse(modality.matches("CTA"));
        assertFalse(modality.matches(""));
        assertTrue(MatchKey.of(VR.CS, "PRIMARY").matches("ORIGINAL\\PRIMARY"), "any value of a multi-valued element");
        MatchKey accession = MatchKey.of(VR.SH, "ACC0001");
        assertTrue(accession.matches("ACC0001"));
        assertFalse(accession.matches("ACC00012"));
        assertEquals("ACC0001", accession.value());
        assertEquals("ACC0001", accession.likePattern());
        assertTrue(MatchKey.of(VR.IS, "1").matches("01"), "Series Number compares as a number");
        assertFalse(MatchKey.of(VR.IS, "1*").matches("10"), "no wild cards for numbers");
        MatchKey uid = MatchKey.of(VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        assertTrue(uid.matches("1.2.840.10008.5.1.4.1.1.2"));
        assertFalse(uid.matches("1.2.840.10008.5.1.4.1.1.20"));
        assertEquals(List.of("1.2.840.10008.5.1.4.1.1.2"), uid.uids());
    }

    @Test
    void singleValueOfADateOrTimeIsThePeriodItNames() {
        MatchKey date = MatchKey.of(VR.DA, "20240131");
        assertEquals(Kind.SINGLE_VALUE, date.kind());
        assertTrue(date.matches("20240131"));
        assertTrue(date.matches("2024.01.31"), "legacy stored form");
        assertFalse(date.matches("20240130"));
        assertFalse(date.matches("garbage"));
        assertEquals("20240131", date.rangeLower());
        assertEquals("20240131", date.rangeUpper());
        MatchKey time = MatchKey.of(VR.TM, "10");
        assertTrue(time.matches("101500.25"));
        assertTrue(time.matches("1059"));
        assertFalse(time.matches("1100"));
        assertEquals("100000.000000", time.rangeLower());
        assertEquals("105959.999999", time.rangeUpper());
    }

    // ---- PN: case rule and component groups ----

    @Test
    void personNamesCaseRule() {
        MatchKey sensitive = MatchKey.of(VR.PN, "Doe^John");
        assertTrue(sensitive.matches("Doe^John"));
        assertTrue(sensitive.matches("Doe^John^^^"), "trailing empty components are not significant");
        assertFalse(sensitive.matches("DOE^JOHN"));
        assertFalse(sensitive.ignoresCase());
        MatchKey insensitive = MatchKey.of(VR.PN, "doe^john", CaseRule.INSENSITIVE);
        assertTrue(insensitive.matches("DOE^JOHN"));
        assertTrue(insensitive.matches("Doe^John"));
        assertTrue(insensitive.ignoresCase());
        assertEquals("DOE^JOHN", insensitive.likePattern(), "upper-cased for UPPER(col) LIKE ?");
        assertTrue(MatchKey.of(VR.PN, "müller*", CaseRule.INSENSITIVE).matches("MÜLLER^Jörg"));
    }

    @Test
    void personNamesMatchEachComponentGroup() {
        String stored = "Yamada^Tarou=山田^太郎=やまだ^たろう";
        assertTrue(MatchKey.of(VR.PN, "Yamada^Tarou").matches(stored));
        assertTrue(MatchKey.of(VR.PN, "山田^太郎").matches(stored), "a one-group key matches any group");
        assertTrue(MatchKey.of(VR.PN, "やまだ*").matches(stored));
        assertFalse(MatchKey.of(VR.PN, "山田").matches(stored), "single value is literal: 山田 is not 山田^太郎");
        assertTrue(MatchKey.of(VR.PN, "Yamada^Tarou=山田^太郎").matches(stored), "groups in their positions");
        assertFalse(MatchKey.of(VR.PN, "山田^太郎=Yamada^Tarou").matches(stored));
        assertTrue(MatchKey.of(VR.PN, "=山田*").matches(stored), "an empty alphabetic key group is universal");
        assertFalse(MatchKey.of(VR.PN, "=Yamada*").matches(stored));
        assertTrue(MatchKey.of(VR.PN, "*=*=やまだ^たろう").matches(stored));
        String[] groups = MatchKey.of(VR.PN, "Yamada*=山田*").personNameGroups();
        assertEquals("Yamada*", groups[0]);
        assertEquals("山田*", groups[1]);
        assertNull(groups[2]);
    }

    // ---- C.2.2.2.4 Wild Card Matching ----

    @Test
    void wildCardMatching() {
        MatchKey k = MatchKey.of(VR.PN, "Do*^J?hn");
        assertEquals(Kind.WILDCARD, k.kind());
        assertTrue(k.matches("Doe^John"));
        assertTrue(k.matches("Do^Jahn"));
        assertFalse(k.matches("Doe^Joohn"));
        assertFalse(k.matches("Moe^John"));
        assertEquals("Do%^J_hn", k.likePattern());
        assertTrue(MatchKey.of(VR.PN, "Doe^*").matches("Doe"), "trailing empty components are not significant");
        assertTrue(MatchKey.of(VR.PN, "Doe^*^Q").matches("Doe^John^Q"));
        assertFalse(MatchKey.of(VR.PN, "Doe^?*").matches("Doe"));
        MatchKey pid = MatchKey.of(VR.LO, "PID*1");
        assertTrue(pid.matches("PID0001"));
        assertTrue(pid.matches("PID1"));
        assertFalse(pid.matches("PID0002"));
        MatchKey any = MatchKey.of(VR.LO, "?");
        assertTrue(any.matches("A"));
        assertFalse(any.matches("AB"));
        MatchKey regexChars = MatchKey.of(VR.LO, "a.b(c)*[x]");
        assertTrue(regexChars.matches("a.b(c)zz[x]"));
        assertFalse(regexChars.matches("aXb(c)[x]"), "\".\" is literal, not a regex");
    }

    @Test
    void likePatternEscapesSqlWildcards() {
        assertEquals("100\\%\\_x_%", MatchKey.of(VR.LO, "100%_x?*").likePattern());
        assertEquals("a\\\\b%", MatchKey.of(VR.LT, "a\\b*").likePattern());
        assertEquals('\\', MatchKey.LIKE_ESCAPE);
        assertTrue(MatchKey.of(VR.LO, "100%_x?*").matches("100%_xy and more"));
        assertFalse(MatchKey.of(VR.LO, "100%_x?*").matches("100abxy"), "% and _ are literal in DICOM");
    }

    @Test
    void noWildCardsForDatesAndTimes() {
        assertThrows(IllegalArgumentException.class, () -> MatchKey.of(VR.DA, "2024*"));
        assertThrows(IllegalArgumentException.class, () -> MatchKey.of(VR.TM, "10?0"));
    }

    // ---- C.2.2.2.2 List of UID Matching ----

    @Test
    void listOfUidMatching() {
        MatchKey k = MatchKey.of(VR.UI, "1.2.3.4\\1.2.3.5\\");
        assertEquals(Kind.UID_LIST, k.kind());
        assertEquals(List.of("1.2.3.4", "1.2.3.5"), k.uids());
        assertTrue(k.matches("1.2.3.4"));
        assertTrue(k.matches("1.2.3.5"));
        assertFalse(k.matches("1.2.3.45"));
        assertNull(k.likePattern());
        // Seed 001 Tables 27/28 list WC for the UID keys: accepted as an extension.
        MatchKey wc = MatchKey.of(VR.UI, "1.2.840.10008.5.1.4.1.1.*");
        assertEquals(Kind.WILDCARD, wc.kind());
        assertTrue(wc.matches("1.2.840.10008.5.1.4.1.1.2"));
        assertEquals("1.2.840.10008.5.1.4.1.1.%", wc.likePattern());
    }

    // ---- C.2.2.2.5 Range Matching ----

    @Test
    void dateRanges() {
        MatchKey closed = MatchKey.of(VR.DA, "20240101-20240131");
        assertEquals(Kind.RANGE, closed.kind());
        assertEquals("20240101", closed.rangeLower());
        assertEquals("20240131", closed.rangeUpper());
        assertTrue(closed.matches("20240101"), "inclusive lower bound");
        assertTrue(closed.matches("20240131"), "inclusive upper bound");
        assertFalse(closed.matches("20231231"));
        assertFalse(closed.matches("20240201"));
        MatchKey until = MatchKey.of(VR.DA, "-20240131");
        assertNull(until.rangeLower());
        assertTrue(until.matches("19000101"));
        assertFalse(until.matches("20240201"));
        MatchKey from = MatchKey.of(VR.DA, "20240101-");
        assertNull(from.rangeUpper());
        assertTrue(from.matches("20991231"));
        assertFalse(from.matches("20231231"));
        assertFalse(closed.matches(""), "an empty stored date does not match a range");
        assertTrue(MatchKey.of(VR.DA, "2024.01.01-2024.01.31").matches("20240115"), "legacy key form");
    }

    @Test
    void timeRangesIncludeTheWholeUpperPeriod() {
        MatchKey k = MatchKey.of(VR.TM, "1000-1800");
        assertEquals("100000.000000", k.rangeLower());
        assertEquals("180059.999999", k.rangeUpper());
        assertTrue(k.matches("1000"));
        assertTrue(k.matches("180059.5"));
        assertFalse(k.matches("1801"));
        assertFalse(k.matches("095959"));
        assertTrue(MatchKey.of(VR.TM, "-0800").matches("075959"));
        assertTrue(MatchKey.of(VR.TM, "2000-").matches("235959.999999"));
    }

    @Test
    void dateTimeRanges() {
        MatchKey k = MatchKey.of(VR.DT, "20240131100000-20240131120000");
        assertEquals(Kind.RANGE, k.kind());
        assertTrue(k.matches("20240131110000.5+0100"));
        assertFalse(k.matches("20240131120001"));
        assertEquals("20240131120000.999999", k.rangeUpper());
        MatchKey years = MatchKey.of(VR.DT, "2023-2024");
        assertTrue(years.matches("20241231235959"));
        assertFalse(years.matches("20250101"));
        MatchKey zoned = MatchKey.of(VR.DT, "20240131100000+0100-20240131120000+0100");
        assertTrue(zoned.matches("20240131090000+0000"), "10:00 at +01:00 is 09:00 UTC");
        assertTrue(zoned.matches("20240131110000+0100"));
        assertTrue(zoned.matches("20240131110000+0000"), "12:00 at +01:00: the inclusive upper bound");
        assertFalse(zoned.matches("20240131110001+0000"), "12:00:01 at +01:00: after the range");
        assertTrue(zoned.matches("20240131110000"), "no offset stored: compared as written");
        MatchKey single = MatchKey.of(VR.DT, "20240131-0500");
        assertEquals(Kind.SINGLE_VALUE, single.kind(), "the \"-\" of a UTC offset is not a range");
        assertTrue(single.matches("20240131083000"));
    }

    /** C.2.2.2.5: Study Date and Study Time ranges combined into one period. */
    @Test
    void combinedDateTimeMatching() {
        MatchKey k = MatchKey.dateTime("20060705-20060707", "1000-1800");
        assertEquals(Kind.RANGE, k.kind());
        assertEquals(VR.DT, k.vr());
        assertEquals("20060705100000.000000", k.rangeLower());
        assertEquals("20060707180059.999999", k.rangeUpper());
        assertTrue(k.matches("20060706", "0900"), "the middle day matches at any time");
        assertTrue(k.matches("20060705", "1000"));
        assertTrue(k.matches("20060707", "1800"));
        assertFalse(k.matches("20060705", "0959"));
        assertFalse(k.matches("20060707", "1801"));
        assertFalse(k.matches("20060708", "1200"));
        assertTrue(k.matches("20060706", ""), "a stored date without time: the day lies in the period");
        assertFalse(k.matches("", "1200"));
        // separately, the time key would have rejected 0900 on the middle day
        assertFalse(MatchKey.of(VR.TM, "1000-1800").matches("0900"));

        MatchKey open = MatchKey.dateTime("20060705-", "1000-");
        assertEquals("20060705100000.000000", open.rangeLower());
        assertNull(open.rangeUpper());
        assertTrue(open.matches("20991231", "0000"));
        assertFalse(open.matches("20060705", "0959"));
        MatchKey until = MatchKey.dateTime("-20060707", "-1800");
        assertNull(until.rangeLower());
        assertTrue(until.matches("19700101", "2359"));
        assertFalse(until.matches("20060707", "1801"));
        MatchKey oneDay = MatchKey.dateTime("20060705", "1000-1200");
        assertTrue(oneDay.matches("20060705", "1100"));
        assertFalse(oneDay.matches("20060706", "1100"));

        MatchKey dateOnly = MatchKey.dateTime("20060705-20060707", "");
        assertEquals(VR.DA, dateOnly.vr());
        assertTrue(dateOnly.matches("20060707", "2359"));
        MatchKey timeOnly = MatchKey.dateTime("", "1000-1800");
        assertEquals(VR.TM, timeOnly.vr());
        assertTrue(timeOnly.matches("19990101", "1200"));
        assertFalse(timeOnly.matches("19990101", "1900"));
        assertTrue(MatchKey.dateTime("", "").matches(null, null));
        assertEquals(VR.DA, k.dateKey().vr());
        assertEquals(VR.TM, k.timeKey().vr());
        assertThrows(IllegalStateException.class, () -> k.matches("20060706"));
    }

    @Test
    void malformedKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MatchKey.of(VR.DA, "20241301"));
        assertThrows(IllegalArgumentException.class, () -> MatchKey.of(VR.DA, "20240101-20240132"));
        assertThrows(IllegalArgumentException.class, () -> MatchKey.of(VR.TM, "25"));
    }
}
