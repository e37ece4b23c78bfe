package uk.gov.local.healthcheck.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The complete, current set of an authority's indicators for one round. Each event supersedes earlier ones for the
 * same (round, authority) with a lower {@code sourceRevision}; {@code withdrawn} = true means the authority no longer
 * contributes to the round and {@code indicators} is empty.
 */
public record AuthorityIndicators(
        String roundId,
        String instrument,
        String period,
        String authorityCode,
        int sourceRevision,
        boolean withdrawn,
        OffsetDateTime computedAt,
        List<IndicatorValue> indicators) {

    public static final String TYPE = "uk.gov.local.healthcheck.indicators.computed.v1";
}
