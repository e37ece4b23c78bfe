package uk.gov.local.healthcheck.benchmark.model;

import uk.gov.local.healthcheck.events.IndicatorValue;

import java.util.Map;

/**
 * One authority's current (not withdrawn) state in a round.
 *
 * @param consent  consent to named publication; null = unknown, treated as not consented
 * @param answers  question id → normalised answer (String, List of String, or number); empty when not sent
 */
public record AuthorityEntry(String code, Boolean consent, Map<String, Object> answers,
                             Map<String, IndicatorValue> indicators) {

    public AuthorityEntry {
        answers = answers == null ? Map.of() : answers.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        indicators = Map.copyOf(indicators);
    }

    public boolean consented() {
        return Boolean.TRUE.equals(consent);
    }
}
