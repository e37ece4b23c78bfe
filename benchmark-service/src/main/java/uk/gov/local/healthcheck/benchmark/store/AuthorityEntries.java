package uk.gov.local.healthcheck.benchmark.store;

import uk.gov.local.healthcheck.benchmark.model.AuthorityEntry;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An applied event as {@link RoundStore} would read it back, so a snapshot updated in memory equals one reloaded
 * from the database: answers go through the same JSON round trip, numerics lose a negative scale as PostgreSQL's
 * numeric does, and the missing inputs (not stored) are dropped.
 */
public final class AuthorityEntries {

    private AuthorityEntries() {
    }

    /** The authority's entry in the round, or null when the event withdraws it. */
    public static AuthorityEntry of(AuthorityIndicators event) {
        if (event.withdrawn()) {
            return null;
        }
        Map<String, IndicatorValue> indicators = new HashMap<>();
        List<IndicatorValue> values = event.indicators() == null ? List.of() : event.indicators();
        for (IndicatorValue v : values) {
            indicators.put(v.indicatorId(), new IndicatorValue(v.indicatorId(), numeric(v.value()),
                    numeric(v.numerator()), numeric(v.denominator()), v.scale(), null, v.missingReason(),
                    v.polarity(), v.unit()));
        }
        Map<String, Object> answers = event.answers() == null ? null : Json.readMap(Json.write(event.answers()));
        return new AuthorityEntry(event.authorityCode(), event.consentToNamedPublication(), answers, indicators);
    }

    /** PostgreSQL numeric keeps the scale it is given, but never a negative one (1E+3 is stored as 1000). */
    static BigDecimal numeric(BigDecimal value) {
        return value == null || value.scale() >= 0 ? value : value.setScale(0);
    }
}
