package uk.gov.local.healthcheck.metrics.publication;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.EventEnvelope;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.IndicatorValue;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;
import uk.gov.local.healthcheck.metrics.store.AuthorityState;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Publishes an authority's current indicators to {@code metrics.indicators.v1}. The returned {@link Uni} completes
 * only when the broker has acknowledged the record (acks=all), which is what lets the consumer hold back its own
 * acknowledgement until the outgoing event is safe.
 */
@ApplicationScoped
public class IndicatorsPublisher {

    public static final String SOURCE = "/metrics-service";
    public static final String TRACEPARENT = "traceparent";
    private static final Logger LOG = Logger.getLogger(IndicatorsPublisher.class);

    private final MutinyEmitter<String> emitter;

    /**
     * The emitter's buffer is unbounded: a batch publishes one record per (round, authority) it changed, all at once,
     * and waits for their acks before the next batch of its channel copy, so what is buffered is bounded by the batch
     * sizes (and a full bounded buffer would fail a batch that is otherwise fine).
     */
    public IndicatorsPublisher(@Channel("indicators") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
                               MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(AuthorityState state) {
        return publish(state, null);
    }

    /**
     * Publishes {@code state} with {@code traceparent} (W3C, of the last submission that changed it) as the record's
     * {@code traceparent} header, so the trace goes on to benchmark-service; none when null.
     */
    public Uni<Void> publish(AuthorityState state, String traceparent) {
        String json = EventJson.write(envelope(state));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(state.authorityCode());
        if (traceparent != null) {
            metadata.withHeaders(new org.apache.kafka.common.header.internals.RecordHeaders().add(
                    TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8)));
        }
        Message<String> message = Message.of(json).addMetadata(metadata.build());
        return emitter.sendMessage(message)
                .invoke(() -> LOG.debugf("Published indicators of %s in %s (revision %d, withdrawn %s)",
                        state.authorityCode(), state.roundId(), state.revision(), state.withdrawn()));
    }

    static EventEnvelope<AuthorityIndicators> envelope(AuthorityState state) {
        var payload = new AuthorityIndicators(state.roundId(), state.instrument(), state.period(),
                state.authorityCode(), state.revision(), state.withdrawn(),
                state.computedAt().atOffset(ZoneOffset.UTC),
                state.indicators().stream().map(IndicatorsPublisher::value).toList(),
                state.instrumentVersion(), state.consent(),
                state.withdrawn() ? null : state.answers(),
                state.withdrawn() ? null : state.words());
        return EventEnvelope.of(eventId(state), SOURCE, AuthorityIndicators.TYPE, payload.computedAt(),
                "rounds/" + state.roundId() + "/authorities/" + state.authorityCode(), payload);
    }

    /** An indicator as published: with its polarity and unit from the dictionary. */
    static IndicatorValue value(IndicatorValue i) {
        var definition = IndicatorDictionary.byId(i.indicatorId());
        return new IndicatorValue(i.indicatorId(), i.value(), i.numerator(), i.denominator(), i.scale(),
                i.missingInputs(), i.missingReason(),
                definition.map(d -> d.polarity().wire()).orElse(null),
                definition.map(d -> d.unit().wire()).orElse(null));
    }

    /**
     * The same fact (this authority's indicators at this source revision) always gets the same id, so a re-publication
     * after a crash is recognisable as a duplicate by id as well as by {@code sourceRevision}.
     */
    static String eventId(AuthorityState state) {
        String name = SOURCE + "/" + state.roundId() + "/" + state.authorityCode() + "/" + state.revision();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
