package uk.gov.local.healthcheck.metrics.intake;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;

/**
 * Extra Kafka configuration of the submissions consumer: {@code group.instance.id} (static membership) from
 * {@code HEALTHCHECK_INSTANCE_ID} when it is set, so that a restarted replica takes its partitions back at once
 * instead of waiting for the dead member's session to expire. Unset, the consumer is a dynamic member.
 */
@ApplicationScoped
public class IntakeKafkaConfig {

    @Produces
    @Identifier("metrics-intake-kafka")
    Map<String, Object> config(@ConfigProperty(name = "healthcheck.instance-id") Optional<String> instanceId) {
        return instanceId.filter(s -> !s.isBlank()).<Map<String, Object>>map(id -> Map.of("group.instance.id", id))
                .orElse(Map.of());
    }
}
