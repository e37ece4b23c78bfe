package uk.gov.local.healthcheck.metrics.intake;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.metrics.store.Change;

import java.time.Duration;
import java.util.Optional;

/**
 * Consumes {@code survey.submissions.v1}. A record is acknowledged (its offset becomes committable) only after its
 * effect is committed to the database and any resulting indicators event is acknowledged by the broker; a record
 * that fails after the retries is nacked, which stops the channel (failure-strategy=fail) so the health check goes
 * down and the record is redelivered after a restart rather than skipped. A record that can never be processed is
 * logged and acknowledged, so it cannot block its partition.
 */
@ApplicationScoped
public class SubmissionsConsumer {

    private static final Logger LOG = Logger.getLogger(SubmissionsConsumer.class);

    @Inject
    SubmissionHandler handler;

    @ConfigProperty(name = "metrics.intake.retry.attempts", defaultValue = "5")
    int retryAttempts;

    @ConfigProperty(name = "metrics.intake.retry.initial-backoff", defaultValue = "PT0.5S")
    Duration initialBackoff;

    @ConfigProperty(name = "metrics.intake.retry.max-backoff", defaultValue = "PT10S")
    Duration maxBackoff;

    @Incoming("submissions")
    public Uni<Void> consume(Message<String> message) {
        String where = describe(message);
        Change change;
        try {
            Optional<SubmissionEvent> event = SubmissionEventParser.parse(message.getPayload());
            if (event.isEmpty()) {
                LOG.debugf("Skipping record %s: not an event type metrics-service consumes", where);
                return ack(message);
            }
            change = handler.changeFor(event.get());
            warnIfKeyDiffers(message, change);
        } catch (InvalidEventException e) {
            LOG.errorf("Skipping unprocessable record %s: %s", where, e.getMessage());
            return ack(message);
        }
        // Hibernate Reactive must run on the record's Vert.x context; a retry after a back-off would otherwise
        // resume on a timer thread.
        Context context = Vertx.currentContext();
        Uni<Void> work = Uni.createFrom().deferred(() -> handler.handle(change));
        if (context != null) {
            work = work.runSubscriptionOn(task -> context.runOnContext(v -> task.run()));
        }
        return work
                .onFailure().invoke(f -> LOG.warnf("Processing record %s failed, will retry: %s", where, f.toString()))
                .onFailure().retry().withBackOff(initialBackoff, maxBackoff).atMost(retryAttempts)
                .onItemOrFailure().transformToUni((ok, failure) -> {
                    if (failure == null) {
                        return ack(message);
                    }
                    LOG.errorf(failure, "Giving up on record %s; it stays uncommitted and will be redelivered", where);
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    private static Uni<Void> ack(Message<String> message) {
        return Uni.createFrom().completionStage(message.ack());
    }

    /** The key only decides the partition; a mismatch is a producer bug worth seeing, but the data is authoritative. */
    private static void warnIfKeyDiffers(Message<String> message, Change change) {
        message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getKey)
                .filter(key -> !change.authorityCode().equals(key))
                .ifPresent(key -> LOG.warnf("Event %s for authority %s arrived with key %s", change.eventId(),
                        change.authorityCode(), key));
    }

    private static String describe(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset() + " key " + m.getKey())
                .orElse("(no Kafka metadata)");
    }
}
