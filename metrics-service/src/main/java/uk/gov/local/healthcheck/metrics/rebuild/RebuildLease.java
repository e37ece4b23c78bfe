package uk.gov.local.healthcheck.metrics.rebuild;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long the replica running a rebuild may go on writing the shadow schema without a heartbeat recorded: the
 * abandonment time less one heartbeat interval, counted from when the last recorded heartbeat was <em>sent</em>.
 * Another replica takes the rebuild for abandoned only once the abandonment time has passed since that heartbeat
 * <em>arrived</em>, so this replica has stopped writing before anyone can start over in the same shadow schema.
 * (The swap itself is fenced exactly: its transaction claims the still-running record, see
 * {@link RebuildLedger#swapping}.)
 */
final class RebuildLease {

    /** The rebuild may no longer act: its lease ran out, or another replica took it for abandoned. */
    static final class LeaseLost extends IllegalStateException {
        LeaseLost(String message) {
            super(message);
        }
    }

    private final Duration validFor;
    private final LongSupplier nanoClock;
    /** The swap's transaction holds the rebuild's record: nobody can take it for abandoned meanwhile. */
    private final boolean claimed;
    private volatile long renewedAt;
    private volatile String lost;

    RebuildLease(Duration validFor, long startedAt, LongSupplier nanoClock) {
        this(validFor, startedAt, nanoClock, false);
    }

    private RebuildLease(Duration validFor, long startedAt, LongSupplier nanoClock, boolean claimed) {
        this.validFor = validFor;
        this.nanoClock = nanoClock;
        this.renewedAt = startedAt;
        this.claimed = claimed;
    }

    /**
     * The lease of the catch-up inside the swap's transaction, which has claimed the record ({@link
     * RebuildLedger#swapping}): held until it ends, however long that takes (the heartbeats wait for its row lock).
     */
    static RebuildLease claimed() {
        // Expired at once as an ordinary lease: only the claim lets it pass.
        return new RebuildLease(Duration.ZERO, System.nanoTime() - 1, System::nanoTime, true);
    }

    /** The lease's length for a heartbeat interval and abandonment time; at least one interval must remain. */
    static Duration validity(Duration heartbeatInterval, Duration abandonedAfter) {
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()
                || abandonedAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("metrics.rebuild.abandoned-after (" + abandonedAfter
                    + ") must be at least twice metrics.rebuild.heartbeat-interval (" + heartbeatInterval + ")");
        }
        return abandonedAfter.minus(heartbeatInterval);
    }

    /** Whether a lease renewed at {@code renewedAt} has run out at {@code now} (both {@link System#nanoTime}). */
    static boolean expired(long renewedAt, long now, Duration validFor) {
        return now - renewedAt > validFor.toNanos();
    }

    /** A heartbeat sent at {@code sentAt} was recorded. */
    void renew(long sentAt) {
        if (sentAt - renewedAt > 0) {
            renewedAt = sentAt;
        }
    }

    /** Another replica took the rebuild for abandoned: it must stop whatever its lease says. */
    void lose(String why) {
        lost = why;
    }

    /** Throws {@link LeaseLost} unless the rebuild may still write. */
    void check() {
        if (claimed) {
            return;
        }
        String why = lost;
        if (why != null) {
            throw new LeaseLost(why);
        }
        if (expired(renewedAt, nanoClock.getAsLong(), validFor)) {
            throw new LeaseLost("no heartbeat of this rebuild was recorded in the last " + validFor
                    + ", so another replica may take it for abandoned: it stops here");
        }
    }
}
