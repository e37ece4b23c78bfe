package uk.gov.local.healthcheck.benchmark.aggregation;

import java.math.BigDecimal;
import java.util.List;

/**
 * Quantiles by linear interpolation between order statistics, "method 7" of Hyndman and Fan (1996): the default of
 * R's {@code quantile}, NumPy's {@code percentile} and Excel's {@code QUARTILE.INC}. For sorted values
 * x<sub>0</sub> ≤ … ≤ x<sub>n−1</sub> and p in [0, 1], h = (n − 1)·p and
 * Q(p) = x<sub>⌊h⌋</sub> + (h − ⌊h⌋)·(x<sub>⌊h⌋+1</sub> − x<sub>⌊h⌋</sub>).
 * Q(0) is the minimum, Q(1) the maximum and Q(0.5) the ordinary median for odd and even n alike; the quartiles
 * always lie within the data, which suits small groups (a region can have 5 authorities).
 */
public final class Quantiles {

    public static final BigDecimal LOWER_QUARTILE = new BigDecimal("0.25");
    public static final BigDecimal MEDIAN = new BigDecimal("0.5");
    public static final BigDecimal UPPER_QUARTILE = new BigDecimal("0.75");

    private Quantiles() {
    }

    /** @param sorted ascending, not empty */
    public static BigDecimal of(List<BigDecimal> sorted, BigDecimal p) {
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("No values to take a quantile of");
        }
        if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("Quantile " + p + " is outside [0, 1]");
        }
        BigDecimal h = BigDecimal.valueOf(sorted.size() - 1L).multiply(p);
        int lower = h.intValue();
        BigDecimal fraction = h.subtract(BigDecimal.valueOf(lower));
        BigDecimal base = sorted.get(lower);
        if (fraction.signum() == 0) {
            return base;
        }
        BigDecimal next = sorted.get(lower + 1);
        return base.add(fraction.multiply(next.subtract(base)));
    }
}
