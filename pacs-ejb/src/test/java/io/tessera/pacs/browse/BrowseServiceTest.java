package io.tessera.pacs.browse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.pacs.InvalidRequestException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.jboss.ejb3.annotation.SecurityDomain;
import org.junit.jupiter.api.Test;

/** The browser's privileges as the container enforces them, and its text helpers. */
class BrowseServiceTest {

    @Test
    void deletingTakesUpdateOrAdminAndEverythingElseSomeConsolePrivilege() throws Exception {
        assertEquals("tessera", BrowseService.class.getAnnotation(SecurityDomain.class).value());
        assertEquals(List.of("VIEW", "FORWARD", "MODIFY", "PRINT", "UPDATE", "ADMIN"),
                List.of(BrowseService.class.getAnnotation(RolesAllowed.class).value()));
        for (String delete : List.of("deleteSeries", "deleteStudy")) {
            Method m = BrowseService.class.getMethod(delete, String.class);
            assertArrayEquals(new String[] {"UPDATE", "ADMIN"}, m.getAnnotation(RolesAllowed.class).value(), delete);
        }
        for (Method m : BrowseService.class.getDeclaredMethods()) {
            assertNull(m.getAnnotation(PermitAll.class), m.getName());
        }
        assertNull(BrowseService.class.getAnnotation(PermitAll.class));
        long publicMethods = Arrays.stream(BrowseService.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).count();
        assertTrue(publicMethods >= 10, "the class-level roles cover the viewing methods");
    }

    @Test
    void patientNameWildcardsBecomeAnUpperCaseLikePattern() {
        assertEquals("DO_E%", BrowseText.namePattern("do?e*"));
        assertEquals("MÜ%", BrowseText.namePattern("mü*"));
        assertEquals("DOE%", BrowseText.namePattern("Doe"), "no wildcard: a prefix");
        assertEquals("A\\%B\\_%", BrowseText.namePattern("a%b_*"), "LIKE's own wildcards are literal");
    }

    @Test
    void namesAndDatesForPeople() {
        assertEquals("Doe, John", BrowseText.personName("Doe^John"));
        assertEquals("Wang, XiaoDong (王 小東)", BrowseText.personName("Wang^XiaoDong=王^小東"));
        assertEquals("2023-06-15", BrowseText.date("20230615"));
        assertEquals("20230615", BrowseText.dateFilter("2023-06-15", "x"));
        assertNull(BrowseText.dateFilter(" ", "x"));
        assertThrows(InvalidRequestException.class, () -> BrowseText.dateFilter("last week", "The first study date"));
    }
}
