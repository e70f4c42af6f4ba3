package io.tessera.dicom.text;

import io.tessera.dicom.data.VR;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One matching key of a C-FIND identifier and the attribute matching PS3.4 C.2.2.2 defines for it, decided
 * once from the key value and its VR: Single Value Matching (C.2.2.2.1), List of UID Matching (C.2.2.2.2),
 * Universal Matching (C.2.2.2.3), Wild Card Matching (C.2.2.2.4) and Range Matching (C.2.2.2.5), including
 * the combined date-time range of a Study Date key and a Study Time key ({@link #dateTime}).
 *
 * <p>{@link #matches(String)} applies it to a stored value; {@link #kind()}, {@link #likePattern()},
 * {@link #uids()}, {@link #rangeLower()} and {@link #rangeUpper()} are the same decision translated for an
 * SQL query: {@code col LIKE ? ESCAPE '\'}, {@code col IN (…)}, {@code col BETWEEN ? AND ?} on values stored in
 * the normalized forms of {@link DateTimes}.
 *
 * <p>Person names: matched per component group. A key with one group (no "=") matches when any stored group
 * matches it; a key with several groups matches when every non-empty key group matches the stored group in
 * the same position. Case is significant as the standard says ({@link CaseRule#SENSITIVE}) or, as many
 * archives configure, not ({@link CaseRule#INSENSITIVE}).
 *
 * <p>DT: range bounds are normalized without their UTC offset, i.e. in the key's own offset; {@link #matches}
 * moves a stored value with another offset to the key's offset first. For SQL, store DT values normalized
 * in one offset (or UTC) and send keys in the same.
 */
public final class MatchKey {

    /** The matching PS3.4 C.2.2.2 applies to a key. */
    public enum Kind { UNIVERSAL, SINGLE_VALUE, WILDCARD, UID_LIST, RANGE }

    /** Whether PN values are compared with case (PS3.4 C.2.2.2.1 allows either for PN). */
    public enum CaseRule { SENSITIVE, INSENSITIVE }

    /** The escape character of {@link #likePattern()}: {@code LIKE ? ESCAPE '\'}. */
    public static final char LIKE_ESCAPE = '\\';

    private final VR vr;
    private final String keyValue;
    private final Kind kind;
    private final CaseRule caseRule;
    /** SINGLE_VALUE: the value to compare (normalized for DA/TM/DT/PN); WILDCARD: the pattern. */
    private final String value;
    private final List<String> uids;
    /** RANGE, and SINGLE_VALUE of DA/TM/DT: normalized inclusive bounds, null when open. */
    private final String lower;
    private final String upper;
    /** PN: the key's component groups (null entries when absent), and whether it has only one. */
    private final String[] pnGroups;
    private final Pattern[] pnRegex;
    private final Pattern regex;
    /** Combined date-time matching: the date and time keys it was made of. */
    private final MatchKey dateKey;
    private final MatchKey timeKey;
    /** DT keys: the UTC offset the key's bounds are in, null when the key gives none. */
    private final ZoneOffset keyOffset;

    private MatchKey(VR vr, String keyValue, Kind kind, CaseRule caseRule, String value, List<String> uids,
                     String lower, String upper, MatchKey dateKey, MatchKey timeKey) {
        this.vr = vr;
        this.keyValue = keyValue;
        this.kind = kind;
        this.caseRule = caseRule;
        this.value = value;
        this.uids = uids;
        this.lower = lower;
        this.upper = upper;
        this.dateKey = dateKey;
        this.timeKey = timeKey;
        this.keyOffset = vr == VR.DT && dateKey == null && (kind == Kind.RANGE || kind == Kind.SINGLE_VALUE)
                ? offsetOfKey(keyValue) : null;
        if (vr == VR.PN && (kind == Kind.SINGLE_VALUE || kind == Kind.WILDCARD)) {
            String[] g = value.split("=", -1);
            pnGroups = new String[3];
            pnRegex = new Pattern[3];
            for (int i = 0; i < Math.min(3, g.length); i++) {
                String group = PersonName.parse(g[i].replace("=", "")).toString(PersonName.Group.ALPHABETIC);
                if (kind == Kind.WILDCARD) {
                    group = stripTrailingDelimiters(g[i].strip());
                }
                if (!group.isEmpty() && !isAllStars(group)) {
                    pnGroups[i] = group;
                    pnRegex[i] = wildcardRegex(group, caseRule == CaseRule.INSENSITIVE, true);
                }
            }
            regex = null;
        } else {
            pnGroups = null;
            pnRegex = null;
            regex = kind == Kind.WILDCARD ? wildcardRegex(value, false, false) : null;
        }
    }

    /** The key for a value of the given VR, PN compared with case. */
    public static MatchKey of(VR vr, String keyValue) {
        return of(vr, keyValue, CaseRule.SENSITIVE);
    }

    /**
     * The key for a value of the given VR. Throws {@link IllegalArgumentException} for a key the standard does
     * not allow (a malformed date, time or range), which the SCP answers with A900/C000 status.
     */
    public static MatchKey of(VR vr, String keyValue, CaseRule pnCase) {
        String v = keyValue == null ? "" : keyValue.strip();
        if (v.isEmpty() || isAllStars(v) && !isTemporal(vr)) {
            return new MatchKey(vr, v, Kind.UNIVERSAL, pnCase, null, null, null, null, null, null);
        }
        if (isTemporal(vr)) {
            String[] range = DateTimes.splitRange(v, vr);
            if (range != null) {
                if (range[0] == null && range[1] == null) {
                    return new MatchKey(vr, v, Kind.UNIVERSAL, pnCase, null, null, null, null, null, null);
                }
                String lo = range[0] == null ? null : normalize(vr, range[0], false);
                String hi = range[1] == null ? null : normalize(vr, range[1], true);
                return new MatchKey(vr, v, Kind.RANGE, pnCase, null, null, lo, hi, null, null);
            }
            // A single date or time matches the whole period it names (TM "10" is 10:00:00 to 10:59:59.999999).
            return new MatchKey(vr, v, Kind.SINGLE_VALUE, pnCase, normalize(vr, v, false), null,
                    normalize(vr, v, false), normalize(vr, v, true), null, null);
        }
        if (vr == VR.UI) {
            if (v.indexOf('*') >= 0 || v.indexOf('?') >= 0) {
                // Not in PS3.4 for UI, but seed 001 Table 27 lists WC for the UID keys: accept it.
                return new MatchKey(vr, v, Kind.WILDCARD, pnCase, v, null, null, null, null, null);
            }
            if (v.indexOf('\\') >= 0) {
                List<String> list = Arrays.stream(v.split("\\\\")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
                return new MatchKey(vr, v, Kind.UID_LIST, pnCase, null, list, null, null, null, null);
            }
            return new MatchKey(vr, v, Kind.SINGLE_VALUE, pnCase, v, null, null, null, null, null);
        }
        boolean wildcardVR = vr.kind() == VR.Kind.TEXT || vr == VR.AE || vr == VR.CS || vr == VR.AS
                || vr == VR.UR;
        if (wildcardVR && (v.indexOf('*') >= 0 || v.indexOf('?') >= 0)) {
            return new MatchKey(vr, v, Kind.WILDCARD, pnCase, v, null, null, null, null, null);
        }
        String single = vr == VR.PN ? normalizePN(v) : v;
        return new MatchKey(vr, v, Kind.SINGLE_VALUE, pnCase, single, null, null, null, null, null);
    }

    /**
     * Combined date and time matching (PS3.4 C.2.2.2.5): a date key and a time key, e.g. Study Date
     * "20060705-20060707" with Study Time "1000-1800", match the single period from 2006-07-05 10:00 to
     * 2006-07-07 18:00, not each day's 10:00 to 18:00. A single value in either key is the period it names.
     * With an empty time key this is the date key alone; with an empty date key, the time key alone.
     * Bounds are DT-normalized ("YYYYMMDDHHMMSS.FFFFFF").
     */
    public static MatchKey dateTime(String dateKeyValue, String timeKeyValue) {
        MatchKey d = of(VR.DA, dateKeyValue);
        MatchKey t = of(VR.TM, timeKeyValue);
        if (t.kind == Kind.UNIVERSAL || d.kind == Kind.UNIVERSAL) {
            MatchKey only = t.kind == Kind.UNIVERSAL ? d : t;
            return new MatchKey(only.vr, only.keyValue, only.kind, CaseRule.SENSITIVE, only.value, null, only.lower,
                    only.upper, d, t);
        }
        String lo = d.lower == null ? null : d.lower + (t.lower == null ? "000000.000000" : t.lower);
        String hi = d.upper == null ? null : d.upper + (t.upper == null ? "235959.999999" : t.upper);
        return new MatchKey(VR.DT, d.keyValue + ' ' + t.keyValue, Kind.RANGE, CaseRule.SENSITIVE, null, null, lo, hi,
                d, t);
    }

    public Kind kind() {
        return kind;
    }

    /** DA, TM or DT for temporal keys; DT for a combined {@link #dateTime} key. */
    public VR vr() {
        return vr;
    }

    /** The key as received, trimmed. */
    public String keyValue() {
        return keyValue;
    }

    public CaseRule caseRule() {
        return caseRule;
    }

    /** True when the SQL side must compare upper-cased values: a PN key with {@link CaseRule#INSENSITIVE}. */
    public boolean ignoresCase() {
        return vr == VR.PN && caseRule == CaseRule.INSENSITIVE;
    }

    /**
     * SINGLE_VALUE: the value to compare with "=" (PN with trailing empty components and groups dropped,
     * DA "YYYYMMDD", TM "HHMMSS.FFFFFF", DT "YYYYMMDDHHMMSS.FFFFFF"; for DA/TM/DT prefer the bounds, which
     * cover the period a short value names); WILDCARD: the key. Null otherwise.
     */
    public String value() {
        return value;
    }

    /** UID_LIST: the UIDs; a single UID for a SINGLE_VALUE UI key; empty otherwise. */
    public List<String> uids() {
        if (uids != null) {
            return uids;
        }
        return kind == Kind.SINGLE_VALUE && vr == VR.UI ? List.of(value) : List.of();
    }

    /**
     * WILDCARD or SINGLE_VALUE: the value as an SQL LIKE pattern with {@link #LIKE_ESCAPE}: "*" → "%", "?" → "_",
     * and a literal "%", "_" or "\" escaped. Upper-cased when {@link #ignoresCase()}. Null for other kinds.
     */
    public String likePattern() {
        if (kind != Kind.WILDCARD && kind != Kind.SINGLE_VALUE) {
            return null;
        }
        String p = toLike(value, kind == Kind.WILDCARD);
        return ignoresCase() ? p.toUpperCase(Locale.ROOT) : p;
    }

    /** "*" and "?" of a wild card value as an SQL LIKE pattern escaped with {@link #LIKE_ESCAPE}. */
    public static String toLike(String wildcard, boolean wildcards) {
        StringBuilder sb = new StringBuilder(wildcard.length() + 4);
        for (int i = 0; i < wildcard.length(); i++) {
            char c = wildcard.charAt(i);
            switch (c) {
                case '*' -> sb.append(wildcards ? "%" : "*");
                case '?' -> sb.append(wildcards ? "_" : "?");
                case '%', '_', LIKE_ESCAPE -> sb.append(LIKE_ESCAPE).append(c);
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** RANGE (and SINGLE_VALUE of DA/TM/DT): the inclusive normalized lower bound, null when open. */
    public String rangeLower() {
        return lower;
    }

    /** RANGE (and SINGLE_VALUE of DA/TM/DT): the inclusive normalized upper bound, null when open. */
    public String rangeUpper() {
        return upper;
    }

    /** For a {@link #dateTime} key: its date part, else null. */
    public MatchKey dateKey() {
        return dateKey;
    }

    /** For a {@link #dateTime} key: its time part, else null. */
    public MatchKey timeKey() {
        return timeKey;
    }

    /**
     * PN keys: the key's component groups (alphabetic, ideographic, phonetic), an entry null when that group is
     * empty or "*"; null for other VRs.
     */
    public String[] personNameGroups() {
        return pnGroups == null ? null : pnGroups.clone();
    }

    /**
     * Whether a stored value matches. A multi-valued stored value (backslash-separated, except LT, ST, UT,
     * UR) matches when one of its values does. An empty stored value matches only Universal Matching. A stored
     * value that does not parse as its DA/TM/DT does not match a date/time key.
     */
    public boolean matches(String storedValue) {
        if (kind == Kind.UNIVERSAL) {
            return true;
        }
        if (storedValue == null || storedValue.isBlank()) {
            return false;
        }
        if (dateKey != null && vr == VR.DT) {
            throw new IllegalStateException(
                    "a combined date-time key matches a date and a time: use matches(date, time)");
        }
        if (vr == VR.LT || vr == VR.ST || vr == VR.UT || vr == VR.UR || storedValue.indexOf('\\') < 0) {
            return matchesOne(storedValue.strip());
        }
        for (String v : storedValue.split("\\\\")) {
            if (!v.isBlank() && matchesOne(v.strip())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Combined date-time matching of a stored date and time (e.g. Study Date and Study Time). For a key made by
     * {@link #dateTime} from a date range and a time range, the stored instant must fall within the combined
     * period; a stored value without time then matches when its date is within the date range.
     */
    public boolean matches(String storedDate, String storedTime) {
        if (dateKey == null) {
            return vr == VR.TM ? matches(storedTime) : matches(storedDate);
        }
        if (kind == Kind.UNIVERSAL) {
            return true;
        }
        if (vr != VR.DT) { // one of the two keys was universal
            return vr == VR.TM ? matches(storedTime) : matches(storedDate);
        }
        if (storedDate == null || storedDate.isBlank()) {
            return false;
        }
        String d;
        try {
            d = DateTimes.normalizeDA(storedDate);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String dtLower;
        String dtUpper;
        if (storedTime == null || storedTime.isBlank()) {
            dtLower = d + "000000.000000";
            dtUpper = d + "235959.999999";
        } else {
            try {
                dtLower = d + DateTimes.normalizeTM(storedTime, false);
                dtUpper = dtLower;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        // Without a time the stored day overlaps the period; with a time the instant lies within it.
        return (lower == null || dtUpper.compareTo(lower) >= 0) && (upper == null || dtLower.compareTo(upper) <= 0);
    }

    private boolean matchesOne(String stored) {
        switch (kind) {
            case UID_LIST:
                return uids.contains(stored);
            case RANGE:
                return inRange(stored);
            case WILDCARD:
                return vr == VR.PN ? matchesPersonName(stored) : regex.matcher(stored).matches();
            default:
                if (isTemporal(vr)) {
                    return inRange(stored);
                }
                if (vr == VR.PN) {
                    return matchesPersonName(stored);
                }
                if (vr == VR.IS || vr == VR.DS) {
                    try {
                        return new BigDecimal(stored).compareTo(new BigDecimal(value)) == 0;
                    } catch (NumberFormatException e) {
                        return stored.equals(value);
                    }
                }
                return stored.equals(value);
        }
    }

    private boolean inRange(String stored) {
        String n;
        try {
            n = normalize(vr, shiftToKeyOffset(stored), false);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return (lower == null || n.compareTo(lower) >= 0) && (upper == null || n.compareTo(upper) <= 0);
    }

    /**
     * A stored DT with a UTC offset other than the key's is compared at the same instant in the key's offset;
     * without an offset on either side the values compare as they are (both in the local time of PS3.5 DT).
     */
    private String shiftToKeyOffset(String stored) {
        if (keyOffset == null) {
            return stored;
        }
        ZoneOffset offset = DateTimes.offsetOf(stored);
        if (offset == null || offset.equals(keyOffset)) {
            return stored;
        }
        return DateTimes.formatDT(DateTimes.parseDT(stored, offset).withOffsetSameInstant(keyOffset).toLocalDateTime());
    }

    private static ZoneOffset offsetOfKey(String keyValue) {
        String[] range = DateTimes.splitRange(keyValue, VR.DT);
        if (range == null) {
            return DateTimes.offsetOf(keyValue);
        }
        ZoneOffset lo = range[0] == null ? null : DateTimes.offsetOf(range[0]);
        return lo != null ? lo : range[1] == null ? null : DateTimes.offsetOf(range[1]);
    }

    private boolean matchesPersonName(String stored) {
        String[] groups = stored.split("=", -1);
        boolean oneKeyGroup = pnGroups[1] == null && pnGroups[2] == null && keyGroupCount() == 1;
        if (oneKeyGroup) {
            if (pnRegex[0] == null) {
                return true;
            }
            for (int i = 0; i < Math.min(3, groups.length); i++) {
                if (matchesGroup(pnRegex[0], normalizeGroup(groups[i]))) {
                    return true;
                }
            }
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (pnRegex[i] != null) {
                String g = i < groups.length ? normalizeGroup(groups[i]) : "";
                if (!matchesGroup(pnRegex[i], g)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Trailing empty components are not significant (PS3.5 §6.2.1.1), so the stored "Doe" is also "Doe^" …
     * "Doe^^^^": a key "Doe^*" matches it, as a user expects.
     */
    private static boolean matchesGroup(Pattern p, String group) {
        if (p.matcher(group).matches()) {
            return true;
        }
        int delimiters = 0;
        for (int i = 0; i < group.length(); i++) {
            if (group.charAt(i) == '^') {
                delimiters++;
            }
        }
        StringBuilder padded = new StringBuilder(group);
        for (int d = delimiters; d < 4; d++) {
            if (p.matcher(padded.append('^')).matches()) {
                return true;
            }
        }
        return false;
    }

    private int keyGroupCount() {
        return value.split("=", -1).length;
    }

    private static String normalizeGroup(String group) {
        return PersonName.parse(group.replace("=", "")).toString(PersonName.Group.ALPHABETIC);
    }

    private static String normalizePN(String v) {
        StringBuilder sb = new StringBuilder();
        String[] g = v.split("=", -1);
        int last = g.length - 1;
        while (last > 0 && normalizeGroup(g[last]).isEmpty()) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                sb.append('=');
            }
            sb.append(normalizeGroup(g[i]));
        }
        return sb.toString();
    }

    /** Trailing "^" of a wild card group are not significant, like trailing empty components. */
    private static String stripTrailingDelimiters(String g) {
        int end = g.length();
        while (end > 0 && (g.charAt(end - 1) == '^' || g.charAt(end - 1) == ' ')) {
            end--;
        }
        return g.substring(0, end);
    }

    /** "*" any run of characters, "?" one character (in PN one character of a name, never a "^" delimiter). */
    private static Pattern wildcardRegex(String pattern, boolean ignoreCase, boolean personName) {
        StringBuilder re = new StringBuilder(pattern.length() + 8);
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : personName ? "[^\\^=]" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            re.append(Pattern.quote(literal.toString()));
        }
        int flags = Pattern.DOTALL;
        if (ignoreCase) {
            flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        return Pattern.compile(re.toString(), flags);
    }

    private static String normalize(VR vr, String v, boolean upper) {
        return switch (vr) {
            case DA -> DateTimes.normalizeDA(v);
            case TM -> DateTimes.normalizeTM(v, upper);
            default -> DateTimes.normalizeDT(v, upper);
        };
    }

    private static boolean isTemporal(VR vr) {
        return vr == VR.DA || vr == VR.TM || vr == VR.DT;
    }

    private static boolean isAllStars(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) != '*') {
                return false;
            }
        }
        return !v.isEmpty();
    }

    // ---- PN index keys: person-name matching as an SQL prefix search over an indexed column ----

    /**
     * Case folding for PN index keys: each code point upper-cased after lower-casing, one code point for one (never
     * "ß" → "SS", unlike {@link String#toUpperCase}), so two characters that case-insensitive matching takes as
     * equal (PS3.4 C.2.2.2.1, {@link CaseRule#INSENSITIVE}) fold to the same one and lengths are kept.
     */
    public static String foldCase(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.toUpperCase(Character.toLowerCase(c))));
        return sb.toString();
    }

    /**
     * A stored PN value's index keys, one per component group (alphabetic, ideographic, phonetic; null when the
     * group is empty): the group as matching compares it — components trimmed, trailing empty components dropped —
     * and {@link #foldCase case-folded}. Every stored value a PN key matches has, in the position
     * {@link #personNameIndexPrefixes()} names, an index key that begins with the key's prefix: an index on these
     * keys answers {@code key LIKE 'prefix%'} with a superset of the matches, which {@link #matches} then decides.
     */
    public static String[] personNameIndexKeys(String storedValue) {
        String[] keys = new String[3];
        if (storedValue == null || storedValue.isBlank()) {
            return keys;
        }
        String[] groups = storedValue.split("=", -1);
        for (int i = 0; i < Math.min(3, groups.length); i++) {
            String g = normalizeGroup(groups[i]);
            keys[i] = g.isEmpty() ? null : foldCase(g);
        }
        return keys;
    }

    /**
     * A PN key's prefixes for {@link #personNameIndexKeys}: per key group (alphabetic, ideographic, phonetic), the
     * case-folded literal text before its first wild card, less trailing "^" and spaces (trailing empty components are
     * not significant), or null when that group gives no prefix (absent, "*", or starting with a wild card). A key of
     * one group ({@link #personNameMatchesAnyGroup()}) matches a stored name when any of its groups matches, so its
     * prefix then applies to every stored group; otherwise each prefix applies to the stored group in its position.
     * Null for keys that are not PN single values or wild cards.
     */
    public String[] personNameIndexPrefixes() {
        if (pnGroups == null) {
            return null;
        }
        String[] prefixes = new String[3];
        for (int i = 0; i < 3; i++) {
            String g = pnGroups[i];
            if (g == null) {
                continue;
            }
            int end = 0;
            while (end < g.length() && (kind != Kind.WILDCARD || g.charAt(end) != '*' && g.charAt(end) != '?')) {
                end++;
            }
            while (end > 0 && (g.charAt(end - 1) == '^' || g.charAt(end - 1) == ' ')) {
                end--;
            }
            prefixes[i] = end == 0 ? null : foldCase(g.substring(0, end));
        }
        return prefixes;
    }

    /** PN keys: true when the key has one component group, which matches any group of a stored name. */
    public boolean personNameMatchesAnyGroup() {
        return pnGroups != null && pnGroups[1] == null && pnGroups[2] == null && keyGroupCount() == 1;
    }

    @Override
    public String toString() {
        return kind + " " + vr + " \"" + keyValue + "\"";
    }
}
