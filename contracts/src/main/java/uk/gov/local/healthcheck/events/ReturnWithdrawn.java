package uk.gov.local.healthcheck.events;

import java.time.OffsetDateTime;

/**
 * A return was withdrawn: consumers drop its contribution. {@code revision} is the withdrawal's own revision number,
 * higher than any accepted revision before it, so a stale accepted event arriving later is recognised and ignored.
 */
public record ReturnWithdrawn(
        String roundId,
        String instrument,
        int instrumentVersion,
        String period,
        String authorityCode,
        int revision,
        OffsetDateTime withdrawnAt) {

    public static final String TYPE = "uk.gov.local.healthcheck.return.withdrawn.v1";
}
