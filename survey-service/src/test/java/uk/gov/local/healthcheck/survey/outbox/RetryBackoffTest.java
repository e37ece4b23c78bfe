package uk.gov.local.healthcheck.survey.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryBackoffTest {

    @Test
    void doublesUpToTheCapAndResetsOnSuccess() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertTrue(backoff.mayRun(t));
        backoff.failed(t);
        assertEquals(Duration.ofSeconds(1), backoff.currentDelay());
        assertFalse(backoff.mayRun(t.plusMillis(999)));
        assertTrue(backoff.mayRun(t.plusSeconds(1)));
        backoff.failed(t);
        backoff.failed(t);
        assertEquals(Duration.ofSeconds(4), backoff.currentDelay());
        backoff.failed(t);
        assertEquals(Duration.ofSeconds(5), backoff.currentDelay(), "capped");
        backoff.succeeded();
        assertTrue(backoff.mayRun(t));
        assertEquals(Duration.ZERO, backoff.currentDelay());
    }
}
