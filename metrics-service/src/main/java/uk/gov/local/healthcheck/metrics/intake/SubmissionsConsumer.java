package uk.gov.local.healthcheck.metrics.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.deadletters.BatchGuard;
import uk.gov.local.healthcheck.deadletters.DeadLetterWriter;
import uk.gov.local.healthcheck.deadletters.FailedRecord;
import uk.gov.local.healthcheck.metrics.store.Change;
import uk.gov.local.healthcheck.metrics.store.StateKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consumes {@code survey.submissions.v1} in batches (one batch = the records of one poll, at most
 * {@code max.poll.records}), each applied in one transaction and acknowledged only after that transaction committed
 * and the broker acknowledged every indicators event it caused. The batches of one channel copy are processed one
 * after the other, so the records of an authority (one key, one partition) are applied in order.
 *
 * <p>No record stops it (issue 10): a record that cannot be decoded or breaks the contract is set aside at once as a
 * dead letter ({@code survey.submissions.v1.dlq} and the {@code dead_letter} table); a batch the database refuses
 * for good is bisected, every other record applied in order and the poison ones set aside ({@link BatchGuard}); a
 * transient failure (PostgreSQL or Kafka unreachable) is retried for as long as it takes, with capped backoff, and
 * nothing is skipped. The batch is acknowledged only then.
 */
@ApplicationScoped
public class SubmissionsConsumer {

    public static final String CONSUMER = "metrics-service";
    private static final Logger LOG = Logger.getLogger(SubmissionsConsumer.class);

    private final SubmissionHandler handler;
    private final BatchGuard guard;
    private final DeadLetterWriter deadLetters;
    private final IntakeGate gate;
    private final io.opentelemetry.api.trace.Tracer tracer;
    private final Counter applied;

    /** A decoded record: its change, the record as consumed, its W3C trace context. */
    public record Item(Change change, FailedRecord raw, String traceparent) {
    }

    public SubmissionsConsumer(SubmissionHandler handler, BatchGuard guard, DeadLetterWriter deadLetters,
                               IntakeGate gate, MeterRegistry registry, io.opentelemetry.api.trace.Tracer tracer) {
        this.applied = Counter.builder("healthcheck.events.applied")
                .description("Submission events applied (including duplicates and stale revisions, which change nothing)")
                .tag("consumer", CONSUMER).register(registry);
        this.handler = handler;
        this.guard = guard;
        this.deadLetters = deadLetters;
        this.gate = gate;
        this.tracer = tracer;
    }

    @Incoming("submissions")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<Item> items = new ArrayList<>();
        Uni<Void> setAside = Uni.createFrom().voidItem();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            FailedRecord raw = FailedRecord.of(record);
            try {
                Optional<Item> item = itemOf(raw, record.getPayload());
                if (item.isEmpty()) {
                    LOG.debugf("Skipping record %s: not an event type metrics-service consumes", raw.position());
                }
                item.ifPresent(i -> {
                    warnIfKeyDiffers(raw, i.change());
                    items.add(i);
                });
            } catch (InvalidEventException e) {
                setAside = setAside.chain(() -> deadLetters.deadLetter(raw, e.getMessage(), SubmissionHandler.errorTypeOf(e)));
            }
        }
        if (batch.getRecords().isEmpty()) {
            return ack(batch);
        }
        String where = "batch of " + batch.getRecords().size() + " records from "
                + FailedRecord.of(batch.getRecords().get(0)).position();
        long start = System.nanoTime();
        // The batch is applied in a span that continues the trace of its last submission (linked to the others'),
        // so its log lines carry that trace id.
        Uni<Void> toSetAside = setAside;
        return Uni.createFrom().deferred(() -> {
            // Current from the subscription to the end, on this batch's own (duplicated) Vert.x context.
            io.opentelemetry.api.trace.Span span = span(batch, where);
            io.opentelemetry.context.Scope scope = span.makeCurrent();
            return toSetAside
                    .chain(() -> guard.apply(items, Item::raw, this::apply, where))
                    .invoke(poison -> {
                        applied.increment(items.size() - poison.size());
                        LOG.debugf("%s applied and published in %d ms", where, (System.nanoTime() - start) / 1_000_000);
                    })
                    .chain(() -> ack(batch))
                    .eventually(() -> {
                        span.end();
                        scope.close();
                    });
        });
    }

    private io.opentelemetry.api.trace.Span span(KafkaRecordBatch<String, String> batch, String where) {
        var propagator = io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator.getInstance();
        var builder = tracer.spanBuilder("apply " + where).setSpanKind(io.opentelemetry.api.trace.SpanKind.CONSUMER)
                .setNoParent();
        io.opentelemetry.context.Context parent = null;
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            var header = record.getHeaders().lastHeader("traceparent");
            if (header == null) {
                continue;
            }
            var context = propagator.extract(io.opentelemetry.context.Context.root(),
                    new String(header.value(), java.nio.charset.StandardCharsets.UTF_8), TEXT);
            var spanContext = io.opentelemetry.api.trace.Span.fromContext(context).getSpanContext();
            if (spanContext.isValid()) {
                if (parent != null) {
                    builder.addLink(io.opentelemetry.api.trace.Span.fromContext(parent).getSpanContext());
                }
                parent = context;
            }
        }
        if (parent != null) {
            builder.setParent(parent);
        }
        return builder.startSpan();
    }

    private static final io.opentelemetry.context.propagation.TextMapGetter<String> TEXT =
            new io.opentelemetry.context.propagation.TextMapGetter<>() {
                @Override
                public Iterable<String> keys(String carrier) {
                    return List.of("traceparent");
                }

                @Override
                public String get(String carrier, String key) {
                    return "traceparent".equals(key) ? carrier : null;
                }
            };

    /**
     * The item {@code raw} (whose value is {@code payload}) makes: its change and trace context; empty for an event
     * type metrics-service does not consume. The consumer and a dead letter's replay decode records here alike.
     *
     * @throws InvalidEventException when it can never be applied (a dead letter)
     */
    public Optional<Item> itemOf(FailedRecord raw, String payload) {
        return handler.changeOf(payload).map(change -> new Item(change, raw, raw.header("traceparent").orElse(null)));
    }

    /** Applies some decoded records in one transaction and publishes what they changed (held off during a swap). */
    public Uni<?> apply(List<Item> part) {
        List<Change> changes = part.stream().map(Item::change).toList();
        return gate.run(() -> handler.handle(changes, traceparents(part)));
    }

    /** Per (round, authority), the trace context of the last record of {@code items} that concerned it. */
    static Map<StateKey, String> traceparents(List<Item> items) {
        Map<StateKey, String> out = new LinkedHashMap<>();
        for (Item i : items) {
            if (i.traceparent() != null) {
                out.put(new StateKey(i.change().roundId(), i.change().authorityCode()), i.traceparent());
            }
        }
        return out;
    }

    private static Uni<Void> ack(Message<?> message) {
        return Uni.createFrom().completionStage(message.ack());
    }

    /** The key only decides the partition; a mismatch is a producer bug worth seeing, but the data is authoritative. */
    private static void warnIfKeyDiffers(FailedRecord record, Change change) {
        String key = record.key();
        if (key != null && !change.authorityCode().equals(key)) {
            LOG.warnf("Event %s for authority %s arrived with key %s", change.eventId(), change.authorityCode(), key);
        }
    }
}
