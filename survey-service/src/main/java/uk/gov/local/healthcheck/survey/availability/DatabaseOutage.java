package uk.gov.local.healthcheck.survey.availability;

import uk.gov.local.healthcheck.api.availability.ThrottledLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/**
 * What the service does when PostgreSQL cannot be reached: requests are answered 503 with {@code Retry-After}
 * (a client can tell "try again" from "your request is wrong"), counted, and logged once per kind of failure per
 * interval without a stack trace.
 */
/*
 * Created at start-up, so its meters are on /q/metrics (at 0) from the first scrape; they are removed again at
 * shutdown, because Micrometer's global registry outlives the application (a restarted application, as in the
 * tests, would otherwise keep reporting the first one's meters).
 */
@Startup
@ApplicationScoped
public class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger("uk.gov.local.healthcheck.survey.availability");

    private final ThrottledLog log;
    private final Duration retryAfter;
    private final Counter refused;
    private final MeterRegistry registry;

    public DatabaseOutage(@ConfigProperty(name = "survey.database.retry-after") Duration retryAfter,
                          @ConfigProperty(name = "survey.database.outage-log-interval") Duration logInterval,
                          @ConfigProperty(name = "quarkus.application.name") String service, MeterRegistry registry, Clock clock) {
        this.retryAfter = retryAfter;
        this.registry = registry;
        this.log = new ThrottledLog(LOG, logInterval, clock);
        this.refused = Counter.builder("healthcheck.database.unavailable")
                .description("Requests answered 503 because PostgreSQL could not be reached")
                .tag("service", service).register(registry);
    }

    @PreDestroy
    void remove() {
        registry.remove(refused);
    }

    /** Whether {@code failure} is PostgreSQL being unreachable; if so it is counted and (throttled) logged. */
    public boolean refuses(Throwable failure) {
        String kind = DatabaseFailures.kind(failure);
        if (kind == null) {
            return false;
        }
        refused.increment();
        log.warn("request:" + kind, "PostgreSQL unreachable, answering 503", "requests refused", DatabaseFailures.describe(failure));
        return true;
    }

    /** Logs a background task's failure to reach PostgreSQL (the relay, the sweeper), throttled like requests'. */
    public void background(String task, Throwable failure) {
        log.warn(task + ":" + DatabaseFailures.kind(failure), task + ": PostgreSQL unreachable", "attempts failed",
                DatabaseFailures.describe(failure));
    }

    /** Seconds a client should wait before trying again. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }
}
