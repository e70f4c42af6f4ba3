package io.tessera.pacs.browse;

import java.io.Serializable;

/**
 * One content item of a Structured Report, flattened for display: its depth in the content tree, relationship to its
 * parent, value type, concept name and value as text; for NUM the number and its unit; for IMAGE (and COMPOSITE) the
 * referenced SOP Instance UID, which the console links to its viewer.
 */
public class SrNode implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int depth;
    private final String relationship;
    private final String valueType;
    private final String conceptName;
    private final String value;
    private final String unit;
    private final String referencedSopInstanceUid;

    public SrNode(int depth, String relationship, String valueType, String conceptName, String value, String unit,
                  String referencedSopInstanceUid) {
        this.depth = depth;
        this.relationship = relationship;
        this.valueType = valueType;
        this.conceptName = conceptName;
        this.value = value;
        this.unit = unit;
        this.referencedSopInstanceUid = referencedSopInstanceUid;
    }

    public int getDepth() {
        return depth;
    }

    public String getRelationship() {
        return relationship;
    }

    public String getValueType() {
        return valueType;
    }

    public boolean isContainer() {
        return "CONTAINER".equals(valueType);
    }

    public String getConceptName() {
        return conceptName;
    }

    public String getValue() {
        return value;
    }

    public String getUnit() {
        return unit;
    }

    public String getReferencedSopInstanceUid() {
        return referencedSopInstanceUid;
    }
}
