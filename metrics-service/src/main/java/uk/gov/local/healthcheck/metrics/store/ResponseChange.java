package uk.gov.local.healthcheck.metrics.store;

import java.util.List;
import java.util.Map;

/**
 * One practitioner response, reduced to what is counted: the likert option chosen for each statement answered and
 * the normalised words of the three-words question. Nothing that could identify the respondent is kept.
 */
public record ResponseChange(
        String eventId,
        String roundId,
        String authorityCode,
        String instrument,
        int instrumentVersion,
        String period,
        String responseId,
        Map<String, String> choices,
        List<String> words) implements Change {

    public ResponseChange {
        choices = Map.copyOf(choices);
        words = List.copyOf(words);
    }
}
