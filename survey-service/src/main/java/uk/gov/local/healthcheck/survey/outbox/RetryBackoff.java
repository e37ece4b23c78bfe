package uk.gov.local.healthcheck.survey.outbox;

import lombok.RequiredArgsConstructor;
import java.time.Duration;
import java.time.Instant;

/**
 * Exponential backoff between failed publication attempts (doubling from {@code initial} up to {@code max}), so a
 * broker outage is not hammered, and the first success resets it. Not thread-safe: the relay runs one cycle at a time.
 */
@RequiredArgsConstructor
final class RetryBackoff {

    private final Duration initial;
    private final Duration max;
    private Duration current = Duration.ZERO;
    private Instant notBefore = Instant.MIN;

    boolean mayRun(Instant now) {
        return !now.isBefore(notBefore);
    }

    void failed(Instant now) {
        current = current.isZero() ? initial : min(current.multipliedBy(2), max);
        notBefore = now.plus(current);
    }

    void succeeded() {
        current = Duration.ZERO;
        notBefore = Instant.MIN;
    }

    Duration currentDelay() {
        return current;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
