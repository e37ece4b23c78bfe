package uk.gov.local.healthcheck.survey.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.events.EventEnvelope;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.survey.observability.Traceparent;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Appends an event to the outbox. Must be called inside the transaction that makes the change, so the event exists
 * if and only if the change was committed; {@link OutboxRelay} publishes it afterwards, at once when the writer says
 * it has {@link #committed}.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class OutboxWriter {

    static final String SOURCE = "/survey-service";

    private final OutboxRelay relay;

    /**
     * Called once a transaction that appended events has committed: the relay publishes them now instead of at its
     * next poll (a second later). Called after a transaction that appended nothing, it costs one empty drain.
     */
    public void committed() {
        relay.nudge();
    }

    public Uni<OutboxEvent> append(String topic, String key, String type, String subject, OffsetDateTime time, Object data) {
        return event(topic, key, type, subject, time, data).persist();
    }

    /** The outbox row for an event, for a caller that persists many rows together. */
    public OutboxEvent event(String topic, String key, String type, String subject, OffsetDateTime time, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.messageKey = key;
        event.eventType = type;
        event.subject = subject;
        event.payload = EventJson.write(EventEnvelope.of(event.eventId.toString(), SOURCE, type, time, subject, data));
        event.createdAt = time;
        event.traceparent = Traceparent.current();
        return event;
    }
}
