package uk.gov.local.healthcheck.metrics.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON text columns (answers, words): decimals stay BigDecimal, key order is kept. */
public final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonColumns() {
    }

    public static String write(Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON", e);
        }
    }

    public static Map<String, Object> answers(String json) {
        return read(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    public static Map<String, Integer> words(String json) {
        return read(json, new TypeReference<LinkedHashMap<String, Integer>>() { });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
