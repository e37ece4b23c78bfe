package uk.gov.local.healthcheck.benchmark.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.local.healthcheck.benchmark.aggregation.GroupStatistics;
import uk.gov.local.healthcheck.benchmark.disclosure.DisclosureRules;
import uk.gov.local.healthcheck.benchmark.query.GroupResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One group's benchmark as served. Rates are rounded for display; the sums are exact. */
@Schema(name = "GroupBenchmark")
public record GroupBenchmarkDto(
        @Schema(description = "group id as accepted by ?group=, e.g. national, region:E12000005, "
                + "subregion:E13000001, councilType:shire-county, neighbours:E10000031") String group,
        @Schema(description = "ONS area code (E92000001, E12…, E13…), the council type slug, or for neighbours "
                + "the authority's GSS code") String code,
        String name,
        @Schema(description = "authorities with a value") int n,
        @Schema(description = "pooled rate Σnumerator / Σdenominator × scale, 1 dp (HALF_UP); null when n = 0 or suppressed")
        BigDecimal value,
        @Schema(description = "exact Σ numerator") BigDecimal numerator,
        @Schema(description = "exact Σ denominator (for practitioner figures: the respondents)") BigDecimal denominator,
        @Schema(description = "100 for a percentage, 1 for a ratio") Integer scale,
        @Schema(description = "mean of the authorities' values, 1 dp") BigDecimal mean,
        @Schema(description = "median of the authorities' values, 1 dp") BigDecimal median,
        @Schema(description = "lower quartile (linear interpolation, Hyndman–Fan type 7), 1 dp") BigDecimal lowerQuartile,
        @Schema(description = "upper quartile (linear interpolation, Hyndman–Fan type 7), 1 dp") BigDecimal upperQuartile,
        BigDecimal min,
        BigDecimal max,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "\"c\" when disclosure control withholds the figures") String suppressed,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "why the figures are withheld") String reason,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = "figures that are not 0 but round to 0.0 (shown as null, never as 0)") List<String> low,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "authorities whose counts are pooled, when it differs from n (practitioner figures "
                + "below 10 respondents pool without a value)") Integer pooledN) {

    static GroupBenchmarkDto from(GroupResult result) {
        GroupStatistics s = result.statistics();
        var g = result.group();
        if (result.suppressed()) {
            return new GroupBenchmarkDto(g.id().toString(), g.code(), g.name(), s.n(), null, null, null, s.scale(),
                    null, null, null, null, null, null, DisclosureRules.SUPPRESSED, result.suppression(), null, null);
        }
        boolean percent = s.scale() != null && s.scale() == Display.PERCENT_SCALE;
        // Not suppressed: the group has 3 or more contributors, or the caller may see each of them anyway.
        boolean distribution = true;
        List<String> low = new ArrayList<>();
        BigDecimal value = s.pooled(Display.DECIMALS);
        if (percent && DisclosureRules.isLow(s.pooled())) {
            low.add("value");
            value = null;
        }
        return new GroupBenchmarkDto(
                g.id().toString(), g.code(), g.name(), s.n(), value,
                s.numerator(), s.denominator(), s.scale(),
                distribution ? Display.percent("mean", s.mean(), percent, low) : null,
                distribution ? Display.percent("median", s.median(), percent, low) : null,
                distribution ? Display.percent("lowerQuartile", s.lowerQuartile(), percent, low) : null,
                distribution ? Display.percent("upperQuartile", s.upperQuartile(), percent, low) : null,
                distribution ? Display.percent("min", s.min(), percent, low) : null,
                distribution ? Display.percent("max", s.max(), percent, low) : null,
                null, null, low.isEmpty() ? null : List.copyOf(low),
                s.pooledN() != s.n() ? s.pooledN() : null);
    }
}
