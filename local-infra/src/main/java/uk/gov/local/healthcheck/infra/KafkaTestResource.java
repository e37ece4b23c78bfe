package uk.gov.local.healthcheck.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Quarkus test resource: a real Kafka broker in the test JVM, with the topics named by the init argument
 * {@code topics} ({@code name:partitions,...}) created explicitly. Sets {@code kafka.bootstrap.servers}. Tests talk
 * to the broker through the Quarkus Kafka companion: a field {@code @InjectKafkaCompanion KafkaCompanion}, or
 * {@link #companion()} where a static one is needed. The companion closes every producer and consumer it made when
 * the broker stops.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker current;
    private static volatile KafkaCompanion currentCompanion;
    private KafkaBroker broker;
    private KafkaCompanion companion;

    /** The broker of the running test suite, for tests that stop and restart it. */
    public static KafkaBroker broker() {
        if (current == null) {
            throw new IllegalStateException("No Kafka broker is running: is the test annotated with KafkaTestResource?");
        }
        return current;
    }

    /** The companion of the running test suite's broker. */
    public static KafkaCompanion companion() {
        if (currentCompanion == null) {
            throw new IllegalStateException("No Kafka broker is running: is the test annotated with KafkaTestResource?");
        }
        return currentCompanion;
    }

    private final Map<String, Integer> topics = new LinkedHashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        String spec = initArgs.getOrDefault("topics", "");
        for (String t : spec.split(",")) {
            if (!t.isBlank()) {
                String[] parts = t.trim().split(":");
                topics.put(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
            }
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("kafka-test");
            broker = KafkaBroker.start(0, dir);
            broker.createTopics(topics);
            current = broker;
            companion = new KafkaCompanion(broker.bootstrapServers());
            currentCompanion = companion;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start Kafka for the tests", e);
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(companion,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        if (companion != null) {
            companion.close();
            currentCompanion = null;
        }
        if (broker != null) {
            broker.close();
            current = null;
        }
    }
}
