package uk.gov.local.healthcheck.deadletters;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.events.DeadLetter;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.Topics;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets a record aside: (1) produces a {@link DeadLetter} to {@code <topic>.dlq} (key = the original key, headers
 * copied plus {@code dead-letter-error}, acks=all, idempotent), then (2) inserts it into the service's
 * {@code dead_letter} table (once per topic, partition and offset), then (3) counts it. Each step is retried on
 * transient failures for as long as it takes, so when the returned {@link Uni} completes the record may be
 * acknowledged.
 */
@ApplicationScoped
public class DeadLetterWriter {

    private static final Logger LOG = Logger.getLogger(DeadLetterWriter.class);
    public static final String ERROR_HEADER = "dead-letter-error";

    private final DeadLetterStore store;
    private final DeadLetterMetrics metrics;
    private final TransientRetry retry;
    /** The Kafka settings the messaging channels get (security included), which the producer starts from. */
    private final Map<String, Object> broker;

    private volatile KafkaProducer<String, String> producer;

    public DeadLetterWriter(@Identifier("default-kafka-broker") Map<String, Object> broker,
                            DeadLetterStore store, DeadLetterMetrics metrics, TransientRetry retry) {
        this.store = store;
        this.metrics = metrics;
        this.retry = retry;
        this.broker = broker;
    }

    /** Sets {@code record} aside with {@code failure} as its error and the default error type ({@link ErrorTypes}). */
    public Uni<Void> deadLetter(FailedRecord record, Throwable failure) {
        return deadLetter(record, ErrorTypes.describe(failure), ErrorTypes.of(failure));
    }

    /**
     * Sets {@code record} aside.
     *
     * @param errorType {@link DeadLetter#UNDECODABLE}, {@link DeadLetter#INVALID} or {@link DeadLetter#UNSTORABLE}
     */
    public Uni<Void> deadLetter(FailedRecord record, String error, String errorType) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String cleanError = DeadLetterStore.clean(error);
        return store.exists(record.topic(), record.partition(), record.offset())
                .onFailure(f -> FailureKind.of(f).isTransient()).retry().withBackOff(
                        java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(5)).indefinitely()
                .chain(listed -> {
                    if (listed) {
                        LOG.infof("Record %s is already a dead letter; not set aside again", record.position());
                        return Uni.createFrom().voidItem();
                    }
                    LOG.errorf("Setting record %s aside on %s (%s): %s", record.position(),
                            Topics.deadLettersOf(record.topic()), errorType, cleanError);
                    return retry.<Void>retrying(() -> produce(record, cleanError, errorType, at),
                                    "Producing dead letter " + record.position())
                            // The broker refusing the record for good (too large...) must not stop the consumer:
                            // it is still listed in the table.
                            .onFailure().invoke(f -> LOG.errorf("Could not produce dead letter %s to %s: %s",
                                    record.position(), Topics.deadLettersOf(record.topic()), f.toString()))
                            .onFailure().recoverWithNull()
                            .chain(() -> retry.retrying(() -> store.insert(record, cleanError, errorType, at),
                                    "Storing dead letter " + record.position()))
                            // A row the table refuses for good (a bug) must not stop the consumer either: the record
                            // is on the dead-letter topic.
                            .onFailure().invoke(f -> LOG.errorf("Could not list dead letter %s in dead_letter: %s",
                                    record.position(), f.toString()))
                            .onFailure().recoverWithItem(java.util.Optional.empty())
                            .invoke(id -> {
                                if (id.isPresent()) {
                                    metrics.deadLettered(errorType);
                                    metrics.refreshOpen();
                                }
                            })
                            .replaceWithVoid();
                });
    }

    private Uni<Void> produce(FailedRecord record, String error, String errorType, OffsetDateTime at) {
        var text = record.valueText();
        DeadLetter letter = new DeadLetter(store.consumer(), record.topic(), record.partition(), record.offset(),
                record.key(), text.orElse(null),
                text.isPresent() || record.value() == null ? null : Base64.getEncoder().encodeToString(record.value()),
                error, errorType, at);
        List<org.apache.kafka.common.header.Header> headers = new ArrayList<>();
        record.headers().forEach((k, v) -> headers.add(new RecordHeader(k, v)));
        headers.add(new RecordHeader(ERROR_HEADER, error.getBytes(StandardCharsets.UTF_8)));
        ProducerRecord<String, String> out = new ProducerRecord<>(Topics.deadLettersOf(record.topic()), null,
                record.key(), EventJson.write(letter), headers);
        return Uni.createFrom().<Void>emitter(e -> producer().send(out, (meta, failure) -> {
            if (failure != null) {
                e.fail(failure);
            } else {
                e.complete(null);
            }
        })).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig(broker, store.consumer()));
                }
                p = producer;
            }
        }
        return p;
    }

    /**
     * The producer's settings: the channels' Kafka settings (bootstrap servers, security) with the keys a producer
     * does not know dropped (Quarkus adds the consumers' {@code group.id}), then its own.
     */
    static Map<String, Object> producerConfig(Map<String, Object> broker, String consumer) {
        Map<String, Object> props = new HashMap<>(broker);
        props.keySet().retainAll(ProducerConfig.configNames());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, consumer + "-dead-letters");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
