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
     * Summarises the values of one indicator for one group. Missing values (null) are left out of the distribution
     * (n, mean, quantiles, min, max), so n counts only authorities with a value. The pooled value uses every
     * authority that carries both a numerator and a denominator: metrics-service always sends both with a value,
     * and for a practitioner-survey share below 10 respondents it sends them without the (suppressed) value so the
     * group still pools them. A missing value whose denominator is 0 adds nothing.
     *
     * @throws IllegalArgumentException if the values mix scales (a percentage pooled with a ratio is meaningless)
     */
    public static GroupStatistics summarise(Collection<IndicatorValue> values) {
        List<IndicatorValue> all = values.stream().filter(Objects::nonNull).toList();
        List<IndicatorValue> pooledSources = all.stream()
                .filter(v -> v.numerator() != null && v.denominator() != null)
                .filter(v -> !v.isMissing() || v.denominator().signum() > 0)
                .toList();
        List<IndicatorValue> present = all.stream().filter(v -> !v.isMissing()).toList();
        if (present.isEmpty() && pooledSources.isEmpty()) {
            return GroupStatistics.EMPTY;
        }
        int scale = commonScale(present.isEmpty() ? pooledSources : present);
        if (!present.isEmpty()) {
            commonScale(pooledSources.isEmpty() ? present : concat(present, pooledSources));
        }

        BigDecimal numerator = null;
        BigDecimal denominator = null;
        for (IndicatorValue v : pooledSources) {
            numerator = numerator == null ? v.numerator() : numerator.add(v.numerator());
            denominator = denominator == null ? v.denominator() : denominator.add(v.denominator());
        }
        BigDecimal pooled = denominator == null || denominator.signum() == 0
                ? null
                : numerator.multiply(BigDecimal.valueOf(scale)).divide(denominator, PRECISION);
        int pooledN = pooled == null ? 0 : pooledSources.size();
        if (pooled == null) {
            // Keep the sums only when they define a rate, so pooled(int) can always recompute from them.
            numerator = null;
            denominator = null;
        }
        if (present.isEmpty()) {
            return new GroupStatistics(0, numerator, denominator, scale, pooled, null, null, null, null, null, null,
                    pooledN);
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
                sorted.get(sorted.size() - 1),
                pooledN);
    }

    private static List<IndicatorValue> concat(List<IndicatorValue> a, List<IndicatorValue> b) {
        List<IndicatorValue> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
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
