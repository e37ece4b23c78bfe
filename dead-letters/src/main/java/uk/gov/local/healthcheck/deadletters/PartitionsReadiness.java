package uk.gov.local.healthcheck.deadletters;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the consumer holds its partitions ({@link ConsumerPartitions}). With the datasource's own readiness check
 * this makes "ready" mean "applying what arrives". Kafka merely being unreachable does not change it (no revocation
 * happens while the coordinator cannot be reached). {@code healthcheck.consumer.readiness.enabled=false} turns it off.
 */
@Readiness
@ApplicationScoped
public class PartitionsReadiness implements AsyncHealthCheck {

    private final ConsumerPartitions partitions;
    private final boolean enabled;

    public PartitionsReadiness(@Identifier(ConsumerPartitions.NAME) ConsumerPartitions partitions,
                               @ConfigProperty(name = "healthcheck.consumer.readiness.enabled", defaultValue = "true")
                               boolean enabled) {
        this.partitions = partitions;
        this.enabled = enabled;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        var b = HealthCheckResponse.named("kafka-consumer-partitions");
        if (!enabled) {
            return Uni.createFrom().item(b.up().withData("enabled", false).build());
        }
        return Uni.createFrom().item(b.status(partitions.holdsPartitions())
                .withData("assigned", partitions.assigned())
                .withData("rebalanced", partitions.seen()).build());
    }
}
