package uk.gov.local.healthcheck.survey.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.survey.availability.DatabaseFailures;
import uk.gov.local.healthcheck.survey.availability.DatabaseOutage;
import uk.gov.local.healthcheck.api.availability.ThrottledLog;
import uk.gov.local.healthcheck.survey.observability.Traceparent;

import java.nio.charset.StandardCharsets;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes committed outbox events to Kafka in the order the database took them ({@code enqueued_at}, its clock at
 * insert: ids come in per-instance blocks, so with several replicas they do not follow it; V8), and marks each published only once the broker has
 * acknowledged it (acks=all). Writers {@link #nudge} it after each commit, so events leave within tens of
 * milliseconds; it also polls (at most once a second with Quarkus's scheduler) for events committed elsewhere, and
 * drains batch after batch while they come back full. While Kafka is down nothing is lost: rows stay unpublished
 * and the relay retries with backoff. One relay publishes at a time, whatever the number of instances: each cycle first takes a
 * transaction-scoped advisory lock, and an instance that does not get it skips the cycle. (Claiming rows with
 * SKIP LOCKED instead would let a second instance publish a later revision while the first still holds an earlier one.)
 * Plain SQL, not the OutboxEvent entity: the advisory lock, claiming a batch and marking it published are statements
 * over sets of rows, which Hibernate would turn into a session and an update per event.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LEASE = "select pg_try_advisory_xact_lock(hashtext('survey.outbox-relay'))";
    private static final String CLAIM = """
            select id, topic, message_key, subject, payload, traceparent from outbox_event
            where published_at is null order by enqueued_at, id limit $1 for update""";
    private static final String MARK_PUBLISHED =
            "update outbox_event set published_at = $1, attempts = attempts + 1, last_error = null where id = any($2)";
    private static final String MARK_FAILED = "update outbox_event set attempts = attempts + 1, last_error = $1 where id = $2";
    private static final int MAX_ERROR_LENGTH = 1000;

    private final MutinyEmitter<String> submissions;
    private final Pool pool;
    private final Clock clock;
    private final int batchSize;
    private final RetryBackoff backoff;
    private final Vertx vertx;
    private final Duration nudgeDelay;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    /** The last cycle failed because PostgreSQL could not be reached. */
    private volatile boolean databaseDown;
    /** A writer committed since then: PostgreSQL is back, so the backoff need not be waited out. */
    private volatile boolean committedSinceFailure;
    private final DatabaseOutage outage;
    private final OutboxMetrics metrics;
    /** While Kafka is down every cycle fails: one line per interval, not one per cycle. */
    private final ThrottledLog kafkaLog;

    public OutboxRelay(@Channel("submissions") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<String> submissions,
                       Pool pool, Clock clock,
                       @ConfigProperty(name = "survey.outbox.batch-size") int batchSize,
                       @ConfigProperty(name = "survey.outbox.backoff.initial") Duration initialBackoff,
                       @ConfigProperty(name = "survey.outbox.backoff.max") Duration maxBackoff,
                       @ConfigProperty(name = "survey.outbox.nudge-delay") Duration nudgeDelay, Vertx vertx,
                       DatabaseOutage outage, OutboxMetrics metrics,
                       @ConfigProperty(name = "survey.database.outage-log-interval") Duration logInterval) {
        this.outage = outage;
        this.metrics = metrics;
        this.kafkaLog = new ThrottledLog(LOG, logInterval, clock);
        this.vertx = vertx;
        this.nudgeDelay = nudgeDelay;
        this.submissions = submissions;
        this.pool = pool;
        this.clock = clock;
        this.batchSize = batchSize;
        this.backoff = new RetryBackoff(initialBackoff, maxBackoff);
    }

    /** The fallback: finds events committed by other instances, and any whose nudge was missed. */
    @Scheduled(every = "${survey.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${survey.outbox.start-delay:1s}", identity = "outbox-relay",
            // Not before the application has started: on a slow start the first poll came before the channel was
            // wired, and failed with a stack trace ("Unable to connect an emitter with the channel").
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        return drain();
    }

    /**
     * Asks for the outbox to be drained shortly: called once a transaction that appended events has committed.
     * Nudges within {@code survey.outbox.nudge-delay} of each other make one drain, so that under load the relay
     * publishes in batches rather than one cycle (and one claim query) per request.
     */
    public void nudge() {
        committedSinceFailure = true;
        if (nudged.compareAndSet(false, true)) {
            vertx.setTimer(nudgeDelay.toMillis(), timer -> {
                nudged.set(false);
                drainInBackground();
            });
        }
    }

    /**
     * Publishes batch after batch until one comes back less than full. One drain runs at a time in this instance;
     * asked while one runs, it makes that one go round once more instead.
     */
    Uni<Void> drain() {
        if (!draining.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        return drainLoop().onTermination().invoke(() -> {
            draining.set(false);
            if (again.get()) {    // asked after the loop's last look, before it let go
                drainInBackground();
            }
        });
    }

    private void drainInBackground() {
        drain().subscribe().with(x -> { }, e -> LOG.warnf("Outbox drain failed: %s", DatabaseFailures.describe(e)));
    }

    private Uni<Void> drainLoop() {
        again.set(false);
        return cycle().flatMap(full -> full || again.get() ? drainLoop() : Uni.createFrom().voidItem());
    }

    /** One batch, unless backing off; answers whether it was full (so more may be waiting). */
    private Uni<Boolean> cycle() {
        if (!backoff.mayRun(clock.instant()) && !(databaseDown && committedSinceFailure)) {
            return Uni.createFrom().item(false);
        }
        // While backing off after a failure, one event goes as a probe: a batch of sends that all time out would
        // only fill the producer's buffer and the log. Once it is acknowledged, full batches resume at once.
        boolean probing = !backoff.currentDelay().isZero();
        int limit = probing ? 1 : batchSize;
        return publishBatch(limit).map(outcome -> {
            databaseDown = false;
            metrics.published(outcome.published());
            if (outcome.failed() > 0) {
                backoff.failed(clock.instant());
                kafkaLog.warn("kafka", "Outbox: Kafka did not acknowledge", "cycles failed", outcome.published()
                        + " event(s) published, " + outcome.failed() + " failed (" + outcome.error() + "); retrying every "
                        + backoff.currentDelay().toMillis() + " ms at most");
                return false;
            }
            if (backoff.currentDelay().compareTo(java.time.Duration.ZERO) > 0) {
                LOG.infof("Outbox relay publishing again (%d event(s) in this batch)", outcome.published());
                kafkaLog.reset();
            }
            backoff.succeeded();
            return outcome.published() == limit;
        }).onFailure().recoverWithUni(e -> {
            backoff.failed(clock.instant());
            if (DatabaseFailures.isUnreachable(e)) {
                databaseDown = true;
                committedSinceFailure = false;
                outage.background("Outbox relay", e);
            } else {
                kafkaLog.warn("cycle:" + e.getClass().getName(), "Outbox relay cycle failed", "cycles failed",
                        DatabaseFailures.describe(e) + "; retrying every " + backoff.currentDelay().toMillis() + " ms at most");
            }
            return Uni.createFrom().item(false);
        });
    }

    /** Takes the relay lease, claims a batch, publishes it, and records each row's outcome, all in one transaction. */
    Uni<BatchOutcome> publishBatch() {
        return publishBatch(batchSize);
    }

    private Uni<BatchOutcome> publishBatch(int limit) {
        return pool.withTransaction(connection -> connection.query(LEASE).execute()
                .flatMap(lease -> !lease.iterator().next().getBoolean(0) ? Uni.createFrom().item(BatchOutcome.NONE)
                        : connection.preparedQuery(CLAIM).execute(Tuple.of(limit)).flatMap(rows -> {
                            List<PendingEvent> events = new ArrayList<>();
                            rows.forEach(row -> events.add(PendingEvent.of(row)));
                            return events.isEmpty() ? Uni.createFrom().item(BatchOutcome.NONE) : publish(events)
                                    .flatMap(outcome -> record(connection, events).replaceWith(outcome));
                        })));
    }

    /**
     * Sends a claimed batch. Events about the same thing (one return's revisions and withdrawal share a subject)
     * are sent one after another, each only once the previous one is acknowledged, and a failure stops that chain:
     * the rest wait for the next cycle, so they can never overtake the failed one. Different subjects go out
     * concurrently, which is what makes bulk intake (each response its own subject) fast.
     */
    private Uni<BatchOutcome> publish(List<PendingEvent> events) {
        Map<String, List<PendingEvent>> bySubject = new LinkedHashMap<>();
        for (PendingEvent event : events) {
            bySubject.computeIfAbsent(event.subject(), k -> new ArrayList<>()).add(event);
        }
        List<Uni<Boolean>> chains = bySubject.values().stream().map(this::sendInOrder).toList();
        return Uni.join().all(chains).andFailFast().map(completed -> new BatchOutcome(
                (int) events.stream().filter(PendingEvent::published).count(),
                (int) completed.stream().filter(done -> !done).count(),
                events.stream().map(PendingEvent::error).filter(java.util.Objects::nonNull).findFirst().orElse(null)));
    }

    /** Sends one subject's events in order; stops at the first failure, leaving the rest for the next cycle. */
    private Uni<Boolean> sendInOrder(List<PendingEvent> events) {
        Uni<Boolean> chain = Uni.createFrom().item(true);
        for (PendingEvent event : events) {
            chain = chain.flatMap(previousSent -> previousSent ? send(event) : Uni.createFrom().item(false));
        }
        return chain;
    }

    /**
     * One event, marked published only once the broker has acknowledged it. It carries the traceparent of the
     * request that made the change (the connector's own tracing is off: it would put the relay's trace there).
     */
    private Uni<Boolean> send(PendingEvent event) {
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).withTopic(event.topic());
        if (event.traceparent() != null) {
            metadata.withHeaders(new RecordHeaders().add(Traceparent.HEADER, event.traceparent().getBytes(StandardCharsets.US_ASCII)));
        }
        Message<String> message = Message.of(event.payload()).addMetadata(metadata.build());
        return submissions.sendMessage(message)
                .map(acknowledged -> {
                    event.markPublished();
                    return true;
                })
                .onFailure().recoverWithItem(error -> {
                    String reason = String.valueOf(error.getMessage());
                    event.markFailed(reason.length() > MAX_ERROR_LENGTH ? reason.substring(0, MAX_ERROR_LENGTH) : reason);
                    return false;
                });
    }

    /** One statement for everything published, one per failure; events not attempted are left untouched. */
    private Uni<Void> record(SqlConnection connection, List<PendingEvent> events) {
        Long[] published = events.stream().filter(PendingEvent::published).map(PendingEvent::id).toArray(Long[]::new);
        Uni<Void> marked = published.length == 0 ? Uni.createFrom().voidItem()
                : connection.preparedQuery(MARK_PUBLISHED).execute(Tuple.of(OffsetDateTime.now(clock), published)).replaceWithVoid();
        for (PendingEvent failed : events.stream().filter(e -> e.error() != null).toList()) {
            marked = marked.chain(() -> connection.preparedQuery(MARK_FAILED).execute(Tuple.of(failed.error(), failed.id())).replaceWithVoid());
        }
        return marked;
    }

    record BatchOutcome(int published, int failed, String error) {
        static final BatchOutcome NONE = new BatchOutcome(0, 0, null);
    }
}
