package io.tessera.pacs.route;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.pacs.InvalidRequestException;
import io.tessera.pacs.domain.RoutingRuleKey;
import org.junit.jupiter.api.Test;

class RoutingPatternTest {

    @Test
    void patientIdPatternsWithStarAndQuestionMark() {
        RoutingPattern ct = RoutingPattern.of(RoutingRuleKey.PATIENT_ID, "CT*");
        assertTrue(ct.matches("CT"));
        assertTrue(ct.matches("CT12345"));
        assertFalse(ct.matches("XCT1"));
        assertFalse(ct.matches("ct123"), "Patient ID (LO) matches with case");
        assertFalse(ct.matches(null));
        assertFalse(ct.matches(""));

        RoutingPattern q = RoutingPattern.of(RoutingRuleKey.PATIENT_ID, "?123*");
        assertTrue(q.matches("A123"));
        assertTrue(q.matches("B1234567"));
        assertFalse(q.matches("123"));
        assertFalse(q.matches("AB123"));

        RoutingPattern exact = RoutingPattern.of(RoutingRuleKey.PATIENT_ID, "PID-7");
        assertTrue(exact.matches("PID-7"));
        assertFalse(exact.matches("PID-77"));
    }

    @Test
    void referringPhysicianPatternsIgnoreCaseAndMatchPerComponentGroup() {
        RoutingPattern p = RoutingPattern.of(RoutingRuleKey.REFERRING_PHYSICIAN_NAME, "SMITH^*");
        assertTrue(p.matches("Smith^John"));
        assertTrue(p.matches("SMITH^JANE^^DR"));
        assertFalse(p.matches("Smithers^John"));
        assertFalse(p.matches("Jones^Smith"));
        assertTrue(RoutingPattern.of(RoutingRuleKey.REFERRING_PHYSICIAN_NAME, "*WHO*").matches("Dr Who^"));
    }

    @Test
    void noKeyAttributeMatchesEverything() {
        assertTrue(RoutingPattern.of(RoutingRuleKey.NONE, "").matches(null));
        assertTrue(RoutingPattern.of(null, null).matches("anything"));
    }

    @Test
    void malformedPatternsAreRefusedWithTheReason() {
        assertTrue(assertThrows(InvalidRequestException.class, () -> RoutingPattern.of(RoutingRuleKey.PATIENT_ID, "CT\\1"))
                .getMessage().contains("malformed"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> RoutingPattern.of(RoutingRuleKey.PATIENT_ID, " "))
                .getMessage().contains("Give a pattern"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> RoutingPattern.of(RoutingRuleKey.PATIENT_ID, "X".repeat(65)))
                .getMessage().contains("at most 64"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> RoutingPattern.of(RoutingRuleKey.NONE, "CT*"))
                .getMessage().contains("needs a key attribute"));
        assertTrue(assertThrows(InvalidRequestException.class,
                () -> RoutingPattern.of(RoutingRuleKey.REFERRING_PHYSICIAN_NAME, "A=B=C=D")).getMessage().contains("malformed"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> RoutingPattern.of(RoutingRuleKey.PATIENT_ID, "CT\t*"))
                .getMessage().contains("control character"));
    }

    @Test
    void aRuleMatchesItsSourceAeWithoutRegardToCaseAndThenItsPattern() {
        RoutingTable.CompiledRule r = new RoutingTable.CompiledRule(1, "MODALITY",
                RoutingPattern.of(RoutingRuleKey.PATIENT_ID, "CT*"), "DEST", null, false);
        assertTrue(r.matches("modality", "CT1", null));
        assertFalse(r.matches("OTHER", "CT1", null));
        assertFalse(r.matches(null, "CT1", null));
        assertFalse(r.matches("MODALITY", "MR1", null));
        RoutingTable.CompiledRule any = new RoutingTable.CompiledRule(2, null,
                RoutingPattern.of(RoutingRuleKey.REFERRING_PHYSICIAN_NAME, "House*"), "DEST", null, false);
        assertTrue(any.matches("X", "1", "HOUSE^GREGORY"));
        assertFalse(any.matches("X", "1", "Wilson^James"));
    }

    @Test
    void aRuleThatCannotMatchIsKnownBeforeTheInstanceIsRead() {
        RoutingTable.CompiledRule byPatient = new RoutingTable.CompiledRule(1, "CT_1",
                RoutingPattern.of(RoutingRuleKey.PATIENT_ID, "CT*"), "ARCHIVE", null, false);
        assertTrue(byPatient.mayMatch("ct_1 ", "CT77"));
        assertFalse(byPatient.mayMatch("MR_1", "CT77"), "another source AE");
        assertFalse(byPatient.mayMatch("CT_1", "MR77"), "another Patient ID");

        // the Referring Physician's Name that counts is the study's in the index: only the source AE decides here
        RoutingTable.CompiledRule byPhysician = new RoutingTable.CompiledRule(2, null,
                RoutingPattern.of(RoutingRuleKey.REFERRING_PHYSICIAN_NAME, "SMITH*"), "ARCHIVE", null, false);
        assertTrue(byPhysician.mayMatch("ANY", "X"));
        assertTrue(new RoutingTable.CompiledRule(3, "CT_1", RoutingPattern.of(RoutingRuleKey.NONE, ""), "ARCHIVE", null,
                false).mayMatch("CT_1", null));
    }
}
