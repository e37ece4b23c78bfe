package uk.gov.local.healthcheck.benchmark.aggregation;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.benchmark.grouping.Group;
import uk.gov.local.healthcheck.benchmark.grouping.GroupId;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AggregationTest {

    private static final int PERCENT = 100;
    private static final int RATIO = 1;

    static IndicatorValue rate(String numerator, String denominator) {
        return rate(numerator, denominator, PERCENT);
    }

    static IndicatorValue rate(String numerator, String denominator, int scale) {
        BigDecimal n = new BigDecimal(numerator);
        BigDecimal d = new BigDecimal(denominator);
        return new IndicatorValue("agency_rate", n.multiply(BigDecimal.valueOf(scale)).divide(d, MathContext.DECIMAL128),
                n, d, scale, null);
    }

    static IndicatorValue missing() {
        return new IndicatorValue("agency_rate", null, null, new BigDecimal("100"), PERCENT, List.of("agency_fte"));
    }

    /** Numerically equal, whatever the BigDecimal scale. */
    static void assertNumber(String expected, BigDecimal actual) {
        assertTrue(actual != null && new BigDecimal(expected).compareTo(actual) == 0,
                () -> "expected " + expected + " but was " + actual);
    }

    @Nested
    class OddNumberOfAuthorities {
        // 10 %, 30 % and 2.5 % of very different sizes.
        final GroupStatistics s = Aggregation.summarise(List.of(rate("10", "100"), rate("30", "100"), rate("5", "200")));

        @Test
        void poolsTheSumsRatherThanAveragingTheRates() {
            assertEquals(3, s.n());
            assertNumber("45", s.numerator());
            assertNumber("400", s.denominator());
            assertNumber("11.25", s.pooled());          // 45 / 400 × 100
            assertNumber("14.16666666666666666666666666666667", s.mean()); // (10 + 30 + 2.5) / 3: a different number
        }

        @Test
        void medianAndQuartilesInterpolateBetweenOrderStatistics() {
            // sorted 2.5, 10, 30; h = 2p
            assertNumber("10", s.median());
            assertNumber("6.25", s.lowerQuartile());     // h = 0.5: 2.5 + 0.5 × 7.5
            assertNumber("20", s.upperQuartile());       // h = 1.5: 10 + 0.5 × 20
            assertNumber("2.5", s.min());
            assertNumber("30", s.max());
        }
    }

    @Nested
    class EvenNumberOfAuthorities {
        final GroupStatistics s = Aggregation.summarise(
                List.of(rate("30", "100"), rate("5", "200"), rate("20", "100"), rate("10", "100")));

        @Test
        void medianIsTheMeanOfTheMiddleTwo() {
            // sorted 2.5, 10, 20, 30; h = 3p
            assertNumber("15", s.median());
            assertNumber("8.125", s.lowerQuartile());    // h = 0.75: 2.5 + 0.75 × 7.5
            assertNumber("22.5", s.upperQuartile());     // h = 2.25: 20 + 0.25 × 10
        }

        @Test
        void pooledAndMean() {
            assertEquals(4, s.n());
            assertNumber("13", s.pooled());              // 65 / 500 × 100
            assertNumber("15.625", s.mean());            // 62.5 / 4
        }
    }

    @Test
    void missingValuesAreLeftOutOfEveryFigure() {
        List<IndicatorValue> values = new ArrayList<>(List.of(rate("10", "100"), rate("30", "100")));
        GroupStatistics without = Aggregation.summarise(values);
        values.add(missing());
        values.add(null);
        GroupStatistics with = Aggregation.summarise(values);

        assertEquals(2, with.n());
        assertEquals(without, with);
        assertNumber("200", with.denominator());         // the missing authority's denominator is not pooled
        assertNumber("20", with.pooled());
    }

    @Test
    void anEmptyGroupHasNoFigures() {
        assertSame(GroupStatistics.EMPTY, Aggregation.summarise(List.of()));
        GroupStatistics allMissing = Aggregation.summarise(List.of(missing(), missing()));
        assertEquals(0, allMissing.n());
        assertTrue(allMissing.isEmpty());
        assertNull(allMissing.pooled());
        assertNull(allMissing.pooled(1));
        assertNull(allMissing.median());
        assertNull(allMissing.mean());
    }

    @Test
    void aSingleAuthorityIsItsOwnMedianAndQuartiles() {
        GroupStatistics s = Aggregation.summarise(List.of(rate("7", "40")));
        assertEquals(1, s.n());
        for (BigDecimal figure : List.of(s.pooled(), s.mean(), s.median(), s.lowerQuartile(), s.upperQuartile(), s.min(), s.max())) {
            assertNumber("17.5", figure);
        }
    }

    @Test
    void aValueWithoutNumeratorAndDenominatorCountsInTheDistributionButCannotBePooled() {
        IndicatorValue bare = new IndicatorValue("agency_rate", new BigDecimal("50"), null, null, PERCENT, null);
        GroupStatistics s = Aggregation.summarise(List.of(rate("10", "100"), bare));
        assertEquals(2, s.n());
        assertNumber("10", s.pooled());
        assertNumber("30", s.median());

        GroupStatistics onlyBare = Aggregation.summarise(List.of(bare));
        assertEquals(1, onlyBare.n());
        assertNull(onlyBare.pooled());
        assertNull(onlyBare.numerator());
        assertNull(onlyBare.pooled(1));
    }

    @Test
    void aZeroDenominatorHasNoPooledValue() {
        IndicatorValue zero = new IndicatorValue("agency_rate", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, PERCENT, null);
        GroupStatistics s = Aggregation.summarise(List.of(zero));
        assertEquals(1, s.n());
        assertNull(s.pooled());
    }

    @Test
    void ratiosUseScaleOne() {
        // England 2025: 321,661 cases over 21,105.4 case-holding FTE = 15.24 (published 15.2).
        GroupStatistics s = Aggregation.summarise(List.of(rate("321661", "21105.4", RATIO)));
        assertNumber("15.2", s.pooled(1));
        assertEquals(RATIO, s.scale());
    }

    @Test
    void mixingScalesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Aggregation.summarise(List.of(rate("1", "10", PERCENT), rate("1", "10", RATIO))));
    }

    @Test
    void roundingIsHalfUpFromTheExactSums() {
        // 249 / 2000 × 100 = 12.45 exactly: HALF_UP gives 12.5 (binary floating point would give 12.4).
        assertNumber("12.5", Aggregation.summarise(List.of(rate("249", "2000"))).pooled(1));
        assertNumber("12.4", Aggregation.summarise(List.of(rate("2489", "20000"))).pooled(1));
        // 1 / 3 × 100 = 33.33…
        assertNumber("33.3", Aggregation.summarise(List.of(rate("1", "3"))).pooled(1));
    }

    @Test
    void aGroupSummarisesOnlyItsMembers() {
        Group north = new Group(GroupId.region("E12000001"), "E12000001", "North East", Set.of("A", "B"));
        Map<String, IndicatorValue> values = Map.of(
                "A", rate("10", "100"), "B", rate("20", "100"), "C", rate("90", "100"));
        GroupStatistics s = GroupBenchmarks.forGroup(north, values);
        assertEquals(2, s.n());
        assertNumber("15", s.pooled());
        assertNumber("20", s.max());
    }
}
