package uk.gov.local.healthcheck.benchmark.health;

import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import uk.gov.local.healthcheck.benchmark.intake.IntakeState;
import uk.gov.local.healthcheck.benchmark.query.CatalogRefresh;

/**
 * Readiness = "send me traffic": this instance answers with current figures. That needs (1) its round snapshots
 * rebuilt from PostgreSQL since start (reads are then answered from memory, so PostgreSQL going down later does not
 * make it unready: the figures it holds stay right, and what needs the database is answered 503), (2) its consumer
 * holding its partitions (a rebalance completed since start, not between revoke and assign; none due is fine) and
 * (3) having caught up, after start, with what was published while it was away. Kafka merely being unreachable
 * changes none of these: the consumer keeps its assignment and the figures stay as they were. (2) is also reported by
 * the dead-letters module's {@code kafka-consumer-partitions} check; this one adds (1) and (3).
 */
@Readiness
@ApplicationScoped
@RequiredArgsConstructor
public class IntakeReadiness implements HealthCheck {

    private final IntakeState intake;
    private final CatalogRefresh refresh;

    @Override
    public HealthCheckResponse call() {
        IntakeState.Status status = intake.status();
        boolean loaded = refresh.loaded();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("benchmark-current-figures")
                .status(loaded && status.ready())
                .withData("snapshotsLoaded", loaded)
                .withData("partitionsAssigned", status.partitions());
        if (!loaded) {
            response.withData("reason", "the round snapshots have not been loaded from PostgreSQL since start");
        } else if (!status.ready()) {
            response.withData("reason", status.reason());
        }
        return response.build();
    }
}
