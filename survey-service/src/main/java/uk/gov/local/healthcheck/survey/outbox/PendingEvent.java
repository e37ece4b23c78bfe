package uk.gov.local.healthcheck.survey.outbox;

import io.vertx.mutiny.sqlclient.Row;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.RequiredArgsConstructor;

/** An outbox row claimed by the relay, with what happened to it in this cycle. */
@Getter(AccessLevel.PACKAGE)
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class PendingEvent {

    private final long id;
    private final String topic;
    private final String key;
    private final String subject;
    private final String payload;
    /** The W3C traceparent of the request that made the change; null for events written before V6. */
    private final String traceparent;
    private boolean published;
    private String error;

    static PendingEvent of(Row row) {
        return new PendingEvent(row.getLong("id"), row.getString("topic"), row.getString("message_key"),
                row.getString("subject"), row.getString("payload"), row.getString("traceparent"));
    }

    void markPublished() {
        published = true;
    }

    void markFailed(String reason) {
        error = reason;
    }
}
