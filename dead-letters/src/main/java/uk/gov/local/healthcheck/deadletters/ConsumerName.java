package uk.gov.local.healthcheck.deadletters;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The name the service's consumer goes by in its dead letters and its gauges: {@code healthcheck.dead-letters.consumer},
 * else {@code quarkus.application.name}. One bean, so the store and the rebalance listener cannot name it differently.
 */
@Singleton
public final class ConsumerName {

    private final String value;

    public ConsumerName(@ConfigProperty(name = "healthcheck.dead-letters.consumer") Optional<String> configured,
                        @ConfigProperty(name = "quarkus.application.name", defaultValue = "unknown")
                        String applicationName) {
        this.value = configured.filter(c -> !c.isBlank()).orElse(applicationName);
    }

    public String value() {
        return value;
    }
}
