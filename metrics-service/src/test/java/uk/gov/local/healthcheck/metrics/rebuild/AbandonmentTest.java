package uk.gov.local.healthcheck.metrics.rebuild;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a running rebuild is taken for dead, and what its record then says. */
class AbandonmentTest {

    private static final Instant BEAT = Instant.parse("2026-12-02T08:00:00Z");
    private static final Duration AFTER = Duration.ofSeconds(30);

    @Test
    void aRebuildIsAbandonedOnlyOnceNoHeartbeatCameForLongerThanTheAbandonmentTime() {
        assertFalse(Abandonment.isAbandoned(BEAT, BEAT, AFTER));
        assertFalse(Abandonment.isAbandoned(BEAT, BEAT.plusSeconds(29), AFTER));
        assertFalse(Abandonment.isAbandoned(BEAT, BEAT.plusSeconds(30), AFTER), "exactly the time: not yet");
        assertTrue(Abandonment.isAbandoned(BEAT, BEAT.plusSeconds(30).plusMillis(1), AFTER));
        assertTrue(Abandonment.isAbandoned(BEAT, BEAT.plusSeconds(3600), AFTER));
        assertFalse(Abandonment.isAbandoned(BEAT, BEAT.minusSeconds(5), AFTER), "a heartbeat after the reading");
    }

    @Test
    void theReasonNamesTheReplicaItsLastHeartbeatAndWhetherTheLiveStateChanged() {
        assertEquals("the live state is unchanged: abandoned: the replica metrics-service-2 running it sent no "
                        + "heartbeat since 2026-12-02T08:00:00Z (none for longer than PT30S)",
                Abandonment.reason("metrics-service-2", BEAT, AFTER, false));
        assertEquals("the rebuilt state is live, but publishing it may not have finished: abandoned: the replica "
                        + "metrics-service-1 running it sent no heartbeat since 2026-12-02T08:00:00Z (none for longer "
                        + "than PT30S)",
                Abandonment.reason("metrics-service-1", BEAT, AFTER, true));
    }
}
