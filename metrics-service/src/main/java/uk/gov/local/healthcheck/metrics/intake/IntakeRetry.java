package uk.gov.local.healthcheck.metrics.intake;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * How a batch of submissions that failed to apply (database or broker briefly unavailable, a lock race with another
 * writer) is tried again: the same policy for the live consumer and the rebuild, configured once.
 */
@ApplicationScoped
public class IntakeRetry {

    @ConfigProperty(name = "metrics.intake.retry.attempts", defaultValue = "5")
    int attempts;

    @ConfigProperty(name = "metrics.intake.retry.initial-backoff", defaultValue = "PT0.5S")
    Duration initialBackoff;

    @ConfigProperty(name = "metrics.intake.retry.max-backoff", defaultValue = "PT10S")
    Duration maxBackoff;

    /** Runs {@code work} afresh on each attempt, backing off exponentially between attempts. */
    public <T> Uni<T> retrying(Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().<T>deferred(work)
                .onFailure().retry().withBackOff(initialBackoff, maxBackoff).atMost(attempts);
    }
}
