package uk.gov.local.healthcheck.loadgen;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyRecorderTest {

    @Test
    void nearestRankPercentilesAndOutcomeCounts() {
        LatencyRecorder r = new LatencyRecorder();
        for (int ms = 1; ms <= 2000; ms++) {
            r.record(ms * 1000L, ms % 100 == 0 ? "500" : "201");
        }
        assertEquals(2000, r.count());
        assertEquals(1000.0, r.percentileMillis(50));
        assertEquals(1980.0, r.percentileMillis(99));
        assertEquals(2000.0, r.percentileMillis(100));
        assertEquals(20, r.outcomes().get("500"));
        assertEquals(1980, r.outcomes().get("201"));
        assertTrue(Double.isNaN(new LatencyRecorder().percentileMillis(99)));
        assertEquals("p50=1000.0 p90=1800.0 p99=1980.0 max=2000.0", r.percentiles());
    }

    @Test
    void optionsHaveDocumentedDefaultsAndRejectUnknownModes() {
        Options o = Options.parse(new String[]{"--mode", "batch", "--rate", "2000"});
        assertEquals("batch", o.mode());
        assertEquals(2000.0, o.rate());
        assertEquals(1000, o.batchSize());
        assertEquals("http://127.0.0.1:8081", o.survey());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[]{"--mode", "x"}));
        // a misspelt option is refused rather than silently leaving its default in force
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[]{"--rates", "10"}));
    }
}
