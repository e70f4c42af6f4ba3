package io.tessera.pacs.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Sequence;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SR content tree flattened for display: depths, headings, text, numbers with units, image references. */
class StructuredReportsTest {

    private static Attributes code(String value, String meaning) {
        Attributes c = new Attributes();
        c.setString(Tag.CodeValue, VR.SH, value);
        c.setString(Tag.CodingSchemeDesignator, VR.SH, "DCM");
        c.setString(Tag.CodeMeaning, VR.LO, meaning);
        return c;
    }

    private static Attributes item(String relationship, String valueType, String concept) {
        Attributes a = new Attributes();
        if (relationship != null) {
            a.setString(Tag.RelationshipType, VR.CS, relationship);
        }
        a.setString(Tag.ValueType, VR.CS, valueType);
        a.newSequence(Tag.ConceptNameCodeSequence, 1).add(code("x", concept));
        return a;
    }

    @Test
    void aReportIsFlattenedInDocumentOrder() {
        Attributes root = item(null, "CONTAINER", "Report");
        Sequence content = root.newSequence(Tag.ContentSequence, 3);
        Attributes text = item("CONTAINS", "TEXT", "Finding");
        text.setString(Tag.TextValue, VR.UT, "Normal.");
        content.add(text);
        Attributes num = item("CONTAINS", "NUM", "Length");
        Attributes mv = new Attributes();
        mv.setString(Tag.NumericValue, VR.DS, "12.5");
        mv.newSequence(Tag.MeasurementUnitsCodeSequence, 1).add(code("mm", "millimeter"));
        num.newSequence(Tag.MeasuredValueSequence, 1).add(mv);
        content.add(num);
        Attributes image = item("SELECTED FROM", "IMAGE", "Source");
        Attributes ref = new Attributes();
        ref.setString(Tag.ReferencedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.3.4");
        image.newSequence(Tag.ReferencedSOPSequence, 1).add(ref);
        num.newSequence(Tag.ContentSequence, 1).add(image);

        List<SrNode> nodes = StructuredReports.of(root);
        assertEquals(4, nodes.size());
        assertEquals("Report", nodes.get(0).getConceptName());
        assertEquals(0, nodes.get(0).getDepth());
        assertEquals("Normal.", nodes.get(1).getValue());
        assertEquals("12.5", nodes.get(2).getValue());
        assertEquals("mm", nodes.get(2).getUnit());
        assertEquals(2, nodes.get(3).getDepth());
        assertEquals("1.2.3.4", nodes.get(3).getReferencedSopInstanceUid());
        assertNull(nodes.get(1).getUnit());
    }
}
