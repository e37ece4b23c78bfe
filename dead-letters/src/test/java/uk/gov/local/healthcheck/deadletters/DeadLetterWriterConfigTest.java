package uk.gov.local.healthcheck.deadletters;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The dead-letter producer authenticates like the channels: it starts from their Kafka settings. */
class DeadLetterWriterConfigTest {

    @Test
    void theChannelsSecuritySettingsReachTheProducer() {
        Map<String, Object> props = DeadLetterWriter.producerConfig(Map.of(
                "bootstrap.servers", "kafka:9093", "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "group.id", "metrics-service"), "metrics-service");

        assertEquals("kafka:9093", props.get("bootstrap.servers"));
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        assertEquals("metrics-service-dead-letters", props.get("client.id"));
        assertEquals("all", props.get("acks"));
        assertFalse(props.containsKey("group.id"), "a consumer's key, unknown to a producer");
    }
}
