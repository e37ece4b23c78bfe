package uk.gov.local.healthcheck.loadgen;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Collects latencies (microseconds) and outcomes; thread-safe. Percentiles are nearest-rank over all samples. */
final class LatencyRecorder {

    private long[] samples = new long[1024];
    private int count;
    private final Map<String, Integer> outcomes = new TreeMap<>();

    synchronized void record(long micros, String outcome) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = micros;
        outcomes.merge(outcome, 1, Integer::sum);
    }

    synchronized int count() {
        return count;
    }

    synchronized Map<String, Integer> outcomes() {
        return new TreeMap<>(outcomes);
    }

    /** Nearest-rank percentile in milliseconds, e.g. {@code percentile(99)}. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1000.0;
    }

    /** The figures every report quotes, in milliseconds: {@code p50=… p90=… p99=… max=…}. */
    String percentiles() {
        return String.format(java.util.Locale.ROOT, "p50=%.1f p90=%.1f p99=%.1f max=%.1f",
                percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(100));
    }
}
