package uk.gov.local.healthcheck.survey.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import uk.gov.local.healthcheck.events.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads the submissions topic from the beginning with a plain consumer, keeping the events of one subject prefix. */
public final class TopicReader implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final KafkaConsumer<String, String> consumer;

    public TopicReader(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.SUBMISSIONS));
    }

    public List<ConsumerRecord<String, String>> readUntil(Predicate<List<ConsumerRecord<String, String>>> done, String subjectPrefix) {
        List<ConsumerRecord<String, String>> kept = new ArrayList<>();
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!done.test(kept)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for events on " + Topics.SUBMISSIONS + "; got " + kept);
            }
            poll(subjectPrefix, kept);
        }
        return kept;
    }

    public void drainFor(Duration duration, String subjectPrefix, List<ConsumerRecord<String, String>> kept) {
        Instant end = Instant.now().plus(duration);
        while (Instant.now().isBefore(end)) {
            poll(subjectPrefix, kept);
        }
    }

    private void poll(String subjectPrefix, List<ConsumerRecord<String, String>> kept) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            if (r.value().contains("\"subject\":\"" + subjectPrefix)) {
                kept.add(r);
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
