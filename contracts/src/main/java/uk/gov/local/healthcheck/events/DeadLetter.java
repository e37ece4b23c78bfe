package uk.gov.local.healthcheck.events;

import java.time.OffsetDateTime;

/**
 * A record a consumer could never apply (it cannot be decoded, breaks the contract, or the database refuses its
 * content), set aside on {@code <topic>.dlq} so that the consumer can go on with the next one. The dead-letter
 * record's Kafka key is the original key; its value is this record as JSON. The original value is kept verbatim (as
 * text, or Base64 when it is not valid UTF-8) so that it can be replayed once the cause is fixed.
 *
 * @param consumer       the consuming service, e.g. {@code metrics-service}
 * @param topic          the topic the record was read from
 * @param partition      its partition
 * @param offset         its offset
 * @param key            its key (may be null)
 * @param value          its value as text, or null when {@code valueBase64} holds it
 * @param valueBase64    its value in Base64 when it was not valid UTF-8, else null
 * @param error          why it could never be applied, for a person to read
 * @param errorType      the kind of failure: {@code undecodable}, {@code invalid} or {@code unstorable}
 * @param failedAt       when it was set aside
 */
public record DeadLetter(
        String consumer,
        String topic,
        int partition,
        long offset,
        String key,
        String value,
        String valueBase64,
        String error,
        String errorType,
        OffsetDateTime failedAt) {

    /** The record could not be read as an event (not JSON, not an envelope, a field of the wrong type). */
    public static final String UNDECODABLE = "undecodable";
    /** The record was read but breaks the contract (an unknown instrument, an answer outside its options...). */
    public static final String INVALID = "invalid";
    /** The database refused what the record holds (a character it cannot store, a value out of range...). */
    public static final String UNSTORABLE = "unstorable";
}
