package uk.gov.local.healthcheck.benchmark.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * A council's comparison for a round: for every indicator, the table councils build by hand ("Workforce Snapshot
 * and Comparison").
 */
@Schema(name = "AuthorityComparison")
public record ComparisonDto(
        String round,
        String period,
        AuthorityRef authority,
        @Schema(description = "the round, then up to two previous rounds of the same instrument, newest first")
        List<RoundRef> rounds,
        List<IndicatorComparison> indicators) {

    public record AuthorityRef(String code, String name, String regionCode, String regionName, String councilType) {
    }

    public record RoundRef(String round, String period) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PastValue(String round, String period, BigDecimal value, String suppressed) {
    }

    /** A group's pooled value as the comparison shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupFigure(String group, String name, int n, BigDecimal value, String suppressed, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NeighbourFigure(String group, int n, BigDecimal mean, BigDecimal median, String suppressed,
                                  String reason, List<String> members) {
    }

    /** One end of the region's range; {@code authority} and {@code name} only where it may be named. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RangeEnd(BigDecimal value, String authority, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Range(RangeEnd lowest, RangeEnd highest, String suppressed, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorComparison(
            String indicator,
            @Schema(description = "higher-is-better, lower-is-better or neither") String polarity,
            String unit,
            @Schema(description = "the authority's value, 1 dp") BigDecimal value,
            @Schema(description = "why the value is null, as metrics-service says") String missingReason,
            @Schema(description = "\"c\" when the authority's own figure is withheld (under 10 respondents)") String suppressed,
            String reason,
            @Schema(description = "the authority's values in the two previous rounds, newest first") List<PastValue> previous,
            @Schema(description = "value − previous round's value, both at 1 dp") BigDecimal change,
            @Schema(description = "improving, worsening or no change, by polarity; absent for neither") String direction,
            GroupFigure region,
            Range regionRange,
            NeighbourFigure statisticalNeighbours,
            GroupFigure england,
            @Schema(description = "1 = best in England by polarity; ties share the lower rank") Integer rankEngland,
            @Schema(description = "authorities ranked in England") Integer rankedEngland,
            Integer rankRegion,
            Integer rankedRegion,
            @Schema(description = "A (best quarter of England) … D, by polarity") String band,
            @Schema(description = "figures that are not 0 but round to 0.0 (shown as null)") List<String> low) {
    }
}
