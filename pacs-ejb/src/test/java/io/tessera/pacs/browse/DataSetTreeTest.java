package io.tessera.pacs.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tessera.dicom.data.Attributes;
import io.tessera.dicom.data.Tag;
import io.tessera.dicom.data.VR;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The attribute tree: tags, keywords, VRs, decoded strings, first numbers of binary values, long text cut, items. */
class DataSetTreeTest {

    @Test
    void elementsSequencesAndValuesAreShownAsText() {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3");
        ds.setString(Tag.PatientName, VR.PN, "Doe^John");
        ds.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY");
        ds.setInt(Tag.Rows, VR.US, 512);
        ds.setInt(Tag.LUTDescriptor, VR.US, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        ds.setString(Tag.StudyDescription, VR.LO, "x".repeat(300));
        Attributes ref = new Attributes();
        ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, "1.2.4");
        ds.newSequence(Tag.ReferencedImageSequence, 1).add(ref);

        List<DataSetNode> nodes = DataSetTree.elements(ds);
        DataSetNode name = find(nodes, "PatientName");
        assertEquals("(0010,0010)", name.getTag());
        assertEquals("PN", name.getVr());
        assertEquals("Doe^John", name.getValue());
        assertEquals("ORIGINAL\\PRIMARY", find(nodes, "ImageType").getValue());
        assertEquals("512", find(nodes, "Rows").getValue());
        assertEquals("1\\2\\3\\4\\5\\6\\7\\8\\… (10 values)", find(nodes, "LUTDescriptor").getValue());
        String longText = find(nodes, "StudyDescription").getValue();
        assertEquals(201, longText.length());
        assertTrue(longText.endsWith("…"));

        DataSetNode seq = find(nodes, "ReferencedImageSequence");
        assertEquals("SQ", seq.getVr());
        assertEquals("1 item", seq.getValue());
        DataSetNode item = seq.getChildren().get(0);
        assertEquals("Item 1", item.getKeyword());
        assertEquals("1.2.4", find(item.getChildren(), "ReferencedSOPInstanceUID").getValue());
    }

    private static DataSetNode find(List<DataSetNode> nodes, String keyword) {
        return nodes.stream().filter(n -> n.getKeyword().equals(keyword)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + keyword + " in " + nodes.stream().map(DataSetNode::getKeyword).toList()));
    }
}
