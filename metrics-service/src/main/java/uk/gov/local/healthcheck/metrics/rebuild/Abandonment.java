package uk.gov.local.healthcheck.metrics.rebuild;

import java.time.Duration;
import java.time.Instant;

/**
 * When a running rebuild is taken for dead, and what its record then says. Both times are the database's clock (the
 * heartbeat is written with {@code now()} and compared with {@code now()}), so the replicas' own clocks do not matter.
 * Pure.
 */
final class Abandonment {

    private Abandonment() {
    }

    /** Whether no heartbeat came for longer than {@code abandonedAfter}. */
    static boolean isAbandoned(Instant heartbeatAt, Instant now, Duration abandonedAfter) {
        return Duration.between(heartbeatAt, now).compareTo(abandonedAfter) > 0;
    }

    /** The failure recorded for an abandoned rebuild, naming the replica that ran it. */
    static String reason(String replica, Instant heartbeatAt, Duration abandonedAfter, boolean swapped) {
        return (swapped ? "the rebuilt state is live, but publishing it may not have finished: "
                : "the live state is unchanged: ")
                + "abandoned: the replica " + replica + " running it sent no heartbeat since " + heartbeatAt
                + " (none for longer than " + abandonedAfter + ")";
    }
}
