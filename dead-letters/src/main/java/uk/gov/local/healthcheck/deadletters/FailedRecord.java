package uk.gov.local.healthcheck.deadletters;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A consumed record as it was read: where it came from, its key, its value's bytes and its headers. What is set aside
 * when it can never be applied, and what a replay hands back to the service.
 */
public record FailedRecord(String topic, int partition, long offset, String key, byte[] value,
                           Map<String, byte[]> headers) {

    public FailedRecord {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> copy.put(k, v == null ? new byte[0] : v));
        }
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** From SmallRye's record with String payload (the value's UTF-8 bytes). */
    public static FailedRecord of(KafkaRecord<?, String> record) {
        IncomingKafkaRecordMetadata<?, ?> m = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not an incoming Kafka record"));
        Map<String, byte[]> headers = new LinkedHashMap<>();
        if (m.getHeaders() != null) {
            for (Header h : m.getHeaders()) {
                headers.put(h.key(), h.value());
            }
        }
        String payload = record.getPayload();
        return new FailedRecord(m.getTopic(), m.getPartition(), m.getOffset(),
                m.getKey() == null ? null : m.getKey().toString(),
                payload == null ? null : payload.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** From a plain consumer's record with String key and value. */
    public static FailedRecord of(ConsumerRecord<String, String> record) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value());
        }
        return new FailedRecord(record.topic(), record.partition(), record.offset(), record.key(),
                record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The value as text when it is valid UTF-8, else empty (it is then carried as Base64). */
    public Optional<String> valueText() {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The value as text, invalid UTF-8 replaced by U+FFFD (what a String deserializer would have made of it). */
    public String valueAsString() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** A header's value as UTF-8 text, if present. */
    public Optional<String> header(String name) {
        byte[] v = headers.get(name);
        return v == null ? Optional.empty() : Optional.of(new String(v, StandardCharsets.UTF_8));
    }

    /** {@code topic-partition@offset}, for logs. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FailedRecord r && r.topic.equals(topic) && r.partition == partition && r.offset == offset
                && java.util.Objects.equals(r.key, key) && Arrays.equals(r.value, value);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(topic, partition, offset, key, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "FailedRecord[" + position() + " key " + key + "]";
    }
}
