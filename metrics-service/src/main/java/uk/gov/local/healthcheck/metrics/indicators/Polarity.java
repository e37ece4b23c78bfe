package uk.gov.local.healthcheck.metrics.indicators;

import java.util.Locale;

/** Which direction is favourable, so that benchmarking can say "better" or "worse" rather than "higher" or "lower". */
public enum Polarity {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER,
    /** Neither direction is better in itself (e.g. a diversity share, a career-level mix). */
    NEITHER;

    /** As the events and the API spell it: {@code higher-is-better}, {@code lower-is-better}, {@code neither}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The polarity of that spelling ({@code lower-is-better}), as the dictionary writes it. */
    public static Polarity ofWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
