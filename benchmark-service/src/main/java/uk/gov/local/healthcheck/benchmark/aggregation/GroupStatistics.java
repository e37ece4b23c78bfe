package uk.gov.local.healthcheck.benchmark.aggregation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Summary of one indicator over one group of authorities. Every figure is unrounded; presentation rounds.
 *
 * @param n           authorities with a non-missing value
 * @param numerator   Σ numerator over those authorities (null when none carries one)
 * @param denominator Σ denominator over the same authorities
 * @param scale       100 for a percentage, 1 for a ratio (null when n = 0)
 * @param pooled      numerator / denominator × scale: the group's own rate, as the DfE publishes regional and
 *                    national figures (null when there is nothing to pool)
 * @param mean        arithmetic mean of the authorities' values: the typical council, each counting once
 * @param median      the middle authority value (see {@link Quantiles} for the method)
 * @param pooledN     authorities whose numerator and denominator are pooled: usually n, but a practitioner-survey
 *                    authority below 10 respondents has no value of its own (suppressed at source) yet still adds
 *                    its counts to the group's pool
 */
public record GroupStatistics(
        int n,
        BigDecimal numerator,
        BigDecimal denominator,
        Integer scale,
        BigDecimal pooled,
        BigDecimal mean,
        BigDecimal median,
        BigDecimal lowerQuartile,
        BigDecimal upperQuartile,
        BigDecimal min,
        BigDecimal max,
        int pooledN) {

    public static final GroupStatistics EMPTY =
            new GroupStatistics(0, null, null, null, null, null, null, null, null, null, null, 0);

    public boolean isEmpty() {
        return n == 0 && pooledN == 0;
    }

    /** Authorities that contribute to any figure of the group. */
    public int contributors() {
        return Math.max(n, pooledN);
    }

    /**
     * The pooled value rounded once, exactly, from the sums (no double rounding of an already rounded quotient):
     * {@code 12.45} stays a tie and goes up, as the DfE rounds.
     */
    public BigDecimal pooled(int decimals) {
        if (pooled == null) {
            return null;
        }
        return numerator.multiply(BigDecimal.valueOf(scale)).divide(denominator, decimals, RoundingMode.HALF_UP);
    }
}
