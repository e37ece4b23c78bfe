package uk.gov.local.healthcheck.metrics.intake;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.metrics.store.Change;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Consumes {@code survey.submissions.v1} in batches (one batch = the records of one poll, at most
 * {@code max.poll.records}), each applied in one transaction and acknowledged only after that transaction committed
 * and the broker acknowledged every indicators event it caused. The batches of one channel copy are processed one
 * after the other, so the records of an authority (one key, one partition) are applied in order.
 *
 * <p>A record that can never be processed is logged and left out of its batch, so it cannot block its partition. A
 * batch that fails (database or broker down) is retried with back-off; if it still fails it is nacked, which stops
 * the channel (failure-strategy=fail) so the health check goes down and the records are redelivered after a restart
 * rather than skipped.
 */
@ApplicationScoped
public class SubmissionsConsumer {

    private static final Logger LOG = Logger.getLogger(SubmissionsConsumer.class);

    @Inject
    SubmissionHandler handler;

    @Inject
    IntakeRetry retry;

    @Incoming("submissions")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<Change> changes = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            Optional<Change> change = handler.changeOf(record.getPayload(), describe(record));
            change.ifPresent(c -> {
                warnIfKeyDiffers(record, c);
                changes.add(c);
            });
        }
        if (changes.isEmpty()) {
            return ack(batch);
        }
        String where = batch.getRecords().size() + " records from " + describe(batch.getRecords().get(0));
        long start = System.nanoTime();
        return retry.retrying(() -> handler.handle(changes)
                        .onFailure().invoke(f -> LOG.warnf("Processing batch of %s failed, will retry: %s", where, f.toString())))
                .invoke(result -> LOG.debugf("Batch of %s applied and published in %d ms", where,
                        (System.nanoTime() - start) / 1_000_000))
                .onItemOrFailure().transformToUni((ok, failure) -> {
                    if (failure == null) {
                        return ack(batch);
                    }
                    LOG.errorf(failure, "Giving up on batch of %s; it stays uncommitted and will be redelivered", where);
                    return Uni.createFrom().completionStage(batch.nack(failure));
                });
    }

    private static Uni<Void> ack(Message<?> message) {
        return Uni.createFrom().completionStage(message.ack());
    }

    /** The key only decides the partition; a mismatch is a producer bug worth seeing, but the data is authoritative. */
    private static void warnIfKeyDiffers(KafkaRecord<String, String> record, Change change) {
        String key = record.getKey();
        if (key != null && !change.authorityCode().equals(key)) {
            LOG.warnf("Event %s for authority %s arrived with key %s", change.eventId(), change.authorityCode(), key);
        }
    }

    private static String describe(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset() + " key " + m.getKey())
                .orElse("(no Kafka metadata)");
    }
}
