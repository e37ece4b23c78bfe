package uk.gov.local.healthcheck.benchmark.ranking;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Map<String, BigDecimal> values() {
        Map<String, BigDecimal> v = new LinkedHashMap<>();
        v.put("a", d("10"));
        v.put("b", d("20"));
        v.put("c", d("20.0"));
        v.put("d", d("5"));
        v.put("e", null);
        return v;
    }

    @Test
    void lowerIsBetterRanksTheSmallestFirstAndTiesShareTheLowerRank() {
        assertEquals(Map.of("d", 1, "a", 2, "b", 3, "c", 3), Ranking.ranks(values(), Polarity.LOWER_IS_BETTER));
    }

    @Test
    void higherIsBetterRanksTheLargestFirst() {
        assertEquals(Map.of("b", 1, "c", 1, "a", 3, "d", 4), Ranking.ranks(values(), Polarity.HIGHER_IS_BETTER));
    }

    @Test
    void neitherHasNoRanks() {
        assertTrue(Ranking.ranks(values(), Polarity.NEITHER).isEmpty());
        assertEquals(Polarity.NEITHER, Polarity.parse(null));
        assertEquals(Polarity.NEITHER, Polarity.parse("neutral"));
        assertEquals(Polarity.LOWER_IS_BETTER, Polarity.parse("lower-is-better"));
    }

    @Test
    void bandsAreQuartersBestFirstAndABoundaryTakesTheBetterBand() {
        // quartiles 10 / 20 / 30
        assertEquals("A", Ranking.band(d("10"), d("10"), d("20"), d("30"), Polarity.LOWER_IS_BETTER));
        assertEquals("B", Ranking.band(d("15"), d("10"), d("20"), d("30"), Polarity.LOWER_IS_BETTER));
        assertEquals("C", Ranking.band(d("30"), d("10"), d("20"), d("30"), Polarity.LOWER_IS_BETTER));
        assertEquals("D", Ranking.band(d("31"), d("10"), d("20"), d("30"), Polarity.LOWER_IS_BETTER));
        assertEquals("A", Ranking.band(d("31"), d("10"), d("20"), d("30"), Polarity.HIGHER_IS_BETTER));
        assertEquals("B", Ranking.band(d("20"), d("10"), d("20"), d("30"), Polarity.HIGHER_IS_BETTER));
        assertEquals("D", Ranking.band(d("9"), d("10"), d("20"), d("30"), Polarity.HIGHER_IS_BETTER));
        assertNull(Ranking.band(d("9"), d("10"), d("20"), d("30"), Polarity.NEITHER));
        assertNull(Ranking.band(null, d("10"), d("20"), d("30"), Polarity.LOWER_IS_BETTER));
    }

    @Test
    void directionOfTravelFollowsPolarityAndIgnoresChangesBelowThePublishedPrecision() {
        assertEquals(Ranking.Direction.IMPROVING, Ranking.direction(d("10"), d("12"), Polarity.LOWER_IS_BETTER));
        assertEquals(Ranking.Direction.WORSENING, Ranking.direction(d("10"), d("12"), Polarity.HIGHER_IS_BETTER));
        assertEquals(Ranking.Direction.NO_CHANGE, Ranking.direction(d("10.04"), d("9.96"), Polarity.LOWER_IS_BETTER));
        assertNull(Ranking.direction(d("10"), null, Polarity.LOWER_IS_BETTER));
        assertNull(Ranking.direction(d("10"), d("12"), Polarity.NEITHER));
        assertEquals(0, d("-2.0").compareTo(Ranking.change(d("10"), d("12"))));
    }
}
