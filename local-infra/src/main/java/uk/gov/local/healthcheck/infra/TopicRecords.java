package uk.gov.local.healthcheck.infra;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every record of one topic from its beginning, read in the background by a companion consumer of a group of its
 * own, and the waits the tests make on them. The companion closes the consumer when the broker stops;
 * {@link #close()} stops it sooner.
 */
public final class TopicRecords implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final String topic;
    private final ConsumerTask<String, String> task;

    private TopicRecords(String topic, ConsumerTask<String, String> task) {
        this.topic = topic;
        this.task = task;
    }

    public static TopicRecords fromBeginning(KafkaCompanion kafka, String topic) {
        return new TopicRecords(topic, kafka.consumeStrings().fromTopics(topic));
    }

    /** The records read so far that match, in the order read. */
    public List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> filter) {
        return task.stream().filter(filter).toList();
    }

    /** Waits until the matching records read so far satisfy {@code done}, and returns them. */
    public List<ConsumerRecord<String, String>> awaitMatching(Predicate<ConsumerRecord<String, String>> filter,
                                                              Predicate<List<ConsumerRecord<String, String>>> done,
                                                              Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> matching = matching(filter);
        while (!done.test(matching)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting on " + topic + "; matching so far: "
                        + matching.stream().map(ConsumerRecord::value).toList());
            }
            KafkaCompanion.sleep(POLL);
            matching = matching(filter);
        }
        return matching;
    }

    /** Waits for the {@code nth} (from 1) record that matches. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> filter, int nth,
                                                Duration timeout) {
        return awaitMatching(filter, records -> records.size() >= nth, timeout).get(nth - 1);
    }

    @Override
    public void close() {
        task.close();
    }
}
