package uk.gov.local.healthcheck.survey.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.Meter;
import java.util.List;
import uk.gov.local.healthcheck.survey.availability.DatabaseFailures;
import uk.gov.local.healthcheck.survey.availability.DatabaseOutage;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox as an operator sees it: how many events wait to be published and how long the oldest has waited
 * (alert when it exceeds a minute: Kafka or the relay is stuck, and the platform's figures are falling behind),
 * and how many were published. The backlog is sampled from the database every
 * {@code survey.outbox.backlog-sample-interval}, so a scrape never queries it.
 */
/*
 * Created at start-up, so its meters are on /q/metrics (at 0) from the first scrape; they are removed again at
 * shutdown, because Micrometer's global registry outlives the application (a restarted application, as in the
 * tests, would otherwise keep reporting the first one's meters).
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    /** Counting stops here: a backlog this large is an incident whatever its exact size. */
    private static final String BACKLOG = """
            select count(*), coalesce(extract(epoch from (now() - min(created_at))), 0)
            from (select created_at from outbox_event where published_at is null order by enqueued_at, id limit 1000000) unpublished""";

    private final Pool pool;
    private final DatabaseOutage outage;
    private final Counter published;
    private final MeterRegistry registry;
    private final List<Meter> meters;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final AtomicReference<Instant> sampledAt = new AtomicReference<>();

    public OutboxMetrics(Pool pool, DatabaseOutage outage, MeterRegistry registry) {
        this.pool = pool;
        this.outage = outage;
        this.registry = registry;
        this.published = Counter.builder("healthcheck.outbox.published")
                .description("Outbox events published to Kafka (acknowledged by the broker)").register(registry);
        Gauge backlogGauge = Gauge.builder("healthcheck.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox events not yet published").register(registry);
        Gauge age = Gauge.builder("healthcheck.outbox.oldest.unpublished.age", oldestAgeMillis, a -> a.get() / 1000.0)
                .baseUnit("seconds").description("How long the oldest unpublished outbox event has waited (0 when none)")
                .register(registry);
        this.meters = List.of(published, backlogGauge, age);
    }

    @PreDestroy
    void remove() {
        meters.forEach(registry::remove);
    }

    void published(int events) {
        if (events > 0) {
            published.increment(events);
        }
    }

    @Scheduled(every = "${survey.outbox.backlog-sample-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "outbox-backlog", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sample() {
        return pool.query(BACKLOG).execute().invoke(rows -> {
            Row row = rows.iterator().next();
            backlog.set(row.getLong(0));
            oldestAgeMillis.set(Math.round(row.getNumeric(1).doubleValue() * 1000));
            sampledAt.set(Instant.now());
        }).replaceWithVoid().onFailure().recoverWithUni(e -> {
            if (DatabaseFailures.isUnreachable(e)) {
                outage.background("Outbox backlog sample", e);
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** The latest sample: unpublished events, the oldest one's age in seconds, and when it was taken (null: never). */
    public record Backlog(long events, double oldestAgeSeconds, Instant sampledAt) {
    }

    public Backlog backlog() {
        return new Backlog(backlog.get(), oldestAgeMillis.get() / 1000.0, sampledAt.get());
    }
}
