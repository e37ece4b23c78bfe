package uk.gov.local.healthcheck.metrics.store;

import uk.gov.local.healthcheck.events.IndicatorValue;

import java.util.List;
import java.util.Map;

/**
 * What one incoming return event wants to make true for a (round, authority), with the event's identity so the store
 * can apply it at most once and never over a newer revision.
 *
 * @param consent whether the authority consents to named publication (null: not asked)
 * @param answers the tabulated answers of the return (empty for a withdrawal)
 */
public record StateChange(
        String eventId,
        String eventType,
        String roundId,
        String authorityCode,
        String instrument,
        int instrumentVersion,
        String period,
        int revision,
        boolean withdrawn,
        List<IndicatorValue> indicators,
        Boolean consent,
        Map<String, Object> answers) implements Change {

    public StateChange {
        indicators = List.copyOf(indicators);
        answers = answers == null ? Map.of() : answers;
    }
}
