package uk.gov.local.healthcheck.api.availability;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ThrottledLogTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-02T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final ThrottledLog log = new ThrottledLog(Logger.getLogger(ThrottledLogTest.class), Duration.ofSeconds(30), clock);

    @Test
    void theFirstOccurrenceIsLoggedAtOnceAndTheRestOfTheIntervalOnlyCounted() {
        assertEquals("PostgreSQL unreachable: refused (further occurrences are logged once per 30s)",
                log.line("request", "PostgreSQL unreachable", "requests refused", "refused"));
        clock.now = clock.now.plusSeconds(1);
        assertNull(log.line("request", "PostgreSQL unreachable", "requests refused", "refused"));
        clock.now = clock.now.plusSeconds(28);
        assertNull(log.line("request", "PostgreSQL unreachable", "requests refused", "refused"));
    }

    @Test
    void theNextLineAfterTheIntervalSaysHowManyWereCounted() {
        log.line("request", "PostgreSQL unreachable", "requests refused", "refused");
        log.line("request", "PostgreSQL unreachable", "requests refused", "refused");
        log.line("request", "PostgreSQL unreachable", "requests refused", "refused");
        clock.now = clock.now.plusSeconds(30);
        assertEquals("PostgreSQL unreachable (3 requests refused since the last such line): timeout",
                log.line("request", "PostgreSQL unreachable", "requests refused", "timeout"));
    }

    @Test
    void eachKindHasItsOwnWindowAndResetForgetsThemAll() {
        log.line("request", "a", "requests refused", "x");
        assertEquals("b: y (further occurrences are logged once per 30s)", log.line("relay", "b", "attempts failed", "y"));
        log.reset();
        assertEquals("a: x (further occurrences are logged once per 30s)", log.line("request", "a", "requests refused", "x"));
    }
}
