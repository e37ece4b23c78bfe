package uk.gov.local.healthcheck.benchmark.intake;

import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.DeadLetter;
import uk.gov.local.healthcheck.events.EventEnvelope;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.util.HashSet;
import java.util.Set;

/**
 * Turns a record value into a {@link DecodedEvent}. Everything the store relies on is checked here, so that a
 * malformed event is skipped as poison instead of failing its transaction again on every redelivery.
 */
public final class IndicatorEventDecoder {

    private IndicatorEventDecoder() {
    }

    public static DecodedEvent decode(String json) {
        if (json == null || json.isBlank()) {
            return new DecodedEvent.Poison("empty record value", DeadLetter.UNDECODABLE);
        }
        String type;
        EventEnvelope<AuthorityIndicators> envelope;
        try {
            type = EventJson.typeOf(json);
            if (!AuthorityIndicators.TYPE.equals(type)) {
                return type == null ? new DecodedEvent.Poison("no CloudEvents type", DeadLetter.UNDECODABLE)
                        : new DecodedEvent.OtherType(type);
            }
            envelope = EventJson.read(json, AuthorityIndicators.class);
        } catch (RuntimeException e) {
            return new DecodedEvent.Poison(String.valueOf(e.getMessage()), DeadLetter.UNDECODABLE);
        }
        String problem = validate(envelope.data());
        return problem == null
                ? new DecodedEvent.Indicators(envelope.id(), envelope.data())
                : new DecodedEvent.Poison(problem, DeadLetter.INVALID);
    }

    /** @return what is wrong with the payload, or null when it can be applied */
    static String validate(AuthorityIndicators data) {
        if (data == null) {
            return "no data";
        }
        if (isBlank(data.roundId()) || isBlank(data.authorityCode())) {
            return "roundId and authorityCode are required";
        }
        if (data.withdrawn() || data.indicators() == null) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (IndicatorValue v : data.indicators()) {
            if (v == null || isBlank(v.indicatorId())) {
                return "an indicator without an indicatorId";
            }
            if (!seen.add(v.indicatorId())) {
                return "indicator " + v.indicatorId() + " appears twice";
            }
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
