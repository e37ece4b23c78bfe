package uk.gov.local.healthcheck.metrics.rebuild;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;
import uk.gov.local.healthcheck.metrics.intake.IntakeRetry;
import uk.gov.local.healthcheck.metrics.intake.SubmissionHandler;
import uk.gov.local.healthcheck.metrics.publication.IndicatorsPublisher;
import uk.gov.local.healthcheck.metrics.store.AuthorityState;
import uk.gov.local.healthcheck.metrics.store.BatchStore;
import uk.gov.local.healthcheck.metrics.store.Change;
import uk.gov.local.healthcheck.metrics.store.StateKey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every table from the submissions topic: empties the state tables, captures the topic's end offsets, reads
 * it from the beginning with a plain {@link KafkaConsumer} (no consumer group, so the live consumer's offsets are
 * untouched) up to those offsets, and applies it in large chunks (one poll each) through the same batch path as the
 * live consumer ({@link SubmissionHandler}), without publishing. Each partition's records keep their order within a
 * chunk and chunks are applied one after the other; the next chunk is parsed and computed while the previous one
 * is being written. At the end the current state of every (round, authority) is published once.
 *
 * <p>The live consumer keeps running meanwhile. That is safe because every change is idempotent and order-aware:
 * an event the live consumer applies after the tables were emptied is recorded as processed, and when the replay
 * reaches it, it is a duplicate (or an older revision, which is stale); responses are counted once by responseId.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    static final String TRUNCATE = "truncate authority_indicator, authority_round_state, processed_event, "
            + "practitioner_tally, practitioner_word, processed_response";
    private static final Duration POLL = Duration.ofMillis(500);

    @Inject
    Pool pool;

    @Inject
    SubmissionHandler handler;

    @Inject
    BatchStore store;

    @Inject
    IndicatorsPublisher publisher;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.submissions.topic", defaultValue = "survey.submissions.v1")
    String topic;

    @ConfigProperty(name = "metrics.rebuild.chunk-size", defaultValue = "5000")
    int chunkSize;

    @ConfigProperty(name = "metrics.rebuild.publish-batch", defaultValue = "500")
    int publishBatch;

    @Inject
    IntakeRetry retry;

    private final AtomicReference<RebuildStatus> status = new AtomicReference<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "metrics-rebuild"));

    void stop(@Observes ShutdownEvent e) {
        runner.shutdownNow();
    }

    public Optional<RebuildStatus> status() {
        return Optional.ofNullable(status.get());
    }

    /** Starts a rebuild, or returns empty when one is running already. */
    public synchronized Optional<RebuildStatus> start() {
        RebuildStatus current = status.get();
        if (current != null && current.running()) {
            return Optional.empty();
        }
        RebuildStatus started = new RebuildStatus(UUID.randomUUID().toString(), RebuildStatus.RUNNING, Instant.now(),
                null, 0, 0, null, null, null, null);
        status.set(started);
        runner.submit(() -> run(started));
        return Optional.of(started);
    }

    private void run(RebuildStatus started) {
        AtomicLong records = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        try {
            LOG.infof("Rebuild %s: emptying the state tables", started.id());
            pool.query(TRUNCATE).execute().await().indefinitely();
            long replayStart = System.nanoTime();
            replay(records, skipped);
            double seconds = (System.nanoTime() - replayStart) / 1e9;
            long published = publishAll();
            RebuildStatus done = new RebuildStatus(started.id(), RebuildStatus.COMPLETED, started.startedAt(),
                    Instant.now(), records.get(), skipped.get(), seconds, records.get() / Math.max(seconds, 1e-9),
                    published, null);
            status.set(done);
            LOG.infof("Rebuild %s: %d records (%d skipped) in %.2f s = %.0f records/s; %d states published",
                    started.id(), records.get(), skipped.get(), seconds, done.eventsPerSecond(), published);
        } catch (Throwable t) {
            LOG.errorf(t, "Rebuild %s failed", started.id());
            status.set(new RebuildStatus(started.id(), RebuildStatus.FAILED, started.startedAt(), Instant.now(),
                    records.get(), skipped.get(), null, null, null, t.toString()));
        }
    }

    private void replay(AtomicLong records, AtomicLong skipped) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(chunkSize));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            consumer.pause(partitions.stream().filter(tp -> !end.containsKey(tp)).toList());
            // At most one chunk is being written while the next one is polled and computed.
            CompletableFuture<?> writing = CompletableFuture.completedFuture(null);
            while (!end.isEmpty()) {
                List<ConsumerRecord<String, String>> chunk = chunk(consumer.poll(POLL), end);
                for (TopicPartition tp : List.copyOf(end.keySet())) {
                    if (consumer.position(tp) >= end.get(tp)) {
                        end.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
                // Parsing and computing is pure and the bulk of the CPU: done in parallel, in the chunk's order.
                List<Change> changes = chunk.parallelStream()
                        .flatMap(r -> handler.changeOf(r.value(), r.topic() + "-" + r.partition() + "@" + r.offset())
                                .stream())
                        .toList();
                writing.join();
                skipped.addAndGet(chunk.size() - changes.size());
                writing = write(changes).thenRun(() -> records.addAndGet(chunk.size()));
            }
            writing.join();
        }
    }

    /** The records of a poll below the captured end offsets, each partition's in order. */
    private static List<ConsumerRecord<String, String>> chunk(ConsumerRecords<String, String> polled,
                                                              Map<TopicPartition, Long> end) {
        List<ConsumerRecord<String, String>> chunk = new ArrayList<>();
        for (TopicPartition tp : polled.partitions()) {
            Long stop = end.get(tp);
            if (stop != null) {
                polled.records(tp).stream().filter(r -> r.offset() < stop).forEach(chunk::add);
            }
        }
        return chunk;
    }

    /** One transaction per chunk, retried like a live batch (the live consumer may hold a lock or race an insert). */
    private CompletableFuture<?> write(List<Change> changes) {
        if (changes.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return retry.retrying(() -> handler.apply(changes)).subscribeAsCompletionStage();
    }

    /** Publishes the current state of every (round, authority) whose instrument has indicators, a page at a time. */
    private long publishAll() {
        List<StateKey> keys = new ArrayList<>();
        pool.query("select round_id, authority_code, instrument from authority_round_state")
                .execute().await().indefinitely()
                .forEach(r -> {
                    if (IndicatorDictionary.hasIndicators(r.getString("instrument"))) {
                        keys.add(new StateKey(r.getString("round_id"), r.getString("authority_code")));
                    }
                });
        long published = 0;
        for (int from = 0; from < keys.size(); from += publishBatch) {
            List<AuthorityState> states = store.read(keys.subList(from, Math.min(keys.size(), from + publishBatch)))
                    .await().indefinitely();
            if (!states.isEmpty()) {
                Uni.join().all(states.stream().map(publisher::publish).toList()).andFailFast()
                        .await().indefinitely();
            }
            published += states.size();
        }
        return published;
    }
}
