package uk.gov.local.healthcheck.benchmark.intake;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Kafka settings of the intake channel that cannot be written in application.properties: {@code group.instance.id}
 * (static membership) is set only when {@code HEALTHCHECK_INSTANCE_ID} names this instance, since an empty value is
 * not "none" to the Kafka client but an invalid id.
 */
@ApplicationScoped
public class IntakeKafkaConfig {

    @Produces
    @Identifier("benchmark-intake-kafka")
    Map<String, Object> kafkaConfiguration(
            @ConfigProperty(name = "healthcheck.instance-id") Optional<String> instanceId) {
        return settings(instanceId);
    }

    /** Pure, for tests: the extra consumer settings for an instance id (or none). */
    public static Map<String, Object> settings(Optional<String> instanceId) {
        Map<String, Object> settings = new HashMap<>();
        instanceId.map(String::trim).filter(id -> !id.isEmpty())
                .ifPresent(id -> settings.put("group.instance.id", id));
        return settings;
    }
}
