package uk.gov.local.healthcheck.benchmark.api;

import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ProducerTask;
import org.apache.kafka.clients.producer.ProducerRecord;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.EventEnvelope;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.IndicatorValue;
import uk.gov.local.healthcheck.events.Topics;
import uk.gov.local.healthcheck.infra.KafkaTestResource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Publishes to the indicators topic of the test broker exactly as metrics-service does (key = GSS code), through one
 * Kafka companion producer fed in the order of the calls, so one key's records arrive in that order. One per test
 * class, connected on first use; the companion closes the producer when the broker stops, {@link #close()} sooner.
 */
public final class EventPublisher implements AutoCloseable {

    private static final Duration ACKNOWLEDGED = Duration.ofSeconds(60);

    private KafkaCompanion companion;
    private UnicastProcessor<ProducerRecord<String, String>> records;
    private ProducerTask task;
    private int sent;

    public static IndicatorValue rate(String indicator, String numerator, String denominator, String polarity) {
        BigDecimal n = new BigDecimal(numerator);
        BigDecimal d = new BigDecimal(denominator);
        return new IndicatorValue(indicator, n.multiply(BigDecimal.valueOf(100)).divide(d, MathContext.DECIMAL128), n, d,
                100, null, null, polarity, "percent");
    }

    /** A practitioner share: value withheld by metrics-service below 10 respondents, counts still carried. */
    public static IndicatorValue share(String indicator, int agreeing, int base) {
        BigDecimal n = BigDecimal.valueOf(agreeing);
        BigDecimal d = BigDecimal.valueOf(base);
        BigDecimal value = base < 10 ? null : n.multiply(BigDecimal.valueOf(100)).divide(d, MathContext.DECIMAL128);
        return new IndicatorValue(indicator, value, n, d, 100, null, base < 10 ? "fewer than 10 respondents" : null,
                "higher-is-better", "percent");
    }

    /** The CloudEvents envelope metrics-service publishes for {@code data}. */
    public static String event(AuthorityIndicators data) {
        return EventJson.write(EventEnvelope.of(UUID.randomUUID().toString(), "/metrics-service",
                AuthorityIndicators.TYPE, data.computedAt(),
                "rounds/" + data.roundId() + "/authorities/" + data.authorityCode(), data));
    }

    /** Publishes without waiting for the broker: {@link #flush()} waits for everything published so far. */
    public void publish(AuthorityIndicators data) {
        produce(new ProducerRecord<>(Topics.INDICATORS, data.authorityCode(), event(data)));
    }

    public void publishAndWait(AuthorityIndicators data) {
        publish(data);
        flush();
    }

    /** Sends any value (a poison record too) under {@code key} and waits for the broker's acknowledgement. */
    public void send(String key, String value) {
        send(key, value, null);
    }

    /** The same, with a {@code traceparent} header unless it is null. */
    public void send(String key, String value, String traceparent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INDICATORS, key, value);
        if (traceparent != null) {
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        produce(record);
        flush();
    }

    /** Waits until the broker has acknowledged everything published so far. */
    public synchronized void flush() {
        if (task != null) {
            task.awaitRecords(sent, ACKNOWLEDGED);
        }
    }

    /** Waits for everything published so far, then closes the producer. */
    @Override
    public synchronized void close() {
        flush();
        if (records != null) {
            records.onComplete();
        }
    }

    private synchronized void produce(ProducerRecord<String, String> record) {
        KafkaCompanion current = KafkaTestResource.companion();
        if (companion != current) {
            // First use, or a test class sharing this publisher runs against a broker started since.
            companion = current;
            records = UnicastProcessor.create();
            task = current.produceStrings().fromMulti(records);
            sent = 0;
        }
        sent++;
        records.onNext(record);
    }

    public static String unique(String name) {
        return "it-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static List<IndicatorValue> list(IndicatorValue... values) {
        return List.of(values);
    }
}
