package io.tessera.pacs.route;

import io.tessera.pacs.domain.RoutingRule;
import io.tessera.pacs.domain.RoutingRuleKey;
import java.io.Serializable;

/**
 * One entry of the automatic routing table as the console's form and the MBean see it (001 §1). Empty source AE:
 * any. Key attribute NONE: no pattern. Schedule: both window ends empty for "immediately", else "HH:mm" each (a
 * start after the end crosses midnight, e.g. 19:00–07:00).
 */
public class RoutingRuleView implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long id;
    private String sourceAe;
    private RoutingRuleKey keyAttribute = RoutingRuleKey.NONE;
    private String keyPattern;
    private String destinationAe;
    private String windowStart;
    private String windowEnd;
    private boolean autoPurge;
    private String description;

    public RoutingRuleView() {
    }

    static RoutingRuleView of(RoutingRule r) {
        RoutingRuleView v = new RoutingRuleView();
        v.id = r.getId();
        v.sourceAe = r.getSourceAe();
        v.keyAttribute = r.getKeyAttribute();
        v.keyPattern = r.getKeyPattern();
        v.destinationAe = r.getDestinationAe();
        if (r.getWindowStart() != null) {
            v.windowStart = ScheduleWindow.format(r.getWindowStart());
            v.windowEnd = ScheduleWindow.format(r.getWindowEnd());
        }
        v.autoPurge = r.isAutoPurge();
        v.description = r.getDescription();
        return v;
    }

    /** Null until saved. */
    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    /** Empty or null: any source AE. */
    public String getSourceAe() {
        return sourceAe;
    }

    public void setSourceAe(String sourceAe) {
        this.sourceAe = sourceAe;
    }

    public RoutingRuleKey getKeyAttribute() {
        return keyAttribute;
    }

    public void setKeyAttribute(RoutingRuleKey keyAttribute) {
        this.keyAttribute = keyAttribute;
    }

    /** With '*' (any characters) and '?' (one character); required unless the key attribute is NONE. */
    public String getKeyPattern() {
        return keyPattern;
    }

    public void setKeyPattern(String keyPattern) {
        this.keyPattern = keyPattern;
    }

    public String getDestinationAe() {
        return destinationAe;
    }

    public void setDestinationAe(String destinationAe) {
        this.destinationAe = destinationAe;
    }

    /** "HH:mm", or empty (with windowEnd) for immediately. */
    public String getWindowStart() {
        return windowStart;
    }

    public void setWindowStart(String windowStart) {
        this.windowStart = windowStart;
    }

    public String getWindowEnd() {
        return windowEnd;
    }

    public void setWindowEnd(String windowEnd) {
        this.windowEnd = windowEnd;
    }

    /** True when the rule routes at once (no window). */
    public boolean isImmediate() {
        return (windowStart == null || windowStart.isBlank()) && (windowEnd == null || windowEnd.isBlank());
    }

    /** "Immediately" or "19:00–07:00". */
    public String getSchedule() {
        return isImmediate() ? "Immediately" : windowStart + "\u2013" + windowEnd;
    }

    public boolean isAutoPurge() {
        return autoPurge;
    }

    public void setAutoPurge(boolean autoPurge) {
        this.autoPurge = autoPurge;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    @Override
    public String toString() {
        return "rule " + (id == null ? "(new)" : id) + ": from " + (sourceAe == null || sourceAe.isBlank() ? "any AE" : sourceAe)
                + (keyAttribute == null || keyAttribute == RoutingRuleKey.NONE ? "" : ", " + keyAttribute.label() + " matching "
                + keyPattern) + " to " + destinationAe + ", " + getSchedule() + (autoPurge ? ", auto purge" : "");
    }
}
