package uk.gov.local.healthcheck.survey.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes committed outbox events to Kafka, oldest first, and marks each published only once the broker has
 * acknowledged it (acks=all). While Kafka is down nothing is lost: rows stay unpublished and the relay retries with
 * backoff. One relay publishes at a time, whatever the number of instances: each cycle first takes a
 * transaction-scoped advisory lock, and an instance that does not get it skips the cycle. (Claiming rows with
 * SKIP LOCKED instead would let a second instance publish a later revision while the first still holds an earlier one.)
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LEASE = "select pg_try_advisory_xact_lock(hashtext('survey.outbox-relay'))";
    private static final String CLAIM = """
            select * from outbox_event where published_at is null order by id limit :limit for update""";
    private static final int MAX_ERROR_LENGTH = 1000;

    private final MutinyEmitter<String> submissions;
    private final Clock clock;
    private final int batchSize;
    private final RetryBackoff backoff;

    public OutboxRelay(@Channel("submissions") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<String> submissions,
                       Clock clock,
                       @ConfigProperty(name = "survey.outbox.batch-size") int batchSize,
                       @ConfigProperty(name = "survey.outbox.backoff.initial", defaultValue = "1s") Duration initialBackoff,
                       @ConfigProperty(name = "survey.outbox.backoff.max", defaultValue = "30s") Duration maxBackoff) {
        this.submissions = submissions;
        this.clock = clock;
        this.batchSize = batchSize;
        this.backoff = new RetryBackoff(initialBackoff, maxBackoff);
    }

    @Scheduled(every = "${survey.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${survey.outbox.start-delay:1s}", identity = "outbox-relay")
    Uni<Void> relay() {
        if (!backoff.mayRun(clock.instant())) {
            return Uni.createFrom().voidItem();
        }
        return publishBatch().invoke(outcome -> {
            if (outcome.failed() > 0) {
                backoff.failed(clock.instant());
                LOG.warnf("Outbox: %d event(s) published, %d failed; retrying in %s", outcome.published(), outcome.failed(),
                        backoff.currentDelay());
            } else {
                backoff.succeeded();
            }
        }).replaceWithVoid().onFailure().recoverWithUni(e -> {
            backoff.failed(clock.instant());
            LOG.warnf("Outbox relay cycle failed (%s); retrying in %s", e.getMessage(), backoff.currentDelay());
            return Uni.createFrom().voidItem();
        });
    }

    /** Takes the relay lease, claims a batch, publishes it, and records each row's outcome, all in one transaction. */
    Uni<BatchOutcome> publishBatch() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery(LEASE, Boolean.class).getSingleResult()
                .flatMap(leased -> !leased ? Uni.createFrom().item(new BatchOutcome(0, 0)) : session
                        .createNativeQuery(CLAIM, OutboxEvent.class).setParameter("limit", batchSize).getResultList()
                        .flatMap(events -> events.isEmpty() ? Uni.createFrom().item(new BatchOutcome(0, 0)) : publish(events)))));
    }

    /**
     * Publishes a claimed batch. Events about the same thing (one return's revisions and withdrawal share a subject)
     * are sent one after another, each only once the previous one is acknowledged, and a failure stops that chain:
     * the rest wait for the next cycle, so they can never overtake the failed one. Different subjects go out
     * concurrently, which is what makes bulk intake (each response its own subject) fast.
     */
    private Uni<BatchOutcome> publish(List<OutboxEvent> events) {
        Map<String, List<OutboxEvent>> bySubject = new LinkedHashMap<>();
        for (OutboxEvent event : events) {
            bySubject.computeIfAbsent(event.subject, k -> new ArrayList<>()).add(event);
        }
        // Broker acks arrive on Kafka's threads; the session may only be used on the context that opened it.
        Context context = Vertx.currentContext();
        List<Uni<Boolean>> chains = bySubject.values().stream().map(this::sendInOrder).toList();
        return Uni.join().all(chains).andFailFast().emitOn(task -> context.runOnContext(ignored -> task.run()))
                .map(completed -> new BatchOutcome((int) events.stream().filter(e -> e.publishedAt != null).count(),
                        (int) completed.stream().filter(done -> !done).count()));
    }

    /** Sends one subject's events in order; stops at the first failure, leaving the rest for the next cycle. */
    private Uni<Boolean> sendInOrder(List<OutboxEvent> events) {
        Uni<Boolean> chain = Uni.createFrom().item(true);
        for (OutboxEvent event : events) {
            chain = chain.flatMap(previousSent -> previousSent ? send(event) : Uni.createFrom().item(false));
        }
        return chain;
    }

    /** One event; marked published (in this transaction) only once the broker has acknowledged it. */
    private Uni<Boolean> send(OutboxEvent event) {
        Message<String> message = Message.of(event.payload).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(event.messageKey).withTopic(event.topic).build());
        return submissions.sendMessage(message)
                .map(acknowledged -> {
                    event.attempts++;
                    event.publishedAt = OffsetDateTime.now(clock);
                    event.lastError = null;
                    return true;
                })
                .onFailure().recoverWithItem(error -> {
                    event.attempts++;
                    String reason = String.valueOf(error.getMessage());
                    event.lastError = reason.length() > MAX_ERROR_LENGTH ? reason.substring(0, MAX_ERROR_LENGTH) : reason;
                    return false;
                });
    }

    record BatchOutcome(int published, int failed) {
    }
}
