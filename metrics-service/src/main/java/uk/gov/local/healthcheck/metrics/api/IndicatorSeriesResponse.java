package uk.gov.local.healthcheck.metrics.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDefinition;
import uk.gov.local.healthcheck.metrics.indicators.PractitionerRules;
import uk.gov.local.healthcheck.metrics.store.AuthorityState;

import java.util.List;

/** One indicator of one authority in each round of its instrument, ordered by period. */
@Schema(name = "IndicatorSeries")
public record IndicatorSeriesResponse(
        @Schema(example = "E10000031") String authority,
        @Schema(example = "turnover_rate") String indicatorId,
        @Schema(example = "workforce-return") String instrument,
        @Schema(enumeration = {"percent", "number", "count"}) String unit,
        @Schema(enumeration = {"higher-is-better", "lower-is-better", "neither"}) String polarity,
        List<Point> points) {

    static IndicatorSeriesResponse of(String code, IndicatorDefinition d, List<AuthorityState> states,
                                      PractitionerRules rules) {
        List<Point> points = states.stream()
                .flatMap(s -> s.indicators().stream().filter(i -> i.indicatorId().equals(d.id()))
                        .map(i -> new Point(s.roundId(), s.period(), s.revision(),
                                AuthorityIndicatorsResponse.Indicator.of(i, rules))))
                .toList();
        return new IndicatorSeriesResponse(code, d.id(), d.instrument(), d.unit().wire(), d.polarity().wire(), points);
    }

    /** The indicator in one round. */
    @Schema(name = "IndicatorSeriesPoint")
    public record Point(
            @Schema(example = "workforce-2024") String round,
            @Schema(example = "2024") String period,
            int revision,
            AuthorityIndicatorsResponse.Indicator indicator) {
    }
}
