package uk.gov.local.healthcheck.metrics.store;

import uk.gov.local.healthcheck.metrics.indicators.IndicatorResult;

import java.util.List;

/**
 * What one incoming event wants to make true for a (round, authority), with the event's identity so the store can
 * apply it at most once and never over a newer revision.
 */
public record StateChange(
        String eventId,
        String eventType,
        String roundId,
        String authorityCode,
        String instrument,
        String period,
        int revision,
        boolean withdrawn,
        List<IndicatorResult> indicators) {

    public StateChange {
        indicators = List.copyOf(indicators);
    }
}
