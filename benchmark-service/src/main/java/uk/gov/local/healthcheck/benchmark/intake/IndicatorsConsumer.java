package uk.gov.local.healthcheck.benchmark.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.benchmark.query.RoundSnapshots;
import uk.gov.local.healthcheck.benchmark.store.AppliedRound;
import uk.gov.local.healthcheck.benchmark.store.IndicatorStateStore;
import uk.gov.local.healthcheck.benchmark.store.PendingEvent;
import uk.gov.local.healthcheck.deadletters.BatchGuard;
import uk.gov.local.healthcheck.deadletters.DeadLetterWriter;
import uk.gov.local.healthcheck.deadletters.FailedRecord;
import uk.gov.local.healthcheck.events.Topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies metrics-service's indicator events to the local state, a polled batch at a time (the channel is in batch
 * mode, see application.properties): under a burst the records that queued during one transaction are written by
 * the next in one go, instead of each waiting for its own; when quiet a batch is a single record, so nothing waits
 * for a batch to fill. Batches are processed one at a time, so a partition's order (one authority's events) is kept.
 * The batch is acknowledged only once its transaction has committed, so a crash in between replays it, and replay
 * is harmless because applying is idempotent by revision. After the commit this instance's snapshots are updated
 * from the applied events, so the next read shows them without going back to the database.
 *
 * <p><b>No record stops intake.</b> A record that cannot be decoded or breaks the contract is set aside at once on
 * {@code metrics.indicators.v1.dlq} (and the {@code dead_letter} table) by the dead-letters module. The decoded
 * events go through its {@link BatchGuard}: a transient failure (PostgreSQL unreachable, a serialization conflict)
 * is retried with capped backoff for as long as it takes, never skipped; a permanent one (PostgreSQL refusing what
 * an event holds, e.g. a NUL in a text) bisects the batch, applies every other event in order and sets the
 * poison event aside. Only then is the batch acknowledged.
 *
 * <p><b>Traces.</b> Each batch is applied in a span that continues the trace of its first record's W3C
 * {@code traceparent} header (metrics-service's, itself continuing the submission's), linked to the others'.
 */
@ApplicationScoped
public class IndicatorsConsumer {

    public static final String CHANNEL = "indicators";
    public static final String CONSUMER = "benchmark-service";

    private static final Logger LOG = Logger.getLogger(IndicatorsConsumer.class);

    private static final TextMapGetter<FailedRecord> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(FailedRecord carrier) {
            return carrier.headers().keySet();
        }

        @Override
        public String get(FailedRecord carrier, String key) {
            return carrier == null ? null : carrier.header(key).orElse(null);
        }
    };

    private final IndicatorStateStore store;
    private final RoundSnapshots snapshots;
    private final BatchGuard guard;
    private final DeadLetterWriter deadLetters;
    private final IntakeState intake;
    private final Tracer tracer;
    private final OpenTelemetry openTelemetry;
    private final Counter eventsApplied;

    public IndicatorsConsumer(IndicatorStateStore store, RoundSnapshots snapshots, BatchGuard guard,
                              DeadLetterWriter deadLetters, IntakeState intake, Tracer tracer,
                              OpenTelemetry openTelemetry, MeterRegistry registry) {
        this.store = store;
        this.snapshots = snapshots;
        this.guard = guard;
        this.deadLetters = deadLetters;
        this.intake = intake;
        this.tracer = tracer;
        this.openTelemetry = openTelemetry;
        this.eventsApplied = Counter.builder("healthcheck.events.applied")
                .description("Indicator events applied to the benchmark state (committed; stale revisions included)")
                .tag("consumer", CONSUMER).register(registry);
    }

    /** A decoded event and the record it came from (what is set aside if it proves poison). */
    record Item(PendingEvent event, FailedRecord record) {
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<FailedRecord> records = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            records.add(FailedRecord.of(record));
        }
        Span span = batchSpan(records);
        List<Item> items = new ArrayList<>();
        Uni<Void> setAside = Uni.createFrom().voidItem();
        for (FailedRecord record : records) {
            DecodedEvent decoded = IndicatorEventDecoder.decode(record.valueAsString());
            // Java 17: no pattern matching for switch yet, hence instanceof over the sealed type.
            if (decoded instanceof DecodedEvent.Indicators event) {
                items.add(new Item(new PendingEvent(event.eventId(), event.payload()), record));
            } else if (decoded instanceof DecodedEvent.Poison poison) {
                inSpan(span, () -> LOG.warnf("Setting aside an unreadable record at %s (%s): %s", record.position(),
                        poison.errorType(), poison.reason()));
                setAside = setAside.chain(() -> deadLetters.deadLetter(record, poison.reason(), poison.errorType()));
            } else if (decoded instanceof DecodedEvent.OtherType other) {
                LOG.debugf("Ignoring an event of type %s", other.type());
            }
        }
        String what = "Batch of " + items.size() + " indicator events from " + records.get(0).position();
        return setAside
                .chain(() -> items.isEmpty() ? Uni.createFrom().voidItem()
                        : guard.apply(items, Item::record, this::apply, what).replaceWithVoid())
                .chain(() -> ack(batch))
                .invoke(() -> applied(records))
                .onTermination().invoke((ok, failure, cancelled) -> {
                    if (failure != null) {
                        span.setStatus(StatusCode.ERROR, failure.toString());
                    }
                    span.end();
                });
    }

    /** One transaction for a part of the batch (all of it unless a poison event is being isolated). */
    private Uni<List<AppliedRound>> apply(List<Item> part) {
        long started = System.nanoTime();
        List<PendingEvent> events = part.stream().map(Item::event).toList();
        return store.applyAll(events).invoke(applied -> {
            eventsApplied.increment(events.size());
            LOG.debugf("Applied %d of %d events in %d ms, rounds %s", applied.stream()
                            .mapToInt(r -> r.applied().size()).sum(), events.size(),
                    (System.nanoTime() - started) / 1_000_000, applied.stream().map(AppliedRound::info).toList());
            snapshots.applied(applied);
        });
    }

    /** Tells the catch-up tracking how far each partition of the batch has been applied and acknowledged. */
    private void applied(List<FailedRecord> records) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (FailedRecord r : records) {
            next.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
        }
        next.forEach(intake::applied);
    }

    private Span batchSpan(List<FailedRecord> records) {
        SpanBuilder builder = tracer.spanBuilder(Topics.INDICATORS + " apply").setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", Topics.INDICATORS)
                .setAttribute("messaging.batch.message_count", (long) records.size());
        boolean parented = false;
        for (FailedRecord record : records) {
            if (record.header("traceparent").isEmpty()) {
                continue;
            }
            Context remote = openTelemetry.getPropagators().getTextMapPropagator()
                    .extract(Context.root(), record, HEADERS);
            SpanContext context = Span.fromContext(remote).getSpanContext();
            if (!context.isValid()) {
                continue;
            }
            if (!parented) {
                builder.setParent(remote);
                parented = true;
            } else {
                builder.addLink(context);
            }
        }
        if (!parented) {
            builder.setNoParent();
        }
        return builder.startSpan();
    }

    /** Runs {@code action} (a log line) with the batch's span current, so the line carries its trace and span ids. */
    private static void inSpan(Span span, Runnable action) {
        try (Scope ignored = span.makeCurrent()) {
            action.run();
        }
    }

    private static Uni<Void> ack(Message<?> message) {
        return Uni.createFrom().completionStage(message.ack());
    }
}
