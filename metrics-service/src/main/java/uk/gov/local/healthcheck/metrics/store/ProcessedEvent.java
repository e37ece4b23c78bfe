package uk.gov.local.healthcheck.metrics.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An incoming event that has been handled, written in the same transaction as its effect (the idempotency key). */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    /** What an event did, kept for diagnosis. */
    public enum Outcome {
        APPLIED,
        STALE
    }

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "round_id")
    public String roundId;

    @Column(name = "authority_code")
    public String authorityCode;

    public int revision;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "processed_at")
    public Instant processedAt;
}
