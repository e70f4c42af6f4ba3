package io.tessera.pacs.browse;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Sequence;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.io.DicomInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The content tree of a Basic Text, Enhanced or Comprehensive SR (PS3.3 C.17.3) as a flat list of {@link SrNode}s in
 * document order: the root container, then each item after its parent with its depth. Values as people read them:
 * codes by their meaning, numbers with their unit's code value (UCUM), dates and times as stored.
 */
public final class StructuredReports {
    /** Deeper trees are cut here: a malicious or broken file must not exhaust the stack. */
    private static final int MAX_DEPTH = 50;

    private StructuredReports() {
    }

    public static boolean isStructuredReport(String sopClassUid) {
        return sopClassUid != null && sopClassUid.startsWith("1.2.840.10008.5.1.4.1.1.88.");
    }

    public static List<SrNode> read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
             DicomInputStream dis = new DicomInputStream(in)) {
            return of(dis.readDataset());
        }
    }

    public static List<SrNode> of(Attributes ds) {
        List<SrNode> out = new ArrayList<>();
        add(ds, 0, out);
        return out;
    }

    private static void add(Attributes item, int depth, List<SrNode> out) {
        String valueType = item.getString(Tag.ValueType);
        String unit = null;
        String referenced = null;
        String value;
        switch (valueType == null ? "" : valueType) {
            case "TEXT" -> value = item.getString(Tag.TextValue);
            case "CODE" -> value = meaning(first(item.getSequence(Tag.ConceptCodeSequence)));
            case "NUM" -> {
                Attributes mv = first(item.getSequence(Tag.MeasuredValueSequence));
                value = mv == null ? null : mv.getString(Tag.NumericValue);
                Attributes u = mv == null ? null : first(mv.getSequence(Tag.MeasurementUnitsCodeSequence));
                unit = u == null ? null : u.getString(Tag.CodeValue, u.getString(Tag.CodeMeaning));
            }
            case "DATETIME" -> value = item.getString(Tag.DateTime);
            case "DATE" -> value = BrowseText.date(item.getString(Tag.Date));
            case "TIME" -> value = item.getString(Tag.Time);
            case "PNAME" -> value = BrowseText.personName(item.getString(Tag.PersonName));
            case "UIDREF" -> value = item.getString(Tag.UID);
            case "IMAGE", "COMPOSITE", "WAVEFORM" -> {
                Attributes ref = first(item.getSequence(Tag.ReferencedSOPSequence));
                referenced = ref == null ? null : ref.getString(Tag.ReferencedSOPInstanceUID);
                value = referenced;
            }
            case "SCOORD", "SCOORD3D" -> value = item.getString(Tag.GraphicType);
            default -> value = null;
        }
        out.add(new SrNode(depth, item.getString(Tag.RelationshipType), valueType,
                meaning(first(item.getSequence(Tag.ConceptNameCodeSequence))), value, unit, referenced));
        Sequence children = item.getSequence(Tag.ContentSequence);
        if (children != null && depth < MAX_DEPTH) {
            for (Attributes child : children) {
                add(child, depth + 1, out);
            }
        }
    }

    private static String meaning(Attributes code) {
        return code == null ? null : code.getString(Tag.CodeMeaning, code.getString(Tag.CodeValue));
    }

    private static Attributes first(Sequence s) {
        return s == null || s.isEmpty() ? null : s.get(0);
    }
}
