package uk.gov.local.healthcheck.deadletters;

import uk.gov.local.healthcheck.api.availability.ThrottledLog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs work again after a {@link FailureKind#TRANSIENT transient} failure, for as long as it takes: exponential
 * backoff from {@code healthcheck.retry.initial-backoff} (default 100 ms) doubling up to
 * {@code healthcheck.retry.max-backoff} (default 5 s), never giving up. A permanent failure is passed on at once.
 * One log line per failure kind per {@code healthcheck.retry.log-interval} (default 30 s), not one per attempt.
 */
@ApplicationScoped
public class TransientRetry {

    private static final Logger LOG = Logger.getLogger(TransientRetry.class);

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final ThrottledLog log;

    public TransientRetry(
            @ConfigProperty(name = "healthcheck.retry.initial-backoff", defaultValue = "PT0.1S") Duration initialBackoff,
            @ConfigProperty(name = "healthcheck.retry.max-backoff", defaultValue = "PT5S") Duration maxBackoff,
            @ConfigProperty(name = "healthcheck.retry.log-interval", defaultValue = "PT30S") Duration logInterval) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.log = new ThrottledLog(LOG, logInterval, Clock.systemUTC());
    }

    /** {@code work} afresh on every attempt, retried after each transient failure for ever. */
    public <T> Uni<T> retrying(Supplier<Uni<? extends T>> work, String what) {
        return retrying(work, what, initialBackoff, maxBackoff);
    }

    /** As {@link #retrying(Supplier, String)} with the backoff given. */
    public <T> Uni<T> retrying(Supplier<Uni<? extends T>> work, String what, Duration initial, Duration max) {
        return Uni.createFrom().<T>deferred(work)
                .onFailure(f -> FailureKind.of(f).isTransient()).invoke(f -> logThrottled(what, f))
                .onFailure(f -> FailureKind.of(f).isTransient()).retry().withBackOff(initial, max).indefinitely();
    }

    /** Exponential backoff for attempt {@code n} (0-based): initial·2^n, capped. Pure, for tests and callers. */
    public static Duration backoff(int attempt, Duration initial, Duration max) {
        long ms = initial.toMillis();
        for (int i = 0; i < attempt && ms < max.toMillis(); i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, max.toMillis()));
    }

    private void logThrottled(String what, Throwable f) {
        log.warn("retry:" + what, what + " failed transiently, retrying until it succeeds", "attempts failed", f.toString());
    }
}
