package io.tessera.pacs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A decision of the store service worth keeping beside the log: duplicates, patient-ID conflicts, reconciliation. */
@Entity
@Table(name = "store_event")
public class StoreEvent {

    /** What happened. */
    public enum Kind {
        DUPLICATE_KEPT, DUPLICATE_REPLACED, DUPLICATE_IDENTICAL, PATIENT_ID_CONFLICT_ACCEPTED,
        PATIENT_ID_CONFLICT_REFUSED, RECONCILED_REINDEXED, RECONCILED_DELETED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Kind kind;

    @Column(name = "source_ae", length = 16)
    private String sourceAe;

    @Column(name = "sop_instance_uid", length = 64)
    private String sopInstanceUid;

    @Column(length = 1024)
    private String detail;

    protected StoreEvent() {
    }

    public StoreEvent(Kind kind, String sourceAe, String sopInstanceUid, String detail) {
        this.occurredAt = Instant.now();
        this.kind = kind;
        this.sourceAe = sourceAe;
        this.sopInstanceUid = sopInstanceUid;
        this.detail = detail == null || detail.length() <= 1024 ? detail : detail.substring(0, 1024);
    }

    public Kind getKind() {
        return kind;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
