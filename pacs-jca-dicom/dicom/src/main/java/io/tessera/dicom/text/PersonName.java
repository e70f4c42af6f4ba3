package io.tessera.dicom.text;

import java.util.Arrays;

/**
 * A Person Name (PN) value, PS3.5 §6.2.1: up to three component groups (alphabetic, ideographic, phonetic)
 * separated by "=", each of up to five components (family name, given name, middle name, prefix, suffix)
 * separated by "^". Immutable. Formatting drops trailing empty components and trailing empty groups, so
 * "Doe^John^^^" and "Doe^John" are the same name.
 */
public final class PersonName {

    /** The component groups of PS3.5 §6.2.1.1, in value order. */
    public enum Group { ALPHABETIC, IDEOGRAPHIC, PHONETIC }

    /** The components of PS3.5 §6.2.1.1, in value order. */
    public enum Component { FAMILY, GIVEN, MIDDLE, PREFIX, SUFFIX }

    private static final PersonName EMPTY = new PersonName(new String[3][5]);

    /** [group][component], never null entries after construction (empty strings). */
    private final String[][] parts;

    private PersonName(String[][] parts) {
        for (String[] g : parts) {
            for (int c = 0; c < g.length; c++) {
                if (g[c] == null) {
                    g[c] = "";
                }
            }
        }
        this.parts = parts;
    }

    /**
     * Parses one PN value (not several: split multi-valued elements at "\" first). Components are trimmed of
     * spaces; components past the fifth are appended to the suffix with a space and groups past the third are
     * ignored, as sloppy writers produce both.
     */
    public static PersonName parse(String value) {
        if (value == null || value.isBlank()) {
            return EMPTY;
        }
        String[][] p = new String[3][5];
        String[] groups = value.split("=", -1);
        for (int g = 0; g < Math.min(3, groups.length); g++) {
            String[] comps = groups[g].split("\\^", -1);
            for (int c = 0; c < comps.length; c++) {
                String s = comps[c].strip();
                if (c < 5) {
                    p[g][c] = s;
                } else if (!s.isEmpty()) {
                    p[g][4] = p[g][4] == null || p[g][4].isEmpty() ? s : p[g][4] + ' ' + s;
                }
            }
        }
        return new PersonName(p);
    }

    /** A name of one alphabetic group from its components; null or missing trailing components are empty. */
    public static PersonName of(String... alphabeticComponents) {
        String[][] p = new String[3][5];
        for (int c = 0; c < Math.min(5, alphabeticComponents.length); c++) {
            p[0][c] = alphabeticComponents[c] == null ? "" : alphabeticComponents[c].strip();
        }
        return new PersonName(p);
    }

    public String get(Group group, Component component) {
        return parts[group.ordinal()][component.ordinal()];
    }

    /** A component of the alphabetic group. */
    public String get(Component component) {
        return get(Group.ALPHABETIC, component);
    }

    /** A copy with one component replaced. */
    public PersonName with(Group group, Component component, String value) {
        String[][] p = new String[3][];
        for (int g = 0; g < 3; g++) {
            p[g] = parts[g].clone();
        }
        p[group.ordinal()][component.ordinal()] = value == null ? "" : value.strip();
        return new PersonName(p);
    }

    /** True when the group has at least one non-empty component. */
    public boolean contains(Group group) {
        for (String s : parts[group.ordinal()]) {
            if (!s.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return !contains(Group.ALPHABETIC) && !contains(Group.IDEOGRAPHIC) && !contains(Group.PHONETIC);
    }

    /** One group formatted: components joined with "^", trailing empty components dropped ("" when empty). */
    public String toString(Group group) {
        String[] comps = parts[group.ordinal()];
        int last = comps.length - 1;
        while (last >= 0 && comps[last].isEmpty()) {
            last--;
        }
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c <= last; c++) {
            if (c > 0) {
                sb.append('^');
            }
            sb.append(comps[c]);
        }
        return sb.toString();
    }

    /** The PN value: groups joined with "=", trailing empty groups dropped. */
    @Override
    public String toString() {
        String[] g = {toString(Group.ALPHABETIC), toString(Group.IDEOGRAPHIC), toString(Group.PHONETIC)};
        int last = 2;
        while (last >= 0 && g[last].isEmpty()) {
            last--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                sb.append('=');
            }
            sb.append(g[i]);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonName other && Arrays.deepEquals(parts, other.parts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(parts);
    }
}
