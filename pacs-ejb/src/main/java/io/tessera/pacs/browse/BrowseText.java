package io.tessera.pacs.browse;

import java.util.Locale;

/** Text helpers of the browser: display forms and the Patient's Name wildcard as an SQL LIKE pattern. */
public final class BrowseText {

    private BrowseText() {
    }

    /** "DOE^JOHN^^^=..." → "DOE, JOHN" (the alphabetic group; the other groups stay in the full value). */
    public static String personName(String pn) {
        if (pn == null || pn.isEmpty()) {
            return pn;
        }
        String alphabetic = pn.split("=", -1)[0];
        if (alphabetic.isEmpty()) {
            alphabetic = pn.replace("=", " ").strip();
            return alphabetic.replace('^', ' ').strip();
        }
        String[] c = alphabetic.split("\\^", -1);
        StringBuilder s = new StringBuilder(c[0]);
        StringBuilder rest = new StringBuilder();
        for (int i = 1; i < c.length; i++) {
            if (!c[i].isBlank()) {
                rest.append(rest.isEmpty() ? "" : " ").append(c[i].strip());
            }
        }
        if (!rest.isEmpty()) {
            s.append(", ").append(rest);
        }
        String others = pn.contains("=") ? pn.substring(pn.indexOf('=') + 1).replace('=', ' ').replace('^', ' ').strip() : "";
        return others.isEmpty() ? s.toString() : s + " (" + others + ")";
    }

    /** YYYYMMDD → YYYY-MM-DD; anything else as it is. */
    public static String date(String da) {
        if (da != null && da.length() == 8 && da.chars().allMatch(Character::isDigit)) {
            return da.substring(0, 4) + "-" + da.substring(4, 6) + "-" + da.substring(6);
        }
        return da;
    }

    /**
     * The upper-cased LIKE pattern (escape character '\') of a Patient's Name filter: '*' any run, '?' one character;
     * without a wildcard the value is a prefix.
     */
    public static String namePattern(String filter) {
        String f = filter.strip();
        boolean wild = f.indexOf('*') >= 0 || f.indexOf('?') >= 0;
        StringBuilder s = new StringBuilder();
        for (char ch : f.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (ch) {
                case '*' -> s.append('%');
                case '?' -> s.append('_');
                case '%', '_', '\\' -> s.append('\\').append(ch);
                default -> s.append(ch);
            }
        }
        if (!wild) {
            s.append('%');
        }
        return s.toString();
    }

    /** YYYYMMDD from "YYYYMMDD" or "YYYY-MM-DD" (or null for blank); anything else is refused. */
    public static String dateFilter(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String d = value.strip().replace("-", "").replace(".", "");
        if (d.length() != 8 || !d.chars().allMatch(Character::isDigit)) {
            throw new io.tessera.pacs.InvalidRequestException(what + " is a date YYYY-MM-DD or YYYYMMDD, not '" + value + "'.");
        }
        return d;
    }
}
