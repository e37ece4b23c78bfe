package uk.gov.local.healthcheck.survey.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** How stored answers are written and read, and the content hash that recognises a repeated submission. */
public final class AnswersJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** Key order must not make two identical submissions look different. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private AnswersJson() {
    }

    public static String write(Map<String, ?> value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <V> Map<String, V> read(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, V>>() {
            });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A hash of what was submitted, identical for identical submissions whatever their key order.
     *
     * @param context what else distinguishes two submissions (a return's status, a response's authority)
     */
    public static String contentHash(String context, Map<String, Object> answers, Map<String, String> explanations) {
        try {
            // The canonical JSON's UTF-8 bytes, written directly (a batch hashes thousands of lines).
            byte[] canonical = CANONICAL.writeValueAsBytes(Map.of("context", context, "answers", answers, "explanations", explanations));
            return HEX.formatHex(SHA_256.get().digest(canonical));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final HexFormat HEX = HexFormat.of();
    /** One digest per thread, reused: {@code digest()} resets it. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    });
}
