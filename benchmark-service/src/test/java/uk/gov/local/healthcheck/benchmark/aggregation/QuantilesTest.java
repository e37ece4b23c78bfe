package uk.gov.local.healthcheck.benchmark.aggregation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuantilesTest {

    private static List<BigDecimal> values(int... xs) {
        return IntStream.of(xs).mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void matchesRsDefaultType7() {
        // R: quantile(1:10, c(0, .25, .5, .75, 1)) = 1, 3.25, 5.5, 7.75, 10
        List<BigDecimal> oneToTen = values(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertEquals(0, new BigDecimal("1").compareTo(Quantiles.of(oneToTen, BigDecimal.ZERO)));
        assertEquals(0, new BigDecimal("3.25").compareTo(Quantiles.of(oneToTen, Quantiles.LOWER_QUARTILE)));
        assertEquals(0, new BigDecimal("5.5").compareTo(Quantiles.of(oneToTen, Quantiles.MEDIAN)));
        assertEquals(0, new BigDecimal("7.75").compareTo(Quantiles.of(oneToTen, Quantiles.UPPER_QUARTILE)));
        assertEquals(0, new BigDecimal("10").compareTo(Quantiles.of(oneToTen, BigDecimal.ONE)));
        // R: quantile(c(1, 2, 4, 8, 16), .25) = 2, .75 = 8 (positions fall on order statistics)
        assertEquals(0, new BigDecimal("2").compareTo(Quantiles.of(values(1, 2, 4, 8, 16), Quantiles.LOWER_QUARTILE)));
        assertEquals(0, new BigDecimal("8").compareTo(Quantiles.of(values(1, 2, 4, 8, 16), Quantiles.UPPER_QUARTILE)));
    }

    @Test
    void refusesNoValuesAndProbabilitiesOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(List.of(), Quantiles.MEDIAN));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(values(1), new BigDecimal("1.5")));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.of(values(1), new BigDecimal("-0.1")));
    }
}
