package io.tessera.pacs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the automatic routing table (db V4__routing.sql; 001 §1, §3.3.5). */
@Entity
@Table(name = "routing_rule")
@NamedQuery(name = RoutingRule.ALL, query = "SELECT r FROM RoutingRule r ORDER BY r.id")
public class RoutingRule {
    public static final String ALL = "RoutingRule.all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Null: images from any AE. */
    @Column(name = "source_ae", length = 16)
    private String sourceAe;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_attribute", nullable = false, length = 32)
    private RoutingRuleKey keyAttribute;

    @Column(name = "key_pattern", length = 324)
    private String keyPattern;

    @Column(name = "destination_ae", nullable = false, length = 16)
    private String destinationAe;

    /** Minutes after midnight; both null: immediately. */
    @Column(name = "window_start")
    private Integer windowStart;

    @Column(name = "window_end")
    private Integer windowEnd;

    @Column(name = "auto_purge", nullable = false)
    private boolean autoPurge;

    @Column(length = 255)
    private String description;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public RoutingRule() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    public Long getId() {
        return id;
    }

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

    public Integer getWindowStart() {
        return windowStart;
    }

    public void setWindowStart(Integer windowStart) {
        this.windowStart = windowStart;
    }

    public Integer getWindowEnd() {
        return windowEnd;
    }

    public void setWindowEnd(Integer windowEnd) {
        this.windowEnd = windowEnd;
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void touch() {
        updatedAt = Instant.now();
    }
}
