package uk.gov.local.healthcheck.benchmark.aggregation;

import uk.gov.local.healthcheck.events.IndicatorValue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Pure statistics over the indicator values of a group; no I/O, no container. */
public final class Aggregation {

    /** 34 significant digits: far beyond the one decimal published, so intermediate rounding never shows. */
    static final MathContext PRECISION = MathContext.DECIMAL128;

    private Aggregation() {
    }

    /**
     * Summarises the values of one indicator for one group. Missing values (null) are left out of everything, so
     * n counts only authorities that reported. The pooled value uses the authorities that carry both a numerator
     * and a denominator (metrics-service always sends both with a value).
     *
     * @throws IllegalArgumentException if the values mix scales (a percentage pooled with a ratio is meaningless)
     */
    public static GroupStatistics summarise(Collection<IndicatorValue> values) {
        List<IndicatorValue> present = values.stream().filter(Objects::nonNull).filter(v -> !v.isMissing()).toList();
        if (present.isEmpty()) {
            return GroupStatistics.EMPTY;
        }
        int scale = commonScale(present);

        BigDecimal numerator = null;
        BigDecimal denominator = null;
        for (IndicatorValue v : present) {
            if (v.numerator() != null && v.denominator() != null) {
                numerator = numerator == null ? v.numerator() : numerator.add(v.numerator());
                denominator = denominator == null ? v.denominator() : denominator.add(v.denominator());
            }
        }
        BigDecimal pooled = denominator == null || denominator.signum() == 0
                ? null
                : numerator.multiply(BigDecimal.valueOf(scale)).divide(denominator, PRECISION);
        if (pooled == null) {
            // Keep the sums only when they define a rate, so pooled(int) can always recompute from them.
            numerator = null;
            denominator = null;
        }

        List<BigDecimal> sorted = present.stream().map(IndicatorValue::value).sorted(Comparator.naturalOrder()).toList();
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(sorted.size()), PRECISION);

        return new GroupStatistics(
                sorted.size(),
                numerator,
                denominator,
                scale,
                pooled,
                mean,
                Quantiles.of(sorted, Quantiles.MEDIAN),
                Quantiles.of(sorted, Quantiles.LOWER_QUARTILE),
                Quantiles.of(sorted, Quantiles.UPPER_QUARTILE),
                sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    private static int commonScale(List<IndicatorValue> present) {
        int scale = present.get(0).scale();
        for (IndicatorValue v : present) {
            if (v.scale() != scale) {
                throw new IllegalArgumentException("Indicator " + v.indicatorId() + " mixes scales " + scale
                        + " and " + v.scale() + "; values on different scales cannot be pooled");
            }
        }
        return scale;
    }
}
