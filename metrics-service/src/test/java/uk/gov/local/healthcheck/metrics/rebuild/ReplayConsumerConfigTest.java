package uk.gov.local.healthcheck.metrics.rebuild;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rebuild's replay consumer authenticates like the channels: it starts from their Kafka settings. */
class ReplayConsumerConfigTest {

    @Test
    void theChannelsSecuritySettingsReachTheReplayConsumer() {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"m\" password=\"p\";";
        Map<String, Object> props = RebuildService.replayConsumerConfig(Map.of("bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL", "sasl.jaas.config", jaas, "group.id", "metrics-service"),
                250, Duration.ofSeconds(60));

        assertTrue(props.entrySet().containsAll(Map.of("bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL", "sasl.jaas.config", jaas, "max.poll.records", "250",
                "default.api.timeout.ms", "60000", "enable.auto.commit", "false").entrySet()), props::toString);
        assertNull(props.get("group.id"), "it reads by assignment: not a member of the live consumer's group");
    }
}
