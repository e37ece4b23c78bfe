package uk.gov.local.healthcheck.benchmark.api;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.EventEnvelope;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.IndicatorValue;
import uk.gov.local.healthcheck.events.Topics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

/** Publishes AuthorityIndicators events to the real broker exactly as metrics-service does (key = GSS code). */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public EventPublisher() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

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

    public Future<?> publish(AuthorityIndicators data) {
        String json = EventJson.write(EventEnvelope.of(UUID.randomUUID().toString(), "/metrics-service",
                AuthorityIndicators.TYPE, data.computedAt(),
                "rounds/" + data.roundId() + "/authorities/" + data.authorityCode(), data));
        return producer.send(new ProducerRecord<>(Topics.INDICATORS, data.authorityCode(), json));
    }

    public void publishAndWait(AuthorityIndicators data) {
        try {
            publish(data).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish", e);
        }
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    public static String unique(String name) {
        return "it-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static List<IndicatorValue> list(IndicatorValue... values) {
        return List.of(values);
    }
}
