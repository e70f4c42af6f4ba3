package io.tessera.pacs.route;

import io.tessera.dicom.data.VR;
import io.tessera.dicom.text.MatchKey;
import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.domain.RoutingRuleKey;

/**
 * A routing rule's key pattern (001 §1: "a matching pattern string with wild-card characters including '*' and
 * '?'"), matched as C-FIND matches the same attribute (PS3.4 C.2.2.2.4 through {@link MatchKey}): Patient ID (LO)
 * with case, Referring Physician's Name (PN) per component group and without regard to case, as our C-FIND does by
 * default. A pattern without a wildcard must equal the value.
 */
public final class RoutingPattern {
    private final RoutingRuleKey key;
    private final MatchKey match;

    private RoutingPattern(RoutingRuleKey key, MatchKey match) {
        this.key = key;
        this.match = match;
    }

    /**
     * The pattern of a rule, validated: required for a key attribute, 1–64 characters for a Patient ID (LO) and at
     * most 324 for a name (PN), printable, no backslash (a value delimiter, never in one value).
     *
     * @throws InvalidRequestException with what is wrong, for the console and the MBean
     */
    public static RoutingPattern of(RoutingRuleKey key, String pattern) {
        RoutingRuleKey k = key == null ? RoutingRuleKey.NONE : key;
        String p = pattern == null ? "" : pattern.strip();
        if (k == RoutingRuleKey.NONE) {
            if (!p.isEmpty()) {
                throw new InvalidRequestException("A pattern needs a key attribute: choose Patient ID or Referring"
                        + " Physician's Name, or leave the pattern empty.");
            }
            return new RoutingPattern(k, null);
        }
        if (p.isEmpty()) {
            throw new InvalidRequestException("Give a pattern for the " + k.label() + ", e.g. CT* or ?123*"
                    + " ('*' any characters, '?' one character).");
        }
        int max = k == RoutingRuleKey.PATIENT_ID ? 64 : 324;
        if (p.length() > max) {
            throw new InvalidRequestException("The pattern is " + p.length() + " characters long; a " + k.label()
                    + " pattern has at most " + max + ".");
        }
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                throw new InvalidRequestException("The pattern '" + p + "' is malformed: a backslash separates DICOM"
                        + " values and cannot be in a pattern.");
            }
            if (Character.isISOControl(c)) {
                throw new InvalidRequestException("The pattern is malformed: it has a control character at position "
                        + (i + 1) + ".");
            }
        }
        if (k == RoutingRuleKey.REFERRING_PHYSICIAN_NAME && p.chars().filter(c -> c == '=').count() > 2) {
            throw new InvalidRequestException("The pattern '" + p + "' is malformed: a person name has at most three"
                    + " component groups separated by '='.");
        }
        try {
            MatchKey m = k == RoutingRuleKey.PATIENT_ID ? MatchKey.of(VR.LO, p)
                    : MatchKey.of(VR.PN, p, MatchKey.CaseRule.INSENSITIVE);
            return new RoutingPattern(k, m);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("The pattern '" + p + "' is malformed: " + e.getMessage());
        }
    }

    public RoutingRuleKey key() {
        return key;
    }

    /** Whether a stored value of the key attribute matches; always true for NONE; an absent value matches only '*'. */
    public boolean matches(String value) {
        return match == null || match.matches(value);
    }
}
