package uk.gov.local.healthcheck.survey.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event waiting to be (or already) published; written in the same transaction as the change it announces. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Publication order: the relay publishes strictly by id. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_seq")
    @SequenceGenerator(name = "outbox_event_seq", sequenceName = "outbox_event_seq", allocationSize = 50)
    public Long id;
    public UUID eventId;
    public String topic;
    public String messageKey;
    /** What the event is about, e.g. rounds/workforce-2024/returns/E10000031: the unit of ordering. */
    public String subject;
    public String eventType;
    /** The whole CloudEvents envelope, as published. */
    public String payload;
    public OffsetDateTime createdAt;
    public OffsetDateTime publishedAt;
    public int attempts;
    public String lastError;
    /** The W3C traceparent of the request that made the change, sent as the Kafka header {@code traceparent}. */
    public String traceparent;
}
