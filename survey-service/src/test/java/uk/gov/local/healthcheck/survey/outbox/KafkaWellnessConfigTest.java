package uk.gov.local.healthcheck.survey.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The health check's admin client authenticates like the channels: it starts from their Kafka settings. */
class KafkaWellnessConfigTest {

    @Test
    void theChannelsSecuritySettingsReachTheAdminClient() {
        Map<String, Object> config = KafkaWellness.adminConfig(Map.of("bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL", "ssl.truststore.type", "PEM", "sasl.mechanism", "SCRAM-SHA-512",
                "group.id", "survey-service"), Duration.ofSeconds(2));

        assertEquals("SASL_SSL", config.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", config.get("sasl.mechanism"));
        assertEquals("PEM", config.get("ssl.truststore.type"));
        assertEquals("kafka:9093", config.get("bootstrap.servers"));
        assertEquals(2000, config.get("request.timeout.ms"));
        assertTrue(!config.containsKey("group.id") && "survey-service-health".equals(config.get("client.id")),
                "its own client id; the consumers' group.id, unknown to an admin client, dropped");
    }
}
