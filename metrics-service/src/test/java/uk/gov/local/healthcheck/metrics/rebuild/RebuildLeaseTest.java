package uk.gov.local.healthcheck.metrics.rebuild;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rebuild stops writing before another replica may take it for abandoned. */
class RebuildLeaseTest {

    private static final long S = 1_000_000_000L;

    @Test
    void theLeaseIsTheAbandonmentTimeLessOneHeartbeat() {
        assertEquals(Duration.ofSeconds(20), RebuildLease.validity(Duration.ofSeconds(10), Duration.ofSeconds(30)));
        assertEquals(Duration.ofSeconds(10), RebuildLease.validity(Duration.ofSeconds(10), Duration.ofSeconds(20)));
        assertThrows(IllegalArgumentException.class,
                () -> RebuildLease.validity(Duration.ofSeconds(10), Duration.ofSeconds(19)), "less than two beats");
        assertThrows(IllegalArgumentException.class, () -> RebuildLease.validity(Duration.ZERO, Duration.ofSeconds(30)));
    }

    @Test
    void expiredIsStrictlyLaterThanTheValidityAndSurvivesTheNanoClockWrapping() {
        Duration v = Duration.ofSeconds(20);
        assertFalse(RebuildLease.expired(100 * S, 120 * S, v));
        assertTrue(RebuildLease.expired(100 * S, 120 * S + 1, v));
        assertFalse(RebuildLease.expired(Long.MAX_VALUE - 5 * S, Long.MIN_VALUE + 5 * S, v), "10 s across the wrap");
        assertTrue(RebuildLease.expired(Long.MAX_VALUE - 15 * S, Long.MIN_VALUE + 15 * S, v), "30 s across the wrap");
    }

    @Test
    void aHeartbeatRenewsFromWhenItWasSentAndAnOlderOneDoesNotShortenIt() {
        AtomicLong now = new AtomicLong(0);
        RebuildLease lease = new RebuildLease(Duration.ofSeconds(20), 0, now::get);
        now.set(15 * S);
        lease.renew(12 * S);
        now.set(31 * S);
        assertDoesNotThrow(lease::check, "renewed at 12 s: valid up to 32 s");
        lease.renew(5 * S);
        assertDoesNotThrow(lease::check, "a late answer to an older heartbeat does not move the lease back");
        now.set(32 * S + 1);
        RebuildLease.LeaseLost lost = assertThrows(RebuildLease.LeaseLost.class, lease::check);
        assertTrue(lost.getMessage().contains("PT20S"), lost.getMessage());
    }

    @Test
    void theSwapsClaimHoldsHoweverLongItTakes() {
        assertDoesNotThrow(RebuildLease.claimed()::check);
    }

    @Test
    void aRebuildAnotherReplicaTookForAbandonedStopsWhateverTheLeaseSays() {
        RebuildLease lease = new RebuildLease(Duration.ofSeconds(20), 0, () -> 1);
        lease.lose("another replica took this rebuild for abandoned");
        assertEquals("another replica took this rebuild for abandoned",
                assertThrows(RebuildLease.LeaseLost.class, lease::check).getMessage());
    }
}
