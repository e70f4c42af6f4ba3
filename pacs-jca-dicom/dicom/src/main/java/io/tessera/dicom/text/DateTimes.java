package io.tessera.dicom.text;

import io.tessera.dicom.data.VR;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Parsing and formatting of the DA, TM and DT value representations (PS3.5 §6.2), and the normalized forms
 * the query service stores and compares as strings:
 * DA {@code YYYYMMDD}, TM {@code HHMMSS.FFFFFF}, DT {@code YYYYMMDDHHMMSS.FFFFFF} (UTC offset dropped), all
 * fixed-width so that string order is time order (what SQL {@code BETWEEN} on a VARCHAR column needs).
 *
 * <p>A value with missing trailing parts (TM "10", DT "2024") stands for a span; {@code upper == false}
 * normalizes to its first instant, {@code upper == true} to its last (TM "10" → "105959.999999"), which is how
 * range bounds of PS3.4 C.2.2.2.5 include the whole end period. Errors are {@link IllegalArgumentException}s
 * that quote the value.
 */
public final class DateTimes {

    private DateTimes() {
    }

    // ---- DA ----

    /** DA "YYYYMMDD"; the ACR-NEMA form "YYYY.MM.DD" is tolerated (PS3.5 §6.2 DA note). */
    public static LocalDate parseDA(String value) {
        return LocalDate.parse(normalizeDA(value), DateTimeFormatter.BASIC_ISO_DATE);
    }

    public static String formatDA(LocalDate date) {
        return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** The DA value as "YYYYMMDD", checked to be a real date. */
    public static String normalizeDA(String value) {
        String v = strip(value);
        if (v.length() == 10 && v.charAt(4) == '.' && v.charAt(7) == '.') {
            v = v.substring(0, 4) + v.substring(5, 7) + v.substring(8);
        }
        if (v.length() != 8 || !digits(v, 0, 8)) {
            throw new IllegalArgumentException("not a DA value (YYYYMMDD): \"" + value + "\"");
        }
        try {
            LocalDate.of(Integer.parseInt(v, 0, 4, 10), Integer.parseInt(v, 4, 6, 10), Integer.parseInt(v, 6, 8, 10));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a date: \"" + value + "\"", e);
        }
        return v;
    }

    // ---- TM ----

    /**
     * TM "HH", "HHMM", "HHMMSS", "HHMMSS.F{1-6}"; the ACR-NEMA form "HH:MM:SS.F" is tolerated.
     * Second 60 (a leap second, allowed by PS3.5) reads as 59.
     */
    public static LocalTime parseTM(String value) {
        String n = normalizeTM(value, false);
        return LocalTime.of(Integer.parseInt(n, 0, 2, 10), Integer.parseInt(n, 2, 4, 10),
                Integer.parseInt(n, 4, 6, 10), Integer.parseInt(n, 7, 13, 10) * 1000);
    }

    /** "HHMMSS", with ".FFFFFF" (trailing zeros dropped) only when the time has a fraction of a second. */
    public static String formatTM(LocalTime time) {
        String s = String.format("%02d%02d%02d", time.getHour(), time.getMinute(), time.getSecond());
        int micros = time.getNano() / 1000;
        if (micros == 0) {
            return s;
        }
        String f = String.format("%06d", micros);
        int end = f.length();
        while (f.charAt(end - 1) == '0') {
            end--;
        }
        return s + '.' + f.substring(0, end);
    }

    /** The TM value as "HHMMSS.FFFFFF"; missing parts become their lowest or, with {@code upper}, highest value. */
    public static String normalizeTM(String value, boolean upper) {
        String v = strip(value);
        if (v.indexOf(':') >= 0) {
            v = legacyTime(v, value);
        }
        int dot = v.indexOf('.');
        String hms = dot < 0 ? v : v.substring(0, dot);
        String frac = dot < 0 ? "" : v.substring(dot + 1);
        if (!(hms.length() == 2 || hms.length() == 4 || hms.length() == 6) || !digits(hms, 0, hms.length())
                || frac.length() > 6 || !digits(frac, 0, frac.length()) || dot >= 0 && hms.length() != 6) {
            throw new IllegalArgumentException("not a TM value (HHMMSS.FFFFFF): \"" + value + "\"");
        }
        checkTime(hms, value);
        StringBuilder sb = new StringBuilder(13).append(hms);
        if (hms.length() == 2) {
            sb.append(upper ? "5959" : "0000");
        } else if (hms.length() == 4) {
            sb.append(upper ? "59" : "00");
        }
        if (sb.charAt(4) == '6') { // leap second, PS3.5 allows SS = 60
            sb.setCharAt(5, '9');
            sb.setCharAt(4, '5');
        }
        sb.append('.').append(frac);
        while (sb.length() < 13) {
            sb.append(upper ? '9' : '0');
        }
        return sb.toString();
    }

    private static String legacyTime(String v, String original) {
        // "HH:MM", "HH:MM:SS", "HH:MM:SS.FFFFFF"
        String[] p = v.split(":", -1);
        if (p.length < 2 || p.length > 3 || p[0].length() != 2 || p[1].length() != 2
                || p.length == 3 && (p[2].length() < 2 || p[2].length() > 2 && p[2].charAt(2) != '.')) {
            throw new IllegalArgumentException("not a TM value (HH:MM:SS): \"" + original + "\"");
        }
        return String.join("", p);
    }

    private static void checkTime(String hms, String original) {
        int hh = Integer.parseInt(hms, 0, 2, 10);
        int mm = hms.length() >= 4 ? Integer.parseInt(hms, 2, 4, 10) : 0;
        int ss = hms.length() >= 6 ? Integer.parseInt(hms, 4, 6, 10) : 0;
        if (hh > 23 || mm > 59 || ss > 60) {
            throw new IllegalArgumentException("not a time: \"" + original + "\"");
        }
    }

    // ---- DT ----

    /** DT "YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&ZZXX]" as a local date-time, missing parts lowest, offset dropped. */
    public static LocalDateTime parseDT(String value) {
        String n = normalizeDT(value, false);
        return LocalDateTime.of(LocalDate.parse(n.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE),
                parseTM(n.substring(8)));
    }

    /** DT with its UTC offset, or {@code defaultOffset} when the value has none (PS3.5: then (0008,0201) or local). */
    public static OffsetDateTime parseDT(String value, ZoneOffset defaultOffset) {
        ZoneOffset offset = offsetOf(value);
        return parseDT(value).atOffset(offset != null ? offset : defaultOffset);
    }

    /** The "&ZZXX" suffix of a DT value as an offset, or null when it has none. */
    public static ZoneOffset offsetOf(String value) {
        String v = strip(value);
        int sign = offsetIndex(v);
        if (sign < 0) {
            return null;
        }
        int hh = Integer.parseInt(v, sign + 1, sign + 3, 10);
        int mm = Integer.parseInt(v, sign + 3, sign + 5, 10);
        try {
            return ZoneOffset.ofHoursMinutes(v.charAt(sign) == '-' ? -hh : hh, v.charAt(sign) == '-' ? -mm : mm);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a UTC offset in DT: \"" + value + "\"", e);
        }
    }

    /** "YYYYMMDDHHMMSS[.FFFFFF]". */
    public static String formatDT(LocalDateTime dt) {
        return formatDA(dt.toLocalDate()) + formatTM(dt.toLocalTime());
    }

    /** "YYYYMMDDHHMMSS[.FFFFFF]&ZZXX". */
    public static String formatDT(OffsetDateTime dt) {
        int total = dt.getOffset().getTotalSeconds() / 60;
        return formatDT(dt.toLocalDateTime()) + (total < 0 ? '-' : '+')
                + String.format("%02d%02d", Math.abs(total) / 60, Math.abs(total) % 60);
    }

    /**
     * The DT value as "YYYYMMDDHHMMSS.FFFFFF" without its offset; missing parts become their lowest or, with
     * {@code upper}, highest value (DT "2024" upper → "20241231235959.999999").
     */
    public static String normalizeDT(String value, boolean upper) {
        String v = strip(value);
        int sign = offsetIndex(v);
        if (sign >= 0) {
            offsetOf(v); // validates
            v = v.substring(0, sign);
        }
        int dot = v.indexOf('.');
        String digits = dot < 0 ? v : v.substring(0, dot);
        int n = digits.length();
        if (!(n == 4 || n == 6 || n == 8 || n == 10 || n == 12 || n == 14) || !digits(digits, 0, n)
                || dot >= 0 && n != 14) {
            throw new IllegalArgumentException("not a DT value (YYYYMMDDHHMMSS.FFFFFF&ZZXX): \"" + value + "\"");
        }
        String date;
        int year = Integer.parseInt(digits, 0, 4, 10);
        if (n == 4) {
            date = digits + (upper ? "1231" : "0101");
        } else if (n == 6) {
            int month = Integer.parseInt(digits, 4, 6, 10);
            if (month < 1 || month > 12) {
                throw new IllegalArgumentException("not a month in DT: \"" + value + "\"");
            }
            date = digits + (upper ? String.format("%02d", YearMonth.of(year, month).lengthOfMonth()) : "01");
        } else {
            date = digits.substring(0, 8);
        }
        try {
            normalizeDA(date);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a date in DT: \"" + value + "\"", e);
        }
        String time = n <= 8 ? "" : v.substring(8);
        String tm = time.isEmpty() ? (upper ? "235959.999999" : "000000.000000") : normalizeTM(time, upper);
        return date + tm;
    }

    /** Index of the "+" or "-" of a trailing "&ZZXX", or -1. */
    private static int offsetIndex(String v) {
        int i = v.length() - 5;
        if (i >= 4 && (v.charAt(i) == '+' || v.charAt(i) == '-') && digits(v, i + 1, v.length())) {
            return i;
        }
        return -1;
    }

    // ---- ranges ----

    /**
     * Splits a range matching key "a-b", "-b" or "a-" (PS3.4 C.2.2.2.5) into {lower, upper}, an absent end
     * being null; returns null when the value is not a range. For DT the "-" of a UTC offset is told apart
     * from the range separator by trying each "-" and keeping the first split whose ends parse and are ordered.
     */
    public static String[] splitRange(String value, VR vr) {
        String v = strip(value);
        int first = v.indexOf('-');
        if (first < 0) {
            return null;
        }
        if (vr != VR.DT) {
            if (v.indexOf('-', first + 1) >= 0) {
                throw new IllegalArgumentException("more than one \"-\" in a " + vr + " range: \"" + value + "\"");
            }
            return new String[] {emptyToNull(v.substring(0, first)), emptyToNull(v.substring(first + 1))};
        }
        for (int p = first; p >= 0; p = v.indexOf('-', p + 1)) {
            String lo = emptyToNull(v.substring(0, p));
            String hi = emptyToNull(v.substring(p + 1));
            if (lo == null && hi == null) {
                return new String[] {null, null};
            }
            try {
                String nl = lo == null ? null : normalizeDT(lo, false);
                String nh = hi == null ? null : normalizeDT(hi, true);
                if (nl == null || nh == null || nl.compareTo(nh) <= 0) {
                    return new String[] {lo, hi};
                }
            } catch (IllegalArgumentException notThisSplit) {
                // try the next "-"
            }
        }
        return null; // a single DT whose "-" belongs to its UTC offset
    }

    private static String emptyToNull(String s) {
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static String strip(String value) {
        if (value == null) {
            throw new IllegalArgumentException("no value");
        }
        return value.strip();
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
