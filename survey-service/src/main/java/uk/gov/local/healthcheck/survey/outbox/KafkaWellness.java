package uk.gov.local.healthcheck.survey.outbox;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.time.Duration;
import java.util.Map;

/**
 * Kafka and the outbox, at {@code /q/health/well}: whether the broker answers, and the outbox's backlog and the age
 * of its oldest unpublished event. Deliberately not a readiness check: survey-service accepts submissions while
 * Kafka is down (that is what the outbox is for), so taking it out of a load balancer then would stop intake for
 * nothing. Readiness is the database only.
 */
@Wellness
@ApplicationScoped
public class KafkaWellness implements AsyncHealthCheck {

    private final String bootstrap;
    private final Duration timeout;
    private final OutboxMetrics outbox;
    private volatile Admin admin;

    public KafkaWellness(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                         @ConfigProperty(name = "survey.health.kafka-timeout") Duration timeout, OutboxMetrics outbox) {
        this.bootstrap = bootstrap;
        this.timeout = timeout;
        this.outbox = outbox;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        OutboxMetrics.Backlog backlog = outbox.backlog();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-and-outbox")
                .withData("bootstrap.servers", bootstrap)
                .withData("outbox.backlog", backlog.events())
                .withData("outbox.oldestUnpublishedAgeSeconds", String.valueOf(backlog.oldestAgeSeconds()))
                .withData("outbox.sampledAt", String.valueOf(backlog.sampledAt()));
        return Uni.createFrom().completionStage(() -> admin().describeCluster(
                        new DescribeClusterOptions().timeoutMs((int) timeout.toMillis())).clusterId().toCompletionStage())
                .map(cluster -> response.up().withData("kafka", "reachable").withData("kafka.clusterId", cluster).build())
                .onFailure().recoverWithItem(e -> response.down().withData("kafka", "unreachable")
                        .withData("kafka.error", String.valueOf(e.getMessage())).build());
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                            AdminClientConfig.CLIENT_ID_CONFIG, "survey-service-health",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
