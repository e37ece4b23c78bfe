package uk.gov.local.healthcheck.benchmark.perf;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The latency benchmark's report lines, without the service: a known distribution's percentiles, within HdrHistogram's 0.1%. */
class LatencyBenchmarkSummaryTest {

    @Test
    void percentilesOfAKnownDistribution() {
        // 1..1000 ms: p50 is the 500th, p99 the 990th (nearest rank); the histogram reports each within 0.1%
        var h = LatencyBenchmarkTest.histogram(LongStream.rangeClosed(1, 1000).map(ms -> ms * 1000).boxed().toList());
        assertEquals(500.0, LatencyBenchmarkTest.millis(h, 50), 0.5);
        assertEquals(990.0, LatencyBenchmarkTest.millis(h, 99), 0.99);
        assertEquals(1000.0, LatencyBenchmarkTest.millis(h, 100), 1.0);
        assertTrue(Double.isNaN(LatencyBenchmarkTest.millis(LatencyBenchmarkTest.histogram(List.of()), 99)));
    }

    @Test
    void theReportLinesKeepTheirFormat() {
        List<LatencyBenchmarkTest.Sample> samples = new ArrayList<>();
        LongStream.rangeClosed(1, 100).forEach(i -> samples.add(new LatencyBenchmarkTest.Sample("indicator", i * 10, i == 100 ? 503 : 200)));
        String summary = LatencyBenchmarkTest.summary("at 200/s", samples);
        assertEquals("""
                at 200/s
                  indicator  n=  100  p50=   0.50 ms  p99=   0.99 ms  max=   1.00 ms  non-200=1
                  comparison n=    0  p50=    NaN ms  p99=    NaN ms  max=    NaN ms  non-200=0
                """, summary);
        assertEquals("  event -> updated benchmark (probes n=3): p50=20.0 ms  p99=30.0 ms  max=30.0 ms" + System.lineSeparator(),
                LatencyBenchmarkTest.delays(List.of(30_000L, 10_000L, 20_000L)));
    }
}
