package io.tessera.pacs.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import io.tessera.dicom.net.dimse.Status;
import io.tessera.dicom.text.MatchKey;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SQL a C-FIND identifier becomes, and the responses built from rows (the server test is QueryIT). */
class FindQueryTest {

    private static FindQuery parse(Attributes keys, InformationModel model) throws FindQuery.IdentifierException {
        return FindQuery.parse(keys, model, false, MatchKey.CaseRule.INSENSITIVE, "TESSERA");
    }

    private static Attributes keys(String level) {
        Attributes a = new Attributes();
        if (level != null) {
            a.setString(Tag.QueryRetrieveLevel, VR.CS, level);
        }
        return a;
    }

    @Test
    void everyValueIsBoundNeverConcatenated() throws Exception {
        Attributes k = keys("STUDY");
        k.setString(Tag.PatientName, VR.PN, "o'Brien*");
        k.setString(Tag.StudyDate, VR.DA, "20240101-20240630");
        k.setString(Tag.ModalitiesInStudy, VR.CS, "XMOD", "M?");
        k.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3", "1.2.4");
        k.setString(Tag.AccessionNumber, VR.SH, "A_1%");
        k.setNull(Tag.NumberOfStudyRelatedInstances, VR.IS);
        FindQuery q = parse(k, InformationModel.STUDY_ROOT);
        String sql = q.sql();
        for (String v : new String[] {"Brien", "2024", "XMOD", "1.2.3", "A_1"}) {
            assertFalse(sql.contains(v), v + " in " + sql);
        }
        assertTrue(sql.contains("FROM study st JOIN patient p ON p.id = st.patient_fk"), sql);
        assertTrue(sql.contains("p.name_key_alphabetic LIKE ? ESCAPE '\\'"), sql);
        assertTrue(sql.contains(" UNION ALL SELECT "), "a branch per group of Patient's Name: " + sql);
        assertTrue(sql.contains("st.study_date >= ?") && sql.contains("st.study_date <= ?"), sql);
        assertTrue(sql.contains("st.study_instance_uid IN (?, ?)"), sql);
        assertTrue(sql.contains("st.accession_number = ?"), sql);
        assertTrue(sql.contains("EXISTS (SELECT 1 FROM series m WHERE m.study_fk = st.id AND (m.modality = ? OR m.modality LIKE ? ESCAPE '\\'))"), sql);
        assertTrue(sql.contains("st.num_instances"), sql);
        List<Object> p = q.parameters();
        assertTrue(p.contains("O'BRIEN%"), p.toString());
        assertEquals(3 * 7 + 1 + 2 + 3, p.size(), "the other keys' 7 values in each of the 3 branches: " + p);
        assertTrue(p.containsAll(List.of("20240101", "20240630", "1.2.3", "1.2.4", "A_1%", "XMOD", "M_")), p.toString());
        assertEquals(Status.PENDING, q.pendingStatus());
    }

    @Test
    void keysBelowTheLevelAreIgnoredAndUnsupportedOnesGiveFF01() throws Exception {
        Attributes k = keys("PATIENT");
        k.setString(Tag.PatientID, VR.LO, "P1");
        k.setString(Tag.StudyDate, VR.DA, "20240101");
        k.setString(Tag.Modality, VR.CS, "CT");
        FindQuery q = parse(k, InformationModel.PATIENT_ROOT);
        assertEquals("SELECT p.patient_id FROM patient p WHERE p.patient_id = ?", q.sql());
        assertEquals(Status.PENDING, q.pendingStatus());
        k.setString(Tag.OtherPatientIDs, VR.LO, "X");
        assertEquals(Status.PENDING_WARNING, parse(k, InformationModel.PATIENT_ROOT).pendingStatus());
    }

    @Test
    void identifiersThatFitNoLevelAreA900() {
        for (var c : List.of(Map.entry(InformationModel.STUDY_ROOT, "PATIENT"),
                Map.entry(InformationModel.PATIENT_STUDY_ONLY, "SERIES"), Map.entry(InformationModel.PATIENT_ROOT, "FRAME"))) {
            FindQuery.IdentifierException e = assertThrows(FindQuery.IdentifierException.class,
                    () -> parse(keys(c.getValue()), c.getKey()));
            assertEquals(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, e.status());
        }
        assertThrows(FindQuery.IdentifierException.class, () -> parse(keys(null), InformationModel.STUDY_ROOT));
        Attributes bad = keys("STUDY");
        bad.setString(Tag.StudyDate, VR.DA, "2024-13-45");
        assertThrows(FindQuery.IdentifierException.class, () -> parse(bad, InformationModel.STUDY_ROOT));
    }

    /** A one-row ResultSet over the values in select-list order. */
    private static ResultSet row(Object... values) {
        boolean[] wasNull = {false};
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getString" -> {
                        Object v = values[(Integer) args[0] - 1];
                        wasNull[0] = v == null;
                        yield v == null ? null : v.toString();
                    }
                    case "getInt" -> {
                        Object v = values[(Integer) args[0] - 1];
                        wasNull[0] = v == null;
                        yield v == null ? 0 : (Integer) v;
                    }
                    case "wasNull" -> wasNull[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void responsesAreInTheQueryCharacterSetWhenItCanElseUtf8() throws Exception {
        Attributes k = keys("PATIENT");
        k.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        k.setString(Tag.PatientName, VR.PN, "m*");
        FindQuery q = parse(k, InformationModel.PATIENT_ROOT);
        assertEquals("SELECT p.patient_name, p.patient_id FROM patient p WHERE p.name_key_alphabetic LIKE ? ESCAPE '\\'"
                + " UNION ALL SELECT p.patient_name, p.patient_id FROM patient p WHERE p.name_key_ideographic LIKE ? ESCAPE '\\'"
                + " AND COALESCE(p.name_key_alphabetic, '') NOT LIKE ? ESCAPE '\\'"
                + " UNION ALL SELECT p.patient_name, p.patient_id FROM patient p WHERE p.name_key_phonetic LIKE ? ESCAPE '\\'"
                + " AND COALESCE(p.name_key_alphabetic, '') NOT LIKE ? ESCAPE '\\'"
                + " AND COALESCE(p.name_key_ideographic, '') NOT LIKE ? ESCAPE '\\'", q.sql(),
                "a one-group key matches any stored group: a branch per group, none returning a name twice");
        Attributes latin1 = q.response(row("Müller^Jürgen", "P1"));
        assertEquals("ISO_IR 100", latin1.getString(Tag.SpecificCharacterSet));
        FindQuery umlaut = parse(umlautKey(), InformationModel.PATIENT_ROOT);
        assertEquals(java.util.Collections.nCopies(6, "MÜLLER^JÜ%"), umlaut.parameters(),
                "the folded prefix before the first wild card, on each group's index key (db V5)");
        assertTrue(umlaut.response(row("Müller^Jürgen", "P1")) != null);
        assertNull(umlaut.response(row("Mahler^Jens", "P1")));
        assertEquals("Müller^Jürgen", latin1.getString(Tag.PatientName));
        assertEquals("PATIENT", latin1.getString(Tag.QueryRetrieveLevel));
        assertEquals("TESSERA", latin1.getString(Tag.RetrieveAETitle));
        Attributes utf8 = q.response(row("Müller^Jürgen=王^小東", "P2"));
        assertEquals("ISO_IR 192", utf8.getString(Tag.SpecificCharacterSet));
        assertEquals("Müller^Jürgen=王^小東", utf8.getString(Tag.PatientName));
        assertNull(q.response(row("Xavier^M", "P3")), "the SQL superset is decided by MatchKey: no group starts with M");
    }

    private static Attributes umlautKey() {
        Attributes k = keys("PATIENT");
        k.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        k.setString(Tag.PatientName, VR.PN, "MÜLLER^JÜ*");
        return k;
    }

    @Test
    void counts() throws Exception {
        Attributes k = keys("SERIES");
        k.setNull(Tag.NumberOfSeriesRelatedInstances, VR.IS);
        k.setNull(Tag.Rows, VR.US);
        FindQuery q = parse(k, InformationModel.STUDY_ROOT);
        assertEquals("SELECT st.study_instance_uid, se.series_instance_uid, se.num_instances FROM series se"
                + " JOIN study st ON st.id = se.study_fk JOIN patient p ON p.id = st.patient_fk", q.sql());
        Attributes rsp = q.response(row("1.2", "1.2.3", 12));
        assertEquals(12, rsp.getInt(Tag.NumberOfSeriesRelatedInstances, -1));
        assertFalse(rsp.contains(Tag.Rows), "below the level: not returned");
    }

    @Test
    void combinedDateTimeWhenNegotiatedIsOnePeriodElseTwoKeys() throws Exception {
        Attributes k = keys("STUDY");
        k.setString(Tag.StudyDate, VR.DA, "20240105-20240107");
        k.setString(Tag.StudyTime, VR.TM, "1000-1800");
        FindQuery combined = FindQuery.parse(k, InformationModel.STUDY_ROOT, true, MatchKey.CaseRule.INSENSITIVE, "TESSERA");
        // the days in SQL, the times per row: 2024-01-06 at 07:00 is inside the period 01-05 10:00 to 01-07 18:00
        assertEquals(List.of("20240105", "20240107"), combined.parameters());
        assertEquals("SELECT st.study_instance_uid, st.study_date, st.study_time FROM study st LEFT JOIN patient p"
                + " ON p.id = st.patient_fk WHERE st.study_date >= ? AND st.study_date <= ?", combined.sql(),
                "no patient key: the study table leads");
        assertTrue(combined.response(row("1.2", "20240106", "070000")) != null);
        assertNull(combined.response(row("1.2", "20240105", "070000")));
        FindQuery separate = parse(k, InformationModel.STUDY_ROOT);
        assertNull(separate.response(row("1.2", "20240106", "070000")), "without the negotiation: each day 10:00 to 18:00");
        assertTrue(separate.response(row("1.2", "20240106", "120000")) != null);
    }

    @Test
    void patientNameUsesTheIndexedGroupKeysAndMatchKeyDecides() throws Exception {
        Attributes k = keys("STUDY");
        k.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        k.setString(Tag.PatientName, VR.PN, "doe^j*=山田*");
        FindQuery q = parse(k, InformationModel.STUDY_ROOT);
        assertEquals("SELECT p.patient_name, st.study_instance_uid FROM study st JOIN patient p ON p.id = st.patient_fk"
                + " WHERE p.name_key_alphabetic LIKE ? ESCAPE '\\' AND p.name_key_ideographic LIKE ? ESCAPE '\\'", q.sql(),
                "several key groups: each on the stored group in its position");
        assertEquals(List.of("DOE^J%", "山田%"), q.parameters());
        assertTrue(q.response(row("Doe^Jane=山田^花子", "1.2")) != null);
        assertNull(q.response(row("Doe^Jane=川田^花子", "1.2")));

        Attributes suffix = keys("PATIENT");
        suffix.setString(Tag.PatientName, VR.PN, "*son");
        assertEquals("SELECT p.patient_name, p.patient_id FROM patient p WHERE UPPER(p.patient_name) LIKE ? ESCAPE '\\'",
                parse(suffix, InformationModel.PATIENT_ROOT).sql(), "no prefix: the substring superset as before");

        Attributes percent = keys("PATIENT");
        percent.setString(Tag.PatientName, VR.PN, "50%_x^?a*");
        assertEquals(java.util.Collections.nCopies(6, "50\\%\\_X%"),
                parse(percent, InformationModel.PATIENT_ROOT).parameters(), "LIKE characters escaped, prefix up to the \"?\"");

        Attributes day = keys("STUDY");
        day.setString(Tag.StudyDate, VR.DA, "20240105");
        assertTrue(parse(day, InformationModel.STUDY_ROOT).sql().endsWith("WHERE st.study_date = ?"), "one day: \"=\"");
    }
}
