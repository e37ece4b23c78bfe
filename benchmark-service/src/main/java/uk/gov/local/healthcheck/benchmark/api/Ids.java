package uk.gov.local.healthcheck.benchmark.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Path ids are slugs such as {@code workforce-2024}, {@code agency_rate}, {@code s3.cancel_meetings}, {@code E10000031}. */
final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private Ids() {
    }

    /** @param fieldsAndValues field name, value, field name, value, … */
    static void validate(String... fieldsAndValues) {
        List<Violation> errors = new ArrayList<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            String value = fieldsAndValues[i + 1];
            if (value == null || !ID.matcher(value).matches()) {
                errors.add(new Violation(fieldsAndValues[i], "pattern",
                        "must be 1–100 letters, digits, '.', '_' or '-', starting with a letter or digit"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The path names no valid round, indicator, question or authority", errors);
        }
    }
}
