package uk.gov.local.healthcheck.metrics.store;

import uk.gov.local.healthcheck.metrics.indicators.IndicatorResult;

import java.time.Instant;
import java.util.List;

/** A consistent snapshot of one (round, authority): what the REST API serves and what gets published. */
public record AuthorityState(
        String roundId,
        String authorityCode,
        String instrument,
        String period,
        int revision,
        boolean withdrawn,
        Instant computedAt,
        List<IndicatorResult> indicators) {

    public AuthorityState {
        indicators = List.copyOf(indicators);
    }
}
