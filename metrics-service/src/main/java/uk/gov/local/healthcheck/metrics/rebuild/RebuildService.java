package uk.gov.local.healthcheck.metrics.rebuild;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
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
import uk.gov.local.healthcheck.metrics.intake.InvalidEventException;
import uk.gov.local.healthcheck.metrics.intake.SubmissionEvent;
import uk.gov.local.healthcheck.metrics.intake.SubmissionEventParser;
import uk.gov.local.healthcheck.metrics.intake.SubmissionHandler;
import uk.gov.local.healthcheck.metrics.publication.IndicatorsPublisher;
import uk.gov.local.healthcheck.metrics.store.Change;
import uk.gov.local.healthcheck.metrics.store.IndicatorStateStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every table from the submissions topic: empties the state tables, captures the topic's end offsets, reads
 * it from the beginning with a plain {@link KafkaConsumer} (no consumer group, so the live consumer's offsets are
 * untouched) up to those offsets, and applies every record through the same {@link SubmissionHandler} as the live
 * consumer, without publishing. Partitions are applied in parallel, each in order. At the end the current state of
 * every (round, authority) is published once.
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

    @Inject
    Pool pool;

    @Inject
    SubmissionHandler handler;

    @Inject
    IndicatorStateStore store;

    @Inject
    IndicatorsPublisher publisher;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.submissions.topic", defaultValue = "survey.submissions.v1")
    String topic;

    @ConfigProperty(name = "metrics.rebuild.parallelism", defaultValue = "8")
    int parallelism;

    @ConfigProperty(name = "metrics.rebuild.publish-concurrency", defaultValue = "16")
    int publishConcurrency;

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

    private void replay(AtomicLong records, AtomicLong skipped) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, parallelism),
                r -> new Thread(r, "metrics-rebuild-worker"));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            consumer.pause(partitions.stream().filter(tp -> !end.containsKey(tp)).toList());
            while (!end.isEmpty()) {
                ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(500));
                List<Future<?>> running = new ArrayList<>();
                for (TopicPartition tp : batch.partitions()) {
                    Long stop = end.get(tp);
                    if (stop == null) {
                        continue;
                    }
                    List<ConsumerRecord<String, String>> mine = batch.records(tp).stream()
                            .filter(r -> r.offset() < stop).toList();
                    running.add(workers.submit(() -> {
                        for (ConsumerRecord<String, String> r : mine) {
                            apply(r, skipped);
                            records.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                for (TopicPartition tp : List.copyOf(end.keySet())) {
                    if (consumer.position(tp) >= end.get(tp)) {
                        end.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private void apply(ConsumerRecord<String, String> r, AtomicLong skipped) throws Exception {
        Change change;
        try {
            Optional<SubmissionEvent> event = SubmissionEventParser.parse(r.value());
            if (event.isEmpty()) {
                skipped.incrementAndGet();
                return;
            }
            change = handler.changeFor(event.get());
        } catch (InvalidEventException e) {
            skipped.incrementAndGet();
            return;
        }
        // Hibernate Reactive needs a Vert.x context of its own for each unit of work.
        await(() -> handler.handle(change, false));
    }

    /** Publishes the current state of every (round, authority) whose instrument has indicators. */
    private long publishAll() throws Exception {
        List<Row> keys = new ArrayList<>();
        pool.query("select round_id, authority_code, instrument from authority_round_state")
                .execute().await().indefinitely().forEach(keys::add);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, publishConcurrency),
                r -> new Thread(r, "metrics-rebuild-publisher"));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Row k : keys) {
                if (!IndicatorDictionary.hasIndicators(k.getString("instrument"))) {
                    continue;
                }
                String round = k.getString("round_id");
                String code = k.getString("authority_code");
                running.add(workers.submit(() -> await(() -> store.read(round, code)
                        .flatMap(s -> s.map(publisher::publish).orElseGet(() -> Uni.createFrom().voidItem())))));
            }
            for (Future<?> f : running) {
                f.get();
            }
            return running.size();
        } finally {
            workers.shutdownNow();
        }
    }

    /** Runs {@code work} on a fresh Vert.x context (Hibernate Reactive needs one per unit of work) and waits. */
    private static Void await(java.util.function.Supplier<Uni<Void>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
