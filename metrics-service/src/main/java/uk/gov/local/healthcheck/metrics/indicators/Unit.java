package uk.gov.local.healthcheck.metrics.indicators;

import java.util.Locale;

/**
 * How an indicator's value reads: a percentage (scale 100), a plain number such as a caseload (scale 1), or a count
 * such as the number of respondents.
 */
public enum Unit {
    PERCENT,
    NUMBER,
    COUNT;

    /** As the events and the API spell it: {@code percent}, {@code number}, {@code count}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The unit of that spelling ({@code percent}), as the dictionary writes it. */
    public static Unit ofWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
