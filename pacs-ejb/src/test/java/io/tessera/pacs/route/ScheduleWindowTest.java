package io.tessera.pacs.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.pacs.InvalidRequestException;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ScheduleWindowTest {

    @Test
    void aWindowCrossingMidnightIsOpenLateAndEarlyAndClosedInTheDay() {
        ScheduleWindow w = ScheduleWindow.parse("19:00", "07:00");
        assertEquals(19 * 60, w.start());
        assertEquals(7 * 60, w.end());
        assertTrue(w.contains(LocalTime.of(19, 0)));
        assertTrue(w.contains(LocalTime.of(23, 59, 59)));
        assertTrue(w.contains(LocalTime.MIDNIGHT));
        assertTrue(w.contains(LocalTime.of(6, 59, 59)));
        assertFalse(w.contains(LocalTime.of(7, 0)));
        assertFalse(w.contains(LocalTime.of(12, 0)));
        assertFalse(w.contains(LocalTime.of(18, 59, 59)));
        assertEquals("19:00\u201307:00", w.toString());
    }

    @Test
    void aDaytimeWindowIsOpenFromItsStartUntilBeforeItsEnd() {
        ScheduleWindow w = ScheduleWindow.parse("8:30", "12:15");
        assertFalse(w.contains(LocalTime.of(8, 29, 59)));
        assertTrue(w.contains(LocalTime.of(8, 30)));
        assertTrue(w.contains(LocalTime.of(12, 14, 59)));
        assertFalse(w.contains(LocalTime.of(12, 15)));
        assertFalse(w.contains(LocalTime.of(23, 0)));
    }

    @Test
    void bothEmptyMeansImmediately() {
        assertNull(ScheduleWindow.parse("", " "));
        assertNull(ScheduleWindow.parse(null, null));
    }

    @Test
    void malformedOrHalfWindowsAreRefusedWithTheReason() {
        assertTrue(assertThrows(InvalidRequestException.class, () -> ScheduleWindow.parse("19:00", ""))
                .getMessage().contains("both a start and an end"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> ScheduleWindow.parse("25:00", "07:00"))
                .getMessage().contains("'25:00' is not a 24-hour time"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> ScheduleWindow.parse("7pm", "07:00"))
                .getMessage().contains("not a 24-hour time"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> ScheduleWindow.parse("07:00", "07:00"))
                .getMessage().contains("same time"));
    }
}
