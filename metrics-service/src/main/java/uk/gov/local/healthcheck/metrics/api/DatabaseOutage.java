package uk.gov.local.healthcheck.metrics.api;

import uk.gov.local.healthcheck.api.availability.ThrottledLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.api.problems.Problem;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.deadletters.FailureKind;

import java.time.Clock;
import java.time.Duration;

/**
 * A request that needed PostgreSQL while it could not be reached is answered 503 problem+json
 * ({@code .../problems/database-unavailable}) with {@code Retry-After}, never 500; counted in
 * {@code healthcheck_database_unavailable_total{service}} and logged once per interval ("PostgreSQL unreachable (N
 * requests refused in the last 30 s): cause"), never a stack trace per request.
 */
@ApplicationScoped
public class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    private final MeterRegistry registry;
    private final int retryAfter;
    private final ThrottledLog log;
    private volatile Counter counter;

    public DatabaseOutage(MeterRegistry registry,
                          @ConfigProperty(name = "healthcheck.database-unavailable.retry-after-seconds", defaultValue = "5")
                          int retryAfter,
                          @ConfigProperty(name = "metrics.database-unavailable.log-interval", defaultValue = "PT30S")
                          Duration logInterval) {
        this.registry = registry;
        this.retryAfter = retryAfter;
        this.log = new ThrottledLog(LOG, logInterval, Clock.systemUTC());
    }

    /** Whether {@code failure} means PostgreSQL (or another server) could not be reached. */
    public static boolean isOutage(Throwable failure) {
        return FailureKind.of(failure).isTransient();
    }

    public Response refuse(Throwable failure) {
        counter().increment();
        log.warn("request", "PostgreSQL unreachable, answering 503", "requests refused", rootMessage(failure));
        return Response.fromResponse(ProblemMappers.response(Problem.of(ProblemTypes.DATABASE_UNAVAILABLE,
                        "Service Unavailable", 503, "The database cannot be reached just now; try again in " + retryAfter
                                + " seconds.", null)))
                .header("Retry-After", retryAfter).build();
    }

    private Counter counter() {
        Counter c = counter;
        if (c == null) {
            c = Counter.builder("healthcheck.database.unavailable")
                    .description("Requests answered 503 because PostgreSQL was unreachable")
                    .tag("service", "metrics-service").register(registry);
            counter = c;
        }
        return c;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? t.toString() : t.getClass().getSimpleName() + " <- " + root;
    }
}
