package uk.gov.local.healthcheck.benchmark.intake;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.benchmark.query.RoundSnapshots;
import uk.gov.local.healthcheck.benchmark.store.AppliedRound;
import uk.gov.local.healthcheck.benchmark.store.IndicatorStateStore;
import uk.gov.local.healthcheck.benchmark.store.PendingEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies metrics-service's indicator events to the local state, a polled batch at a time (the channel is in batch
 * mode, see application.properties): under a burst the records that queued during one transaction are written by
 * the next in one go, instead of each waiting for its own; when quiet a batch is a single record, so nothing waits
 * for a batch to fill. Batches are processed one at a time, so a partition's order (one authority's events) is kept.
 * The batch is acknowledged only once its transaction has committed, so a crash in between replays it, and replay
 * is harmless because applying is idempotent by revision. After the commit this instance's snapshots are updated
 * from the applied events, so the next read shows them without going back to the database.
 */
@ApplicationScoped
public class IndicatorsConsumer {

    public static final String CHANNEL = "indicators";

    private static final Logger LOG = Logger.getLogger(IndicatorsConsumer.class);

    /** A database blip (restart, failover) should not stop intake; a longer outage fails the channel (see README). */
    private static final int MAX_RETRIES = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final IndicatorStateStore store;
    private final RoundSnapshots snapshots;

    public IndicatorsConsumer(IndicatorStateStore store, RoundSnapshots snapshots) {
        this.store = store;
        this.snapshots = snapshots;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<PendingEvent> events = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            DecodedEvent decoded = IndicatorEventDecoder.decode(record.getPayload());
            // Java 17: no pattern matching for switch yet, hence instanceof over the sealed type.
            if (decoded instanceof DecodedEvent.Indicators event) {
                events.add(new PendingEvent(event.eventId(), event.payload()));
            } else if (decoded instanceof DecodedEvent.Poison poison) {
                LOG.warnf("Skipping an unreadable record at %s: %s", position(record), poison.reason());
            } else if (decoded instanceof DecodedEvent.OtherType other) {
                LOG.debugf("Ignoring an event of type %s", other.type());
            }
        }
        if (events.isEmpty()) {
            return ack(batch);
        }
        long started = System.nanoTime();
        return store.applyAll(events)
                .onFailure().retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(MAX_RETRIES)
                .invoke(applied -> {
                    LOG.debugf("Applied %d of %d events in %d ms, rounds %s", applied.stream()
                                    .mapToInt(r -> r.applied().size()).sum(), events.size(),
                            (System.nanoTime() - started) / 1_000_000, applied.stream().map(AppliedRound::info).toList());
                    snapshots.applied(applied);
                })
                .chain(() -> ack(batch))
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf(failure, "Could not store a batch of %d events, from %s", events.size(),
                            position(batch.getRecords().get(0)));
                    return Uni.createFrom().completionStage(batch.nack(failure));
                });
    }

    /** topic-partition@offset, so a skipped record can be found and inspected. */
    private static String position(KafkaRecord<String, String> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset())
                .orElse(CHANNEL);
    }

    private static Uni<Void> ack(Message<?> message) {
        return Uni.createFrom().completionStage(message.ack());
    }
}
