package uk.gov.local.healthcheck.loadgen;

import org.HdrHistogram.Histogram;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects latencies (microseconds) in an HdrHistogram, and outcomes; thread-safe. A percentile is that of
 * HdrHistogram: the value at the nearest rank, to {@value #SIGNIFICANT_DIGITS} significant digits (within 0.1%),
 * in at most 140 KiB (for latencies up to a minute) however many requests are recorded.
 */
final class LatencyRecorder {

    static final int SIGNIFICANT_DIGITS = 3;

    /** Auto-resizing: no latency is too long to record. */
    private final Histogram micros = new Histogram(SIGNIFICANT_DIGITS);
    private final Map<String, Integer> outcomes = new TreeMap<>();

    synchronized void record(long micros, String outcome) {
        this.micros.recordValue(Math.max(0, micros));
        outcomes.merge(outcome, 1, Integer::sum);
    }

    synchronized int count() {
        return (int) micros.getTotalCount();
    }

    synchronized Map<String, Integer> outcomes() {
        return new TreeMap<>(outcomes);
    }

    /** The percentile in milliseconds, e.g. {@code percentileMillis(99)}; NaN when nothing was recorded. */
    synchronized double percentileMillis(double p) {
        return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(p) / 1000.0;
    }

    /** The shortest latency in milliseconds; NaN when nothing was recorded. */
    synchronized double minMillis() {
        return micros.getTotalCount() == 0 ? Double.NaN : micros.getMinValue() / 1000.0;
    }

    /** The longest latency in milliseconds; NaN when nothing was recorded. */
    synchronized double maxMillis() {
        return micros.getTotalCount() == 0 ? Double.NaN : micros.getMaxValue() / 1000.0;
    }

    /** The figures every report quotes, in milliseconds: {@code p50=… p90=… p99=… max=…}. */
    synchronized String percentiles() {
        return String.format(Locale.ROOT, "p50=%.1f p90=%.1f p99=%.1f max=%.1f",
                percentileMillis(50), percentileMillis(90), percentileMillis(99), maxMillis());
    }
}
