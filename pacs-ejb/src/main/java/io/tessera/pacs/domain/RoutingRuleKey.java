package io.tessera.pacs.domain;

/**
 * The key attribute of a routing rule (001 §1, Automatic Image Routing Table: "only the Patient ID (0010,0020) and
 * Referring Physician's Name (0008,0090) key tags are supported"), or none: every image from the source AE.
 */
public enum RoutingRuleKey {
    NONE("(none)"),
    PATIENT_ID("Patient ID (0010,0020)"),
    REFERRING_PHYSICIAN_NAME("Referring Physician's Name (0008,0090)");

    private final String label;

    RoutingRuleKey(String label) {
        this.label = label;
    }

    /** How the console and the MBean name it. */
    public String label() {
        return label;
    }
}
