package io.tessera.pacs.route;

import io.tessera.pacs.InvalidRequestException;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's daily window on a 24-hour clock (001 §1, Schedule: "Route Immediately … or based on a 24-hour clock"), in
 * minutes after midnight, server time: open from {@code start} inclusive to {@code end} exclusive; a start after the
 * end crosses midnight (19:00–07:00 is open at 23:00 and at 06:59, closed at 07:00 and at 18:59).
 */
public record ScheduleWindow(int start, int end) {
    private static final Pattern HH_MM = Pattern.compile("([01]?\\d|2[0-3])[:.h]?([0-5]\\d)");

    public ScheduleWindow {
        if (start < 0 || start >= 1440 || end < 0 || end >= 1440) {
            throw new IllegalArgumentException("minutes after midnight out of range: " + start + ", " + end);
        }
    }

    /** The window of two "HH:mm" times; null when both are empty (immediately). */
    public static ScheduleWindow parse(String start, String end) {
        boolean noStart = start == null || start.isBlank();
        boolean noEnd = end == null || end.isBlank();
        if (noStart && noEnd) {
            return null;
        }
        if (noStart || noEnd) {
            throw new InvalidRequestException("A schedule window needs both a start and an end time (HH:mm), or"
                    + " neither for routing immediately.");
        }
        ScheduleWindow w = new ScheduleWindow(minutes(start, "start"), minutes(end, "end"));
        if (w.start == w.end) {
            throw new InvalidRequestException("The schedule window starts and ends at the same time, " + format(w.start)
                    + "; leave both empty to route immediately.");
        }
        return w;
    }

    private static int minutes(String hhmm, String which) {
        Matcher m = HH_MM.matcher(hhmm.strip());
        if (!m.matches()) {
            throw new InvalidRequestException("The window's " + which + " time '" + hhmm.strip()
                    + "' is not a 24-hour time such as 19:00.");
        }
        return Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
    }

    public static String format(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    /** Whether the window is open at {@code time} (seconds count: 06:59:59 is inside 19:00–07:00). */
    public boolean contains(LocalTime time) {
        int t = time.getHour() * 60 + time.getMinute();
        return start < end ? t >= start && t < end : t >= start || t < end;
    }

    @Override
    public String toString() {
        return format(start) + "\u2013" + format(end);
    }
}
