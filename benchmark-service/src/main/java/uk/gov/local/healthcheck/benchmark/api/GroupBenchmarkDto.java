package uk.gov.local.healthcheck.benchmark.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.local.healthcheck.benchmark.aggregation.GroupStatistics;
import uk.gov.local.healthcheck.benchmark.query.GroupResult;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One group's benchmark as served. Rates are rounded for display; the sums are exact. */
@Schema(name = "GroupBenchmark")
public record GroupBenchmarkDto(
        @Schema(description = "group id as accepted by ?group=, e.g. national or region:E12000005") String group,
        @Schema(description = "ONS area code, e.g. E92000001 (England) or E12000005") String code,
        String name,
        @Schema(description = "authorities with a value") int n,
        @Schema(description = "pooled rate Σnumerator / Σdenominator × scale, 1 dp (HALF_UP); null when n = 0")
        BigDecimal value,
        @Schema(description = "exact Σ numerator") BigDecimal numerator,
        @Schema(description = "exact Σ denominator") BigDecimal denominator,
        @Schema(description = "100 for a percentage, 1 for a ratio") Integer scale,
        @Schema(description = "mean of the authorities' values, 1 dp") BigDecimal mean,
        @Schema(description = "median of the authorities' values, 1 dp") BigDecimal median,
        @Schema(description = "lower quartile (linear interpolation, Hyndman–Fan type 7), 1 dp") BigDecimal lowerQuartile,
        @Schema(description = "upper quartile (linear interpolation, Hyndman–Fan type 7), 1 dp") BigDecimal upperQuartile,
        BigDecimal min,
        BigDecimal max) {

    /** Published CSWW rates have one decimal place. */
    static final int DISPLAY_DECIMALS = 1;

    static GroupBenchmarkDto from(GroupResult result) {
        GroupStatistics s = result.statistics();
        return new GroupBenchmarkDto(
                result.group().id().toString(),
                result.group().code(),
                result.group().name(),
                s.n(),
                s.pooled(DISPLAY_DECIMALS),
                s.numerator(),
                s.denominator(),
                s.scale(),
                display(s.mean()),
                display(s.median()),
                display(s.lowerQuartile()),
                display(s.upperQuartile()),
                display(s.min()),
                display(s.max()));
    }

    private static BigDecimal display(BigDecimal value) {
        return value == null ? null : value.setScale(DISPLAY_DECIMALS, RoundingMode.HALF_UP);
    }
}
