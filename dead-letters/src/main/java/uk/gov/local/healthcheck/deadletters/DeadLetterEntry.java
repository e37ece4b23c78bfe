package uk.gov.local.healthcheck.deadletters;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/** A dead letter as the admin API shows it (every field present, null when unknown or not applicable). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeadLetterEntry(long id, String consumer, String topic, int partition, long offset, String key,
                              String value, String valueBase64, String error, String errorType,
                              OffsetDateTime failedAt, String status, OffsetDateTime resolvedAt) {

    public static final String OPEN = "open";
    public static final String REPLAYED = "replayed";
    public static final String DISMISSED = "dismissed";
}
