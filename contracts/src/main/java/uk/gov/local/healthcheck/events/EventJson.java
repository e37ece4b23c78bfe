package uk.gov.local.healthcheck.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping of events, so producer and consumer can never disagree about dates or numbers:
 * ISO-8601 timestamps, decimals kept as {@link java.math.BigDecimal} (no binary floating point on the wire).
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private EventJson() {
    }

    public static String write(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The envelope's {@code type} without parsing the payload, to route an event to its handler. */
    public static String typeOf(String json) {
        return tree(json).path("type").asText(null);
    }

    public static <T> EventEnvelope<T> read(String json, Class<T> payload) {
        JavaType type = MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, payload);
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable event: " + e.getMessage(), e);
        }
    }

    /** A record that is not an envelope, such as a {@link DeadLetter}, with the same mapping. */
    public static <T> T readRecord(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable event: " + e.getMessage(), e);
        }
    }
}
