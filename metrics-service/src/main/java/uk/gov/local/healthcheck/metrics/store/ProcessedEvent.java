package uk.gov.local.healthcheck.metrics.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    public String eventId;

    public String eventType;
    public String roundId;
    public String authorityCode;
    public int revision;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public Instant processedAt;
}
