package uk.gov.local.healthcheck.benchmark.api;

import uk.gov.local.healthcheck.benchmark.access.AccessPolicy;
import uk.gov.local.healthcheck.benchmark.aggregation.GroupStatistics;
import uk.gov.local.healthcheck.benchmark.disclosure.DisclosureRules;
import uk.gov.local.healthcheck.benchmark.model.AuthorityEntry;
import uk.gov.local.healthcheck.benchmark.model.RoundData;
import uk.gov.local.healthcheck.benchmark.query.GroupResult;
import uk.gov.local.healthcheck.benchmark.query.IndicatorView;
import uk.gov.local.healthcheck.events.IndicatorValue;
import uk.gov.local.healthcheck.reference.authorities.Authority;
import uk.gov.local.healthcheck.reference.authorities.AuthorityRegister;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The figures a council's comparison and a region's table share: an authority's own value, suppression, ranks and
 * band for one indicator, a group's pooled value as shown beside it, and who may be named. One place, so the two
 * answers cannot disagree. Pure over an {@link IndicatorView}.
 */
final class AuthorityFigures {

    static final String NOT_REPORTED = "not reported in this round";

    private AuthorityFigures() {
    }

    /** Whether the authority's figures are percentages (its unit, or its own value's scale). */
    static boolean percent(IndicatorView view, String code) {
        return "percent".equals(view.unit()) || view.value(code).map(v -> v.scale() == Display.PERCENT_SCALE).orElse(false);
    }

    /**
     * Whether an authority may be named, with its figures, to this caller: it consented to named publication, or
     * the caller's token may see it.
     */
    static boolean named(RoundData round, String code, AccessPolicy scope, AuthorityRegister register) {
        AuthorityEntry entry = round.authorities().get(code);
        return (entry != null && entry.consented()) || scope.maySee(code, register);
    }

    /** The authority's own figures for the view's indicator. */
    static AuthorityFigureDto own(IndicatorView view, Authority authority) {
        String code = authority.gssCode();
        String region = authority.region().code();
        List<String> low = new ArrayList<>();
        Optional<IndicatorValue> own = view.value(code);
        String suppression = own.map(view::authoritySuppression).orElse(null);
        BigDecimal value = Display.percent("value", view.shownValue(code), percent(view, code), low);
        return new AuthorityFigureDto(view.indicatorId(), value,
                suppression == null ? null : DisclosureRules.SUPPRESSED, suppression,
                own.map(IndicatorValue::missingReason).orElse(own.isEmpty() ? NOT_REPORTED : null),
                view.band(code), view.regionRank(region, code), view.regionRanked(region),
                view.englandRank(code), view.englandRanked(), low.isEmpty() ? null : List.copyOf(low));
    }

    /** A group's pooled value as shown beside an authority; {@code name} is added to {@code low} when it is low. */
    static ComparisonDto.GroupFigure group(GroupResult r, boolean percent, List<String> low, String name) {
        if (r == null) {
            return null;
        }
        if (r.suppressed()) {
            return new ComparisonDto.GroupFigure(r.group().id().toString(), r.group().name(), r.statistics().n(), null,
                    DisclosureRules.SUPPRESSED, r.suppression());
        }
        GroupStatistics s = r.statistics();
        BigDecimal value = percent && DisclosureRules.isLow(s.pooled()) ? null : s.pooled(Display.DECIMALS);
        if (value == null && s.pooled() != null) {
            low.add(name);
        }
        return new ComparisonDto.GroupFigure(r.group().id().toString(), r.group().name(), s.n(), value, null, null);
    }
}
