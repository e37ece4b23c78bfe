package uk.gov.local.healthcheck.metrics.indicators;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Reads the reporting year from a round's period id: {@code "2024"} and {@code "2019-Q1"} both start with it. */
public final class ReturnPeriod {

    private static final Pattern YEAR_PREFIX = Pattern.compile("^(\\d{4})(?:$|-.*)");

    private ReturnPeriod() {
    }

    public static OptionalInt yearOf(String period) {
        if (period == null) {
            return OptionalInt.empty();
        }
        var m = YEAR_PREFIX.matcher(period.trim());
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
