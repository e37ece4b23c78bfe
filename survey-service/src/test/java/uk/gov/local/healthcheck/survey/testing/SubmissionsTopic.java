package uk.gov.local.healthcheck.survey.testing;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import uk.gov.local.healthcheck.events.Topics;
import uk.gov.local.healthcheck.infra.TopicRecords;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The submissions topic read from its beginning through the Kafka companion, handing out the events of one subject
 * prefix as a reader would: each call returns the events not handed out before.
 */
public final class SubmissionsTopic implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final TopicRecords records;
    private final Map<String, Integer> handedOut = new HashMap<>();

    public SubmissionsTopic(KafkaCompanion kafka) {
        records = TopicRecords.fromBeginning(kafka, Topics.SUBMISSIONS);
    }

    /** Waits until the events not handed out yet satisfy {@code done}, and hands them out. */
    public List<ConsumerRecord<String, String>> readUntil(Predicate<List<ConsumerRecord<String, String>>> done,
                                                          String subjectPrefix) {
        int from = handedOut.getOrDefault(subjectPrefix, 0);
        List<ConsumerRecord<String, String>> all = records.awaitMatching(about(subjectPrefix),
                matching -> done.test(matching.subList(from, matching.size())), TIMEOUT);
        handedOut.put(subjectPrefix, all.size());
        return new ArrayList<>(all.subList(from, all.size()));
    }

    /** Waits {@code duration}, then adds whatever more came to {@code kept}: what should not come has had time to. */
    public void drainFor(Duration duration, String subjectPrefix, List<ConsumerRecord<String, String>> kept) {
        KafkaCompanion.sleep(duration);
        kept.addAll(readUntil(more -> true, subjectPrefix));
    }

    private static Predicate<ConsumerRecord<String, String>> about(String subjectPrefix) {
        return r -> r.value().contains("\"subject\":\"" + subjectPrefix);
    }

    @Override
    public void close() {
        records.close();
    }
}
