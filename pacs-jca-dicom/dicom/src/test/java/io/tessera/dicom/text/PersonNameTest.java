package io.tessera.dicom.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.text.PersonName.Component;
import io.tessera.dicom.text.PersonName.Group;
import org.junit.jupiter.api.Test;

/** PS3.5 §6.2.1: five components in up to three component groups. */
class PersonNameTest {

    @Test
    void threeGroupsOfTheAnnexHExample() {
        PersonName pn = PersonName.parse("Yamada^Tarou=山田^太郎=やまだ^たろう");
        assertEquals("Yamada", pn.get(Component.FAMILY));
        assertEquals("Tarou", pn.get(Group.ALPHABETIC, Component.GIVEN));
        assertEquals("山田", pn.get(Group.IDEOGRAPHIC, Component.FAMILY));
        assertEquals("太郎", pn.get(Group.IDEOGRAPHIC, Component.GIVEN));
        assertEquals("やまだ", pn.get(Group.PHONETIC, Component.FAMILY));
        assertEquals("たろう", pn.get(Group.PHONETIC, Component.GIVEN));
        assertEquals("", pn.get(Component.MIDDLE));
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", pn.toString());
        assertEquals("山田^太郎", pn.toString(Group.IDEOGRAPHIC));
    }

    @Test
    void allFiveComponents() {
        PersonName pn = PersonName.parse("Adams^John Robert Quincy^B.^Rev.^B.A. M.Div.");
        assertEquals("Adams", pn.get(Component.FAMILY));
        assertEquals("John Robert Quincy", pn.get(Component.GIVEN));
        assertEquals("B.", pn.get(Component.MIDDLE));
        assertEquals("Rev.", pn.get(Component.PREFIX));
        assertEquals("B.A. M.Div.", pn.get(Component.SUFFIX));
        assertEquals("Adams^John Robert Quincy^B.^Rev.^B.A. M.Div.", pn.toString());
    }

    @Test
    void trailingEmptyComponentsAndGroupsAreDropped() {
        assertEquals("Doe^John", PersonName.parse("Doe^John^^^").toString());
        assertEquals("Doe", PersonName.parse("Doe^^^^==").toString());
        assertEquals("Wang^XiaoDong=王^小東", PersonName.parse("Wang^XiaoDong=王^小東=").toString());
        assertEquals("=山田^太郎", PersonName.parse("=山田^太郎").toString()); // leading empty group kept
        assertEquals("^John^^Dr", PersonName.of("", "John", null, "Dr").toString());
        assertEquals(PersonName.parse("Doe^John"), PersonName.parse("Doe^John^^ ^"));
    }

    @Test
    void componentsAreTrimmedAndExtrasKept() {
        PersonName pn = PersonName.parse(" Doe ^ John ^A^B^C^D^E");
        assertEquals("Doe", pn.get(Component.FAMILY));
        assertEquals("John", pn.get(Component.GIVEN));
        assertEquals("C D E", pn.get(Component.SUFFIX));
    }

    @Test
    void emptyAndWith() {
        assertTrue(PersonName.parse("").isEmpty());
        assertTrue(PersonName.parse("^^=^").isEmpty());
        assertEquals("", PersonName.parse(null).toString());
        PersonName pn = PersonName.parse("Doe").with(Group.IDEOGRAPHIC, Component.FAMILY, "杜");
        assertEquals("Doe=杜", pn.toString());
        assertTrue(pn.contains(Group.IDEOGRAPHIC));
        assertFalse(pn.contains(Group.PHONETIC));
    }
}
