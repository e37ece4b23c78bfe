package uk.gov.local.healthcheck.benchmark.api;

import uk.gov.local.healthcheck.api.problems.FieldError;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Path ids are slugs such as {@code workforce-2024}, {@code agency_rate}, {@code s3.cancel_meetings}, {@code E10000031};
 * {@code by} is {@code councilType} or {@code region}. A request naming anything else is a 400 {@code bad-request}.
 */
final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private Ids() {
    }

    /** @param fieldsAndValues field name, value, field name, value, … */
    static void validate(String... fieldsAndValues) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            String value = fieldsAndValues[i + 1];
            if (value == null || !ID.matcher(value).matches()) {
                errors.add(new FieldError(fieldsAndValues[i], "pattern",
                        "must be 1–100 letters, digits, '.', '_' or '-', starting with a letter or digit"));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid("The path names no valid round, indicator, question or authority", errors);
        }
    }

    /** {@code by}, when given, groups a question's table by council type or region. */
    static void validateBy(String by) {
        if (by != null && !List.of(QuestionAssembler.BY_COUNCIL_TYPE, QuestionAssembler.BY_REGION).contains(by)) {
            throw invalid("by must be councilType or region",
                    List.of(new FieldError("by", "enum", "must be councilType or region")));
        }
    }

    /** 400 {@code bad-request} in benchmark-service's words. */
    static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(400, ProblemTypes.BAD_REQUEST, "The request is not valid", detail, errors);
    }
}
