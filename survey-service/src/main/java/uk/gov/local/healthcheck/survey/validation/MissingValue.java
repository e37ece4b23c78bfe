package uk.gov.local.healthcheck.survey.validation;

import java.util.Map;

/**
 * The typed missing values a council may give instead of a number, with the DfE's statistical symbols, so that a
 * figure that cannot be given is never mistaken for zero: {@code {"missing": "x"}}.
 */
public final class MissingValue {
    public static final String FIELD = "missing";
    public static final Map<String, String> SYMBOLS = Map.of(
            "x", "not available",
            "c", "suppressed to protect confidentiality",
            "u", "low reliability",
            "z", "not applicable");

    private MissingValue() {
    }

    public static Map<String, String> of(String symbol) {
        return Map.of(FIELD, symbol);
    }
}
