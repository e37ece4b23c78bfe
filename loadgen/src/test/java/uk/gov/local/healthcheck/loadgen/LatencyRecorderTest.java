package uk.gov.local.healthcheck.loadgen;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyRecorderTest {

    /** HdrHistogram's promise at 3 significant digits: a value is reported within 0.1% of itself. */
    private static void assertWithinPrecision(double expectedMillis, double actualMillis) {
        assertEquals(expectedMillis, actualMillis, expectedMillis / 1000, () -> "expected " + expectedMillis + " ms, got " + actualMillis);
    }

    @Test
    void percentilesOfAKnownDistributionAndOutcomeCounts() {
        LatencyRecorder r = new LatencyRecorder();
        for (int ms = 1; ms <= 2000; ms++) {
            r.record(ms * 1000L, ms % 100 == 0 ? "500" : "201");
        }
        assertEquals(2000, r.count());
        // nearest rank: the 1000th, 1800th, 1980th of 2000
        assertWithinPrecision(1000.0, r.percentileMillis(50));
        assertWithinPrecision(1800.0, r.percentileMillis(90));
        assertWithinPrecision(1980.0, r.percentileMillis(99));
        assertWithinPrecision(2000.0, r.maxMillis());
        assertWithinPrecision(1.0, r.minMillis());
        assertEquals(20, r.outcomes().get("500"));
        assertEquals(1980, r.outcomes().get("201"));
        assertTrue(r.percentiles().matches("p50=100\\d\\.\\d p90=18\\d\\d\\.\\d p99=19[89]\\d\\.\\d max=200\\d\\.\\d"), r.percentiles());
    }

    @Test
    void smallLatenciesAreExactToTheMicrosecond() {
        LatencyRecorder r = new LatencyRecorder();
        LongStream.of(900, 100, 1500, 300, 700).forEach(micros -> r.record(micros, "200"));
        assertEquals(0.1, r.minMillis());
        assertEquals(0.7, r.percentileMillis(50));   // the 3rd of 5
        assertEquals(1.5, r.maxMillis());
        assertEquals("p50=0.7 p90=1.5 p99=1.5 max=1.5", r.percentiles());
    }

    @Test
    void theMedianOfAnEvenNumberIsTheLowerMiddle() {
        LatencyRecorder r = new LatencyRecorder();
        LongStream.of(400, 100, 300, 200).forEach(micros -> r.record(micros, "200"));
        assertEquals(0.2, r.percentileMillis(50));
    }

    @Test
    void aLongTailIsSeenInP99() {
        // 10 000 requests: 98.5% take 5–10 ms, 1.5% take 900 ms; p99 falls in the tail, p90 does not
        LatencyRecorder r = new LatencyRecorder();
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            r.record(i % 200 < 3 ? 900_000 : 5_000 + random.nextInt(5_000), "201");
        }
        assertWithinPrecision(900.0, r.percentileMillis(99));
        assertTrue(r.percentileMillis(90) >= 5.0 && r.percentileMillis(90) < 10.01, r.percentiles());
        assertWithinPrecision(900.0, r.maxMillis());
    }

    @Test
    void nothingRecordedHasNoPercentiles() {
        LatencyRecorder r = new LatencyRecorder();
        assertEquals(0, r.count());
        assertTrue(Double.isNaN(r.percentileMillis(99)));
        assertTrue(Double.isNaN(r.maxMillis()));
        assertTrue(Double.isNaN(r.minMillis()));
        assertEquals("p50=NaN p90=NaN p99=NaN max=NaN", r.percentiles());
    }
}
