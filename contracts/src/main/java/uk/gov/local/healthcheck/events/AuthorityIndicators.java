package uk.gov.local.healthcheck.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The complete, current set of an authority's indicators for one round. Each event supersedes earlier ones for the
 * same (round, authority) with a lower {@code sourceRevision}; {@code withdrawn} = true means the authority no longer
 * contributes to the round and {@code indicators} is empty.
 *
 * @param sourceRevision            for a return, its revision; for practitioner responses, how many responses of
 *                                  the authority have been counted (it only grows)
 * @param instrumentVersion         the version of the instrument the round collects
 * @param consentToNamedPublication whether the authority consented to results that identify it being published
 *                                  (the employer return's {@code consent.named_publication}); null when unknown
 * @param answers                   for returns: the answer to each single-choice, multi-choice and numeric question,
 *                                  by question id, so benchmark tables can be tabulated; absent otherwise
 * @param words                     for the practitioner survey: counts of the words given in free-text word lists
 *                                  (e.g. "three words that describe your organisation"), lower-cased
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorityIndicators(
        String roundId,
        String instrument,
        String period,
        String authorityCode,
        int sourceRevision,
        boolean withdrawn,
        OffsetDateTime computedAt,
        List<IndicatorValue> indicators,
        Integer instrumentVersion,
        Boolean consentToNamedPublication,
        Map<String, Object> answers,
        Map<String, Integer> words) {

    public static final String TYPE = "uk.gov.local.healthcheck.indicators.computed.v1";

    /** The first version's fields only; the others stay absent. */
    public AuthorityIndicators(String roundId, String instrument, String period, String authorityCode, int sourceRevision,
                               boolean withdrawn, OffsetDateTime computedAt, List<IndicatorValue> indicators) {
        this(roundId, instrument, period, authorityCode, sourceRevision, withdrawn, computedAt, indicators, null, null, null, null);
    }
}
