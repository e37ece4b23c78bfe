package uk.gov.local.healthcheck.benchmark.intake;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.benchmark.store.IndicatorStateStore;
import uk.gov.local.healthcheck.events.AuthorityIndicators;

import java.time.Duration;

/**
 * Applies metrics-service's indicator events to the local state. Records are processed one at a time per channel,
 * so a partition's order (one authority's events) is kept; a record is acknowledged only once its transaction has
 * committed, so a crash in between replays it, and replay is harmless because applying is idempotent by revision.
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

    public IndicatorsConsumer(IndicatorStateStore store) {
        this.store = store;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        DecodedEvent decoded = IndicatorEventDecoder.decode(message.getPayload());
        // Java 17: no pattern matching for switch yet, hence instanceof over the sealed type.
        if (decoded instanceof DecodedEvent.Indicators event) {
            return apply(message, event);
        }
        if (decoded instanceof DecodedEvent.Poison poison) {
            LOG.warnf("Skipping an unreadable record at %s: %s", position(message), poison.reason());
        } else if (decoded instanceof DecodedEvent.OtherType other) {
            LOG.debugf("Ignoring an event of type %s", other.type());
        }
        return ack(message);
    }

    private Uni<Void> apply(Message<String> message, DecodedEvent.Indicators event) {
        AuthorityIndicators data = event.payload();
        return store.apply(data, event.eventId())
                .onFailure().retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).atMost(MAX_RETRIES)
                .invoke(outcome -> LOG.debugf("%s %s revision %d: %s",
                        data.roundId(), data.authorityCode(), data.sourceRevision(), outcome))
                .chain(() -> ack(message))
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf(failure, "Could not store %s %s revision %d", data.roundId(), data.authorityCode(),
                            data.sourceRevision());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    /** topic-partition@offset, so a skipped record can be found and inspected. */
    private static String position(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset())
                .orElse(CHANNEL);
    }

    private static Uni<Void> ack(Message<String> message) {
        return Uni.createFrom().completionStage(message.ack());
    }
}
