package uk.gov.local.healthcheck.survey.outbox;

import io.vertx.mutiny.sqlclient.Row;

/** An outbox row claimed by the relay, with what happened to it in this cycle. */
final class PendingEvent {

    private final long id;
    private final String topic;
    private final String key;
    private final String subject;
    private final String payload;
    private final String traceparent;
    private boolean published;
    private String error;

    private PendingEvent(long id, String topic, String key, String subject, String payload, String traceparent) {
        this.traceparent = traceparent;
        this.id = id;
        this.topic = topic;
        this.key = key;
        this.subject = subject;
        this.payload = payload;
    }

    static PendingEvent of(Row row) {
        return new PendingEvent(row.getLong("id"), row.getString("topic"), row.getString("message_key"),
                row.getString("subject"), row.getString("payload"), row.getString("traceparent"));
    }

    long id() {
        return id;
    }

    String topic() {
        return topic;
    }

    String key() {
        return key;
    }

    String subject() {
        return subject;
    }

    String payload() {
        return payload;
    }

    /** The W3C traceparent of the request that made the change; null for events written before V6. */
    String traceparent() {
        return traceparent;
    }

    void published() {
        published = true;
    }

    void failed(String reason) {
        error = reason;
    }

    boolean isPublished() {
        return published;
    }

    String error() {
        return error;
    }
}
