package uk.gov.local.healthcheck.metrics.store;

import uk.gov.local.healthcheck.events.IndicatorValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A consistent snapshot of one (round, authority): what the REST API serves and what gets published.
 *
 * @param revision for a return its revision; for the practitioner survey the number of responses counted
 * @param answers  tabulated answers of a return (null for the practitioner survey or a withdrawal)
 * @param words    word counts of the practitioner survey (null otherwise)
 */
public record AuthorityState(
        String roundId,
        String authorityCode,
        String instrument,
        Integer instrumentVersion,
        String period,
        int revision,
        boolean withdrawn,
        Instant computedAt,
        List<IndicatorValue> indicators,
        Boolean consent,
        Map<String, Object> answers,
        Map<String, Integer> words) {

    public AuthorityState {
        indicators = List.copyOf(indicators);
    }
}
