package io.tessera.dicom.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.VR;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PN index keys and prefixes (an SQL prefix search over an indexed column): whatever MatchKey matches, the stored
 * group's key begins with the key's prefix — checked over names with accents, case pairs and groups.
 */
class MatchKeyIndexTest {

    @Test
    void storedGroupsAreNormalizedAndFolded() {
        assertArrayEquals(new String[] {"DOE^JOHN", "山田^太郎", "やまだ^たろう"},
                MatchKey.personNameIndexKeys("Doe ^ John^^=山田^太郎=やまだ^たろう"));
        assertArrayEquals(new String[] {"MÜLLER^JÜRGEN", null, null}, MatchKey.personNameIndexKeys("Müller^Jürgen^^"));
        assertArrayEquals(new String[] {null, "王^小東", null}, MatchKey.personNameIndexKeys("=王^小東"));
        assertArrayEquals(new String[3], MatchKey.personNameIndexKeys(null));
        assertEquals("STRAßE", MatchKey.foldCase("straße"), "one character for one: no \"SS\"");
    }

    @Test
    void prefixesStopAtTheFirstWildcardAndDropTrailingDelimiters() {
        assertArrayEquals(new String[] {"DOE", null, null}, pn("doe^*").personNameIndexPrefixes());
        assertArrayEquals(new String[] {"MÜ", null, null}, pn("mü?ler").personNameIndexPrefixes());
        assertArrayEquals(new String[] {"SMITH^JOHN", null, null}, pn("Smith^John^^").personNameIndexPrefixes());
        assertArrayEquals(new String[3], pn("*son").personNameIndexPrefixes());
        assertNull(MatchKey.of(VR.LO, "abc*").personNameIndexPrefixes());
        assertTrue(pn("doe*").personNameMatchesAnyGroup());
        assertFalse(pn("doe*=山*").personNameMatchesAnyGroup());
    }

    @Test
    void everyMatchStartsWithThePrefix() {
        List<String> stored = List.of("Müller^Jürgen", "MÜLLER^JÜRGEN^^", "Muller^Jurgen", "Doe^John^A", "DOE", "doe^",
                "Straße^Anna", "STRASSE^ANNA", "Ødegård^Søren", "Kelvin^\u212Aarl", "Karl^K", "van Dijk^Jan",
                "Doe^Jane=山田^花子=やまだ^はなこ", "=王^小東", "O'Brien^Ian", "50%_x^Ya");
        List<String> keys = List.of("m*", "MÜ*", "mü?ler^j*", "Müller^Jürgen", "doe", "doe^*", "DOE^J*", "straße*",
                "STRA?E*", "ødegård^s*", "karl", "k*", "van d*", "山田*", "王^小東", "やまだ*", "*", "o'b*", "50%_x^?a*",
                "doe^jane=山田*");
        for (MatchKey.CaseRule rule : MatchKey.CaseRule.values()) {
            for (String key : keys) {
                MatchKey m = MatchKey.of(VR.PN, key, rule);
                String[] prefixes = m.personNameIndexPrefixes();
                if (prefixes == null) {
                    continue; // universal: no condition
                }
                for (String s : stored) {
                    if (!m.matches(s)) {
                        continue;
                    }
                    String[] index = MatchKey.personNameIndexKeys(s);
                    if (m.personNameMatchesAnyGroup()) {
                        boolean any = prefixes[0] == null;
                        for (String g : index) {
                            any |= g != null && g.startsWith(prefixes[0]);
                        }
                        assertTrue(any, rule + " " + key + " matches " + s + " but no group starts with its prefix");
                    } else {
                        for (int i = 0; i < 3; i++) {
                            assertTrue(prefixes[i] == null || index[i] != null && index[i].startsWith(prefixes[i]),
                                    rule + " " + key + " matches " + s + ", group " + i);
                        }
                    }
                }
            }
        }
    }

    private static MatchKey pn(String key) {
        return MatchKey.of(VR.PN, key, MatchKey.CaseRule.INSENSITIVE);
    }
}
