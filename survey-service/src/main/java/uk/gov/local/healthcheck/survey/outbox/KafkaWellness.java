package uk.gov.local.healthcheck.survey.outbox;

import io.smallrye.common.annotation.Identifier;
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
import java.util.HashMap;
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

    /** The channels' Kafka settings (bootstrap servers, security) and the health check's own: the admin client's. */
    private final Map<String, Object> config;
    private final Duration timeout;
    private final OutboxMetrics outbox;
    private volatile Admin admin;

    public KafkaWellness(@Identifier("default-kafka-broker") Map<String, Object> broker,
                         @ConfigProperty(name = "survey.health.kafka-timeout") Duration timeout, OutboxMetrics outbox) {
        this.config = adminConfig(broker, timeout);
        this.timeout = timeout;
        this.outbox = outbox;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        OutboxMetrics.Backlog backlog = outbox.backlog();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-and-outbox")
                .withData("bootstrap.servers", String.valueOf(config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)))
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
                    admin = Admin.create(config);
                }
            }
        }
        return admin;
    }

    /**
     * The channels' Kafka settings (bootstrap servers, security) with the keys an admin client does not know dropped
     * (Quarkus adds the consumers' {@code group.id}), then the health check's own.
     */
    static Map<String, Object> adminConfig(Map<String, Object> broker, Duration timeout) {
        Map<String, Object> config = new HashMap<>(broker);
        config.keySet().retainAll(AdminClientConfig.configNames());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "survey-service-health");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return config;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
