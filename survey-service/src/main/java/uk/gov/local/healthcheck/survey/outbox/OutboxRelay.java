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
import java.util.List;

/**
 * Publishes committed outbox events to Kafka, oldest first, and marks each published only once the broker has
 * acknowledged it (acks=all). While Kafka is down nothing is lost: rows stay unpublished and the relay retries with
 * backoff. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances never publish the same row.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM = """
            select * from outbox_event where published_at is null order by id limit :limit for update skip locked""";
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

    /** Claims a batch, publishes it in order, and records each row's outcome, all in one transaction. */
    Uni<BatchOutcome> publishBatch() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery(CLAIM, OutboxEvent.class).setParameter("limit", batchSize).getResultList()
                .flatMap(events -> events.isEmpty() ? Uni.createFrom().item(new BatchOutcome(0, 0)) : publish(events))));
    }

    private Uni<BatchOutcome> publish(List<OutboxEvent> events) {
        List<Uni<Throwable>> sends = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            Message<String> message = Message.of(event.payload).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(event.messageKey).withTopic(event.topic).build());
            // Sent in id order; the idempotent producer keeps that order per partition, i.e. per authority.
            sends.add(submissions.sendMessage(message).replaceWith((Throwable) null).onFailure().recoverWithItem(e -> e));
        }
        // Broker acks arrive on Kafka's threads; the session may only be used on the context that opened it.
        Context context = Vertx.currentContext();
        return Uni.join().all(sends).andFailFast().emitOn(task -> context.runOnContext(ignored -> task.run())).map(errors -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            int failed = 0;
            for (int i = 0; i < events.size(); i++) {
                OutboxEvent event = events.get(i);
                event.attempts++;
                Throwable error = errors.get(i);
                if (error == null) {
                    event.publishedAt = now;
                    event.lastError = null;
                } else {
                    failed++;
                    String message = String.valueOf(error.getMessage());
                    event.lastError = message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
                }
            }
            return new BatchOutcome(events.size() - failed, failed);
        });
    }

    record BatchOutcome(int published, int failed) {
    }
}
