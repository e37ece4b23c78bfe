package uk.gov.local.healthcheck.metrics.support;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import uk.gov.local.healthcheck.events.Topics;
import uk.gov.local.healthcheck.infra.KafkaTestResource;
import uk.gov.local.healthcheck.infra.TopicRecords;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * metrics-service's topics on the test broker, through the Kafka companion: submissions sent as survey-service sends
 * them, and every record published on the indicators topic, read from its beginning. One per test class, connected
 * on first use; the companion closes its clients when the broker stops.
 */
public final class IntakeTopics {

    /** How long a test waits for the service to process what it sent. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private TopicRecords indicators;

    /** Sends one submission and waits for the broker's acknowledgement. */
    public void submit(String code, String json) {
        submitAll(List.of(new ProducerRecord<>(Topics.SUBMISSIONS, code, json)));
    }

    /** Sends one submission with headers (e.g. {@code traceparent}) and waits for the broker's acknowledgement. */
    public void submit(String code, String json, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SUBMISSIONS, code, json);
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        submitAll(List.of(record));
    }

    /** Sends each record once the one before is acknowledged, so one key's records arrive in the order given. */
    public void submitAll(List<ProducerRecord<String, String>> records) {
        KafkaTestResource.companion().produceStrings().withConcurrency(1).fromRecords(records).awaitCompletion(WAIT);
    }

    /** Waits for the {@code nth} (from 1) publication that matches. */
    public ConsumerRecord<String, String> awaitPublished(Predicate<ConsumerRecord<String, String>> filter, int nth) {
        return indicators().await(filter, nth, WAIT);
    }

    /** Every publication read so far that matches. */
    public List<ConsumerRecord<String, String>> publications(Predicate<ConsumerRecord<String, String>> filter) {
        return indicators().matching(filter);
    }

    /** The indicators metrics-service published for one authority in one round (matched by key and subject). */
    public static Predicate<ConsumerRecord<String, String>> published(String round, String code) {
        return r -> r.key().equals(code) && r.value().contains("\"subject\":\"rounds/" + round + "/authorities/" + code + "\"");
    }

    /** The dead letters of one key, once there are at least {@code atLeast} (a fresh read of the whole topic). */
    public static List<ConsumerRecord<String, String>> deadLetters(String key, int atLeast) {
        try (TopicRecords dlq = TopicRecords.fromBeginning(KafkaTestResource.companion(), Topics.SUBMISSIONS_DEAD_LETTERS)) {
            return dlq.awaitMatching(r -> key.equals(r.key()), records -> records.size() >= atLeast, WAIT);
        }
    }

    private synchronized TopicRecords indicators() {
        if (indicators == null) {
            indicators = TopicRecords.fromBeginning(KafkaTestResource.companion(), Topics.INDICATORS);
        }
        return indicators;
    }
}
