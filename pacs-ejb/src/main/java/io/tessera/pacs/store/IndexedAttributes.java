package io.tessera.pacs.store;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.text.MatchKey;
import io.tessera.pacs.domain.Instance;
import io.tessera.pacs.domain.Patient;
import io.tessera.pacs.domain.Series;
import io.tessera.pacs.domain.Study;

/**
 * Copies the attributes the index keeps (001 Tables 27/28 and the console's) from a received data set onto the
 * entities, cut to their column widths so that a long value never fails a store.
 */
final class IndexedAttributes {

    private IndexedAttributes() {
    }

    static String patientId(Attributes ds) {
        String id = cut(ds.getString(Tag.PatientID), 64);
        return id == null ? "" : id;
    }

    static String issuer(Attributes ds) {
        String issuer = cut(ds.getString(Tag.IssuerOfPatientID), 64);
        return issuer == null ? "" : issuer;
    }

    static String patientName(Attributes ds) {
        return cut(ds.getString(Tag.PatientName), 324);
    }

    static void toPatient(Attributes ds, Patient p) {
        p.setPatientName(patientName(ds));
        p.setNameKeys(nameKeys(p.getPatientName()));
        p.setBirthDate(cut(ds.getString(Tag.PatientBirthDate), 8));
        p.setBirthTime(cut(ds.getString(Tag.PatientBirthTime), 16));
        p.setSex(cut(ds.getString(Tag.PatientSex), 16));
        p.touch();
    }

    static void toStudy(Attributes ds, Study s) {
        s.setStudyDate(cut(ds.getString(Tag.StudyDate), 8));
        s.setStudyTime(cut(ds.getString(Tag.StudyTime), 16));
        s.setAccessionNumber(cut(ds.getString(Tag.AccessionNumber), 16));
        s.setReferringPhysicianName(cut(ds.getString(Tag.ReferringPhysicianName), 324));
        s.setStudyDescription(cut(ds.getString(Tag.StudyDescription), 64));
        s.setStudyId(cut(ds.getString(Tag.StudyID), 16));
        s.setPatientAge(cut(ds.getString(Tag.PatientAge), 4));
        s.setPatientSize(cut(ds.getString(Tag.PatientSize), 16));
        s.setPatientWeight(cut(ds.getString(Tag.PatientWeight), 16));
        String[] charset = ds.getStrings(Tag.SpecificCharacterSet);
        s.setSpecificCharacterSet(charset == null || charset.length == 0 ? null : cut(String.join("\\", charset), 128));
        s.touch();
    }

    static void toSeries(Attributes ds, Series s) {
        s.setModality(cut(ds.getString(Tag.Modality), 16));
        s.setSeriesNumber(integer(ds, Tag.SeriesNumber));
        s.setSeriesDate(cut(ds.getString(Tag.SeriesDate), 8));
        s.setSeriesTime(cut(ds.getString(Tag.SeriesTime), 16));
        s.setBodyPartExamined(cut(ds.getString(Tag.BodyPartExamined), 16));
        s.setSeriesDescription(cut(ds.getString(Tag.SeriesDescription), 64));
        s.touch();
    }

    static void toInstance(Attributes ds, Instance i) {
        i.setInstanceNumber(integer(ds, Tag.InstanceNumber));
        i.setInstanceCreationDate(cut(ds.getString(Tag.InstanceCreationDate), 8));
        i.setInstanceCreationTime(cut(ds.getString(Tag.InstanceCreationTime), 16));
        i.setSamplesPerPixel(integer(ds, Tag.SamplesPerPixel));
        i.setRows(integer(ds, Tag.Rows));
        i.setColumns(integer(ds, Tag.Columns));
        i.setBitsAllocated(integer(ds, Tag.BitsAllocated));
        i.setBitsStored(integer(ds, Tag.BitsStored));
        i.setPixelRepresentation(integer(ds, Tag.PixelRepresentation));
        i.setNumberOfFrames(integer(ds, Tag.NumberOfFrames));
        i.setOverlayNumber(integer(ds, Tag.OverlayNumber));
        i.setCurveNumber(integer(ds, Tag.CurveNumber));
        i.setLutNumber(integer(ds, Tag.LUTNumber));
    }

    /**
     * The name's component groups as C-FIND searches them (db V5): normalized and case-folded as
     * {@link MatchKey#personNameIndexKeys} says, each cut to its column.
     */
    static String[] nameKeys(String patientName) {
        String[] keys = MatchKey.personNameIndexKeys(patientName);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = cut(keys[i], 324);
        }
        return keys;
    }

    /** An IS or US value, or null when absent or not a number (a bad optional value never fails a store). */
    private static Integer integer(Attributes ds, int tag) {
        if (!ds.contains(tag)) {
            return null;
        }
        try {
            int v = ds.getInt(tag, Integer.MIN_VALUE);
            return v == Integer.MIN_VALUE ? null : v;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        return t.length() <= max ? t : t.substring(0, max);
    }
}
