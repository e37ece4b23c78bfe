package uk.gov.local.healthcheck.metrics.rebuild;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.deadletters.DeadLetterWriter;
import uk.gov.local.healthcheck.deadletters.ErrorTypes;
import uk.gov.local.healthcheck.deadletters.FailedRecord;
import uk.gov.local.healthcheck.deadletters.FailureKind;
import uk.gov.local.healthcheck.deadletters.Poison;
import uk.gov.local.healthcheck.deadletters.PoisonIsolation;
import uk.gov.local.healthcheck.deadletters.TransientRetry;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;
import uk.gov.local.healthcheck.metrics.intake.IntakeGate;
import uk.gov.local.healthcheck.metrics.intake.InvalidEventException;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Rebuilds every state table from the submissions topic <em>beside</em> the live ones, so that a rebuild that fails
 * leaves everything as it was (issue 10):
 * <ol>
 *   <li>creates the shadow schema {@code metrics_rebuild} with tables like the live ones (columns, defaults, checks,
 *       keys, indexes and the foreign key, under the same names);</li>
 *   <li>reads the topic from the beginning with a plain {@link KafkaConsumer} (no group: the live consumer's offsets
 *       are untouched) up to the end offsets captured at the start, and applies it in chunks (one poll each) through
 *       the live consumer's batch path ({@link SubmissionHandler}) into the shadow tables (each transaction's search
 *       path is the shadow schema alone), without publishing; a record that cannot be decoded or stored is set aside
 *       like the live consumer does (not again when it is listed already);</li>
 *   <li>holds the live consumer off ({@link IntakeGate}), opens the swap transaction, locks the live tables (so no
 *       other replica writes them either), captures the end offsets again and applies what arrived since (which the
 *       live consumer may have applied meanwhile: applying is idempotent by event id, revision and responseId), then
 *       moves the live tables out and the rebuilt ones in, drops the old ones and commits, and lets the consumer go
 *       on;</li>
 *   <li>publishes every (round, authority)'s state once.</li>
 * </ol>
 * Anything failing before the swap's commit (PostgreSQL unreachable for longer than
 * {@code metrics.rebuild.transient-timeout}, Kafka unreachable...) ends the rebuild as {@code failed} with the reason,
 * drops the shadow schema, and the live tables, which nothing touched, keep answering.
 * <p>
 * A rebuild is platform-wide (issue 14): its status is recorded in the database ({@link RebuildLedger}) when it starts,
 * at every heartbeat ({@link RebuildHeartbeat}) and when it ends, so every replica answers it, and a rebuild started on
 * any replica while one runs is refused. A rebuild acts only while it holds its {@link RebuildLease}: all replicas
 * replay into the one shadow schema, which a replica that took it for abandoned drops and builds anew.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    public static final String SHADOW = "metrics_rebuild";
    static final String RETIRED = "metrics_retired";
    /** The tables a rebuild builds anew, parents before children (the foreign key). */
    static final List<String> TABLES = List.of("authority_round_state", "authority_indicator", "processed_event",
            "practitioner_tally", "practitioner_word", "processed_response");
    private static final Duration POLL = Duration.ofMillis(500);

    private final Pool pool;
    private final SubmissionHandler handler;
    private final BatchStore store;
    private final IndicatorsPublisher publisher;
    private final DeadLetterWriter deadLetters;
    private final IntakeGate gate;
    private final TransientRetry retry;
    private final MeterRegistry registry;
    private final RebuildLedger ledger;
    private final RebuildHeartbeat heartbeat;
    /** This replica's name in the rebuilds it records. */
    private final String replica;
    /** The Kafka settings the messaging channels get (security included), which the replay consumer starts from. */
    private final Map<String, Object> broker;
    private final String topic;
    private final int chunkSize;
    private final int publishBatch;
    /** How long a rebuild waits out PostgreSQL or Kafka being unreachable before it fails (the live state stays). */
    private final Duration transientTimeout;

    /**
     * The last rebuild this replica ran, as it knows it: for the gauge, and for GET while PostgreSQL is unreachable
     * (its end cannot be recorded until PostgreSQL is back).
     */
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>();
    /** How to record the end of this replica's last rebuild while that is still being retried; null once recorded. */
    private final AtomicReference<Supplier<Uni<Void>>> unrecordedEnd = new AtomicReference<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "metrics-rebuild"));
    private final AtomicLong lastSuccess = new AtomicLong();
    private Counter failures;

    public RebuildService(
            @Identifier("default-kafka-broker") Map<String, Object> broker,
            @ConfigProperty(name = "mp.messaging.incoming.submissions.topic", defaultValue = "survey.submissions.v1")
            String topic,
            @ConfigProperty(name = "metrics.rebuild.chunk-size", defaultValue = "5000") int chunkSize,
            @ConfigProperty(name = "metrics.rebuild.publish-batch", defaultValue = "500") int publishBatch,
            @ConfigProperty(name = "metrics.rebuild.transient-timeout", defaultValue = "PT60S") Duration transientTimeout,
            @ConfigProperty(name = "healthcheck.instance-id") Optional<String> instanceId,
            Pool pool, SubmissionHandler handler, BatchStore store, IndicatorsPublisher publisher, DeadLetterWriter deadLetters,
            IntakeGate gate, TransientRetry retry, MeterRegistry registry, RebuildLedger ledger, RebuildHeartbeat heartbeat) {
        this.pool = pool;
        this.handler = handler;
        this.store = store;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.gate = gate;
        this.retry = retry;
        this.registry = registry;
        this.ledger = ledger;
        this.heartbeat = heartbeat;
        this.replica = ReplicaName.of(instanceId, hostName(), ProcessHandle.current().pid());
        this.broker = broker;
        this.topic = topic;
        this.chunkSize = chunkSize;
        this.publishBatch = publishBatch;
        this.transientTimeout = transientTimeout;
    }

    /** Registered at start, so that the rebuild figures are there (0) before any rebuild. */
    void metrics(@Observes io.quarkus.runtime.StartupEvent e) {
        Gauge.builder("healthcheck.rebuild.running", status, s -> s.get() != null && s.get().running() ? 1 : 0)
                .description("1 while a rebuild runs").register(registry);
        Gauge.builder("healthcheck.rebuild.last.success.timestamp.seconds", lastSuccess, AtomicLong::get)
                .description("When the last rebuild completed (Unix seconds; 0 = none since start)").register(registry);
        failures = Counter.builder("healthcheck.rebuild.failures").description("Rebuilds that failed")
                .register(registry);
    }

    void stop(@Observes ShutdownEvent e) {
        runner.shutdownNow();
    }

    /**
     * The latest rebuild of any replica, from the database; while PostgreSQL is unreachable, the one this replica ran,
     * if any (its end is recorded once PostgreSQL is back). Empty when no rebuild was ever recorded.
     */
    public Uni<Optional<RebuildStatus>> status() {
        return recordUnrecordedEnd().chain(ledger::latest)
                .onFailure(f -> FailureKind.of(f).isTransient() && status.get() != null)
                .recoverWithItem(() -> Optional.of(status.get()));
    }

    /** Starts a rebuild, or answers empty when one is running already, on this replica or another. */
    public Uni<Optional<RebuildStatus>> start() {
        long askedAt = System.nanoTime();
        return recordUnrecordedEnd().chain(() -> ledger.begin(replica)).invoke(started -> started.ifPresent(s -> {
            RebuildLease lease = heartbeat.lease(askedAt);
            status.set(s);
            runner.submit(() -> run(s, lease));
        }));
    }

    private void run(RebuildStatus started, RebuildLease lease) {
        AtomicLong records = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        try (RebuildHeartbeat.Beating beating = heartbeat.beat(started.id(), lease, records::get, skipped::get)) {
            boolean swapped = false;
            RebuildStatus end;
            try {
                LOG.infof("Rebuild %s on %s: building the state beside the live one, in schema %s", started.id(),
                        replica, SHADOW);
                lease.check();
                await(createShadow(), "creating the shadow schema");
                long replayStart = System.nanoTime();
                replayAndSwap(started.id(), lease, records, skipped);
                swapped = true;
                double seconds = (System.nanoTime() - replayStart) / 1e9;
                long published = publishAll();
                end = started.completed(records.get(), skipped.get(), seconds, published);
                lastSuccess.set(Instant.now().getEpochSecond());
                LOG.infof("Rebuild %s: %d records (%d skipped or set aside) in %.2f s = %.0f records/s; %d states "
                                + "published", started.id(), records.get(), skipped.get(), seconds,
                        end.eventsPerSecond(), published);
            } catch (Throwable t) {
                String reason = (swapped ? "the rebuilt state is live, but publishing it failed: "
                        : "the live state is unchanged: ") + (FailureKind.of(t).isTransient()
                        ? "PostgreSQL or Kafka unreachable for longer than " + transientTimeout + ": " : "")
                        + ErrorTypes.describe(t);
                LOG.errorf("Rebuild %s failed; %s", started.id(), reason);
                failures.increment();
                end = started.failed(records.get(), skipped.get(), reason);
            }
            record(end, swapped);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild %s: its end could not be recorded", started.id());
        }
    }

    /**
     * Says how the rebuild ended, here at once and in the database retried until PostgreSQL answers (heartbeats go on
     * meanwhile; a request here records it first, see {@link #recordUnrecordedEnd}). A failure before
     * the swap drops the shadow schema in the same transaction, and only while the rebuild is still recorded as
     * running: then no other rebuild can have started, and none can start before the shadow is gone; once another
     * replica took it for abandoned, the shadow schema is that replica's to drop.
     */
    private void record(RebuildStatus end, boolean swapped) {
        Supplier<Uni<Void>> recording = RebuildStatus.COMPLETED.equals(end.state()) ? () -> ledger.completed(end)
                : () -> pool.withTransaction(conn -> ledger.failed(conn, end).call(ours -> ours && !swapped
                        ? dropShadow(conn).invoke(() -> LOG.infof("Rebuild %s: shadow schema dropped", end.id()))
                        : Uni.createFrom().voidItem())).replaceWithVoid();
        unrecordedEnd.set(recording);
        status.set(end);
        retry.retrying(recording::get, "Recording the end of rebuild " + end.id()).await().indefinitely();
        unrecordedEnd.compareAndSet(recording, null);
    }

    /**
     * The end of this replica's last rebuild, when it is still being retried (PostgreSQL was away): recorded first by a
     * request here, which must not answer "running" (or 409) for a rebuild this replica knows has ended. Recording
     * twice is harmless: a completion writes the same values, a failure only changes a row still running.
     */
    private Uni<Void> recordUnrecordedEnd() {
        Supplier<Uni<Void>> recording = unrecordedEnd.get();
        return recording == null ? Uni.createFrom().voidItem()
                : recording.get().invoke(() -> unrecordedEnd.compareAndSet(recording, null));
    }

    private static Uni<Void> dropShadow(io.vertx.mutiny.sqlclient.SqlConnection conn) {
        return conn.query("set local client_min_messages to warning").execute()
                .chain(() -> conn.query("drop schema if exists " + SHADOW + " cascade").execute())
                .replaceWithVoid();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    /** The shadow schema, with tables like the live ones under the same names (constraints and indexes included). */
    private Uni<Void> createShadow() {
        String tables = String.join("','", TABLES);
        Uni<List<String>> ddl = pool.query("""
                select c.conrelid::regclass::text as tbl, c.conname, pg_get_constraintdef(c.oid) as def, c.contype
                from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = 'public' and t.relname in ('%s') and c.contype in ('p', 'u', 'f')
                order by case c.contype when 'f' then 1 else 0 end, c.conname""".formatted(tables))
                .execute().map(rows -> {
                    List<String> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add("alter table " + SHADOW + "." + r.getString("tbl") + " add constraint \""
                                + r.getString("conname") + "\" " + r.getString("def"));
                    }
                    return out;
                })
                .chain(constraints -> pool.query("""
                        select indexdef from pg_indexes i
                        where i.schemaname = 'public' and i.tablename in ('%s')
                          and not exists (select 1 from pg_constraint c where c.conname = i.indexname
                                          and c.connamespace = 'public'::regnamespace)""".formatted(tables))
                        .execute().map(rows -> {
                            List<String> out = new ArrayList<>(constraints);
                            for (Row r : rows) {
                                out.add(r.getString("indexdef").replace(" ON public.", " ON " + SHADOW + "."));
                            }
                            return out;
                        }));
        return ddl.chain(statements -> pool.withTransaction(conn -> {
            List<String> all = new ArrayList<>();
            // "does not exist, skipping" and "drop cascades to ..." are expected: not worth a WARN line each.
            all.add("set local client_min_messages to warning");
            all.add("drop schema if exists " + SHADOW + " cascade");
            all.add("drop schema if exists " + RETIRED + " cascade");
            all.add("create schema " + SHADOW);
            // Unqualified names in the copied definitions (the foreign key's parent) are the shadow's.
            all.add("set local search_path to " + SHADOW + ", public");
            for (String t : TABLES) {
                all.add("create table " + SHADOW + "." + t + " (like public." + t
                        + " including defaults including constraints including generated including identity)");
            }
            all.addAll(statements);
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String sql : all) {
                chain = chain.chain(() -> conn.query(sql).execute().replaceWithVoid());
            }
            return chain;
        }));
    }

    private void replayAndSwap(String id, RebuildLease lease, AtomicLong records, AtomicLong skipped) throws Exception {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                replayConsumerConfig(broker, chunkSize, transientTimeout))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, transientTimeout).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            replayTo(consumer, partitions, lease, records, skipped);

            // The end: the live consumer held off, the live tables locked, what arrived since applied, then the swap.
            lease.check();
            gate.hold(transientTimeout);
            try {
                await(pool.withTransaction(conn -> {
                    // First claim the record: a rebuild another replica took for abandoned must never swap.
                    Uni<Void> lock = ledger.swapping(conn, id).chain(() -> conn.query("lock table "
                            + String.join(", ", TABLES.stream().map(t -> "public." + t).toList())
                            + " in exclusive mode").execute()).replaceWithVoid();
                    return lock.chain(() -> Uni.createFrom().item(() -> {
                                // Blocking, but on the rebuild's own thread's behalf: run off the event loop.
                                replayTo(consumer, partitions, RebuildLease.claimed(), records, skipped);
                                return true;
                            }).runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool()))
                            .chain(() -> swap(conn));
                }), "swapping the rebuilt tables in");
            } finally {
                gate.release();
            }
        }
    }

    /**
     * The replay consumer's settings: the channels' Kafka settings (bootstrap servers, security) with the keys a
     * consumer does not know dropped, then its own. No group: it reads by assignment and commits nothing, so it must
     * not appear in (or take the offsets of) the live consumer's group, which Quarkus names after the application.
     */
    static Map<String, Object> replayConsumerConfig(Map<String, Object> broker, int chunkSize, Duration timeout) {
        Map<String, Object> p = new HashMap<>(broker);
        p.keySet().retainAll(ConsumerConfig.configNames());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(chunkSize));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        return p;
    }

    private static Uni<Void> swap(io.vertx.mutiny.sqlclient.SqlConnection conn) {
        List<String> all = new ArrayList<>();
        all.add("set local client_min_messages to warning");
        all.add("create schema " + RETIRED);
        for (String t : TABLES) {
            all.add("alter table public." + t + " set schema " + RETIRED);
        }
        for (String t : TABLES) {
            all.add("alter table " + SHADOW + "." + t + " set schema public");
        }
        all.add("drop schema " + RETIRED + " cascade");
        all.add("drop schema " + SHADOW + " cascade");
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String sql : all) {
            chain = chain.chain(() -> conn.query(sql).execute().replaceWithVoid());
        }
        return chain;
    }

    /** Reads from the consumer's positions up to the end offsets as of now, applying each chunk to the shadow. */
    private void replayTo(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, RebuildLease lease,
                          AtomicLong records, AtomicLong skipped) {
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, transientTimeout));
        end.entrySet().removeIf(e -> consumer.position(e.getKey(), transientTimeout) >= e.getValue());
        consumer.pause(partitions);
        consumer.resume(List.copyOf(end.keySet()));
        // At most one chunk is being written while the next one is polled and decoded.
        CompletableFuture<?> writing = CompletableFuture.completedFuture(null);
        long deadline = System.nanoTime() + transientTimeout.toNanos();
        while (!end.isEmpty()) {
            ConsumerRecords<String, String> polled = consumer.poll(POLL);
            if (polled.isEmpty() && System.nanoTime() > deadline) {
                throw new IllegalStateException("no record could be read from " + topic + " for " + transientTimeout);
            }
            if (!polled.isEmpty()) {
                deadline = System.nanoTime() + transientTimeout.toNanos();
            }
            List<ConsumerRecord<String, String>> chunk = chunk(polled, end);
            for (TopicPartition tp : List.copyOf(end.keySet())) {
                if (consumer.position(tp) >= end.get(tp)) {
                    end.remove(tp);
                    consumer.pause(List.of(tp));
                }
            }
            // Decoding and computing is pure and the bulk of the CPU: done in parallel, in the chunk's order.
            List<Decoded> decoded = chunk.parallelStream().map(this::decode).toList();
            writing.join();
            writing = write(decoded, lease, skipped).thenRun(() -> records.addAndGet(chunk.size()));
        }
        writing.join();
    }

    /** A record of the topic: its change (none for a type not consumed), or why it can never be applied. */
    private record Decoded(ConsumerRecord<String, String> record, Change change, InvalidEventException invalid) {
    }

    private Decoded decode(ConsumerRecord<String, String> r) {
        try {
            return new Decoded(r, handler.changeOf(r.value()).orElse(null), null);
        } catch (InvalidEventException e) {
            return new Decoded(r, null, e);
        }
    }

    /**
     * One transaction per chunk into the shadow; a chunk the database refuses for good is bisected like a live batch
     * and its poison records set aside; transient failures are retried up to the transient timeout.
     */
    private CompletableFuture<?> write(List<Decoded> decoded, RebuildLease lease, AtomicLong skipped) {
        List<Decoded> changes = decoded.stream().filter(d -> d.change() != null).toList();
        Uni<Void> setAside = Uni.createFrom().voidItem();
        for (Decoded d : decoded) {
            if (d.invalid() != null) {
                setAside = setAside.chain(() -> deadLetters.deadLetter(FailedRecord.of(d.record()),
                        d.invalid().getMessage(), SubmissionHandler.errorTypeOf(d.invalid())));
            }
        }
        skipped.addAndGet(decoded.size() - changes.size());
        // Every attempt first checks the lease; a lost lease is no verdict on the records (nothing is set aside).
        return setAside.chain(() -> PoisonIsolation.<Decoded>apply(changes, part -> bounded(() -> {
                            lease.check();
                            return handler.apply(part.stream().map(Decoded::change).toList(), SHADOW);
                        }), f -> f instanceof RebuildLease.LeaseLost ? FailureKind.TRANSIENT : FailureKind.of(f)))
                .call(poison -> {
                    skipped.addAndGet(poison.size());
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Poison<Decoded> x : poison) {
                        chain = chain.chain(() -> deadLetters.deadLetter(FailedRecord.of(x.item().record()), x.failure()));
                    }
                    return chain;
                })
                .subscribeAsCompletionStage();
    }

    /** Retries transient failures, but only for the transient timeout: a rebuild may fail, the live state stays. */
    private <T> Uni<T> bounded(Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().<T>deferred(work)
                .onFailure(f -> FailureKind.of(f).isTransient()).retry()
                .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).expireIn(transientTimeout.toMillis());
    }

    private <T> T await(Uni<T> uni, String what) {
        return bounded(() -> uni).await().atMost(transientTimeout.plusSeconds(30));
    }

    /** Publishes the current state of every (round, authority) whose instrument has indicators, a page at a time. */
    private long publishAll() {
        List<StateKey> keys = new ArrayList<>();
        await(pool.query("select round_id, authority_code, instrument from authority_round_state").execute(),
                "reading the states").forEach(r -> {
                    if (IndicatorDictionary.hasIndicators(r.getString("instrument"))) {
                        keys.add(new StateKey(r.getString("round_id"), r.getString("authority_code")));
                    }
                });
        long published = 0;
        for (int from = 0; from < keys.size(); from += publishBatch) {
            List<StateKey> page = keys.subList(from, Math.min(keys.size(), from + publishBatch));
            List<AuthorityState> states = await(store.read(page), "reading the states");
            if (!states.isEmpty()) {
                await(Uni.join().all(states.stream().map(publisher::publish).toList()).andFailFast(),
                        "publishing the states");
            }
            published += states.size();
        }
        return published;
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
}
