package uk.gov.local.healthcheck.benchmark.api;

import uk.gov.local.healthcheck.benchmark.disclosure.DisclosureRules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Presentation rounding: one decimal place, HALF_UP, as published CSWW rates are. */
final class Display {

    static final int DECIMALS = 1;
    static final int PERCENT_SCALE = 100;

    private Display() {
    }

    static BigDecimal round(BigDecimal value) {
        return value == null ? null : value.setScale(DECIMALS, RoundingMode.HALF_UP);
    }

    /**
     * A percentage figure for display: null (and its name added to {@code low}) when it is not 0 but rounds to 0.0,
     * so it is never shown as a plain 0.
     */
    static BigDecimal percent(String name, BigDecimal value, boolean isPercent, List<String> low) {
        if (isPercent && DisclosureRules.isLow(value)) {
            low.add(name);
            return null;
        }
        return round(value);
    }
}
