package uk.gov.local.healthcheck.benchmark.api;

import uk.gov.local.healthcheck.api.availability.ThrottledLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/**
 * Requests refused because PostgreSQL could not be reached: counted ({@code healthcheck_database_unavailable_total})
 * and logged once per interval with how many were refused, never a stack trace per request. Created at start-up so
 * that the counter is on /q/metrics (at 0) before the first outage.
 */
@Startup
@ApplicationScoped
public class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    private final Counter refused;
    private final int retryAfterSeconds;
    private final ThrottledLog log;

    public DatabaseOutage(MeterRegistry registry,
                          @ConfigProperty(name = "benchmark.database-unavailable.retry-after") int retryAfterSeconds,
                          @ConfigProperty(name = "benchmark.database-unavailable.log-interval") Duration logInterval) {
        this.refused = Counter.builder("healthcheck.database.unavailable")
                .description("Requests answered 503 because PostgreSQL was unreachable")
                .tag("service", "benchmark-service").register(registry);
        this.retryAfterSeconds = retryAfterSeconds;
        this.log = new ThrottledLog(LOG, logInterval, Clock.systemUTC());
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Counts one refused request and logs the outage if nothing was logged for an interval. */
    public void refused(String path, Throwable cause) {
        refused.increment();
        log.warn("request", "PostgreSQL unreachable, answering 503", "requests refused", "latest " + path + ": " + rootCause(cause));
    }

    private static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? t.toString() : t + " (cause: " + root + ")";
    }
}
