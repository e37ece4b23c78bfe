package uk.gov.local.healthcheck.survey.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks a round definition field by field, so every problem is reported at once. */
final class RoundRequestReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}(-Q[1-4])?");
    private static final Set<String> FIELDS = Set.of("id", "instrument", "version", "title", "period", "opensOn", "closesOn");
    private static final int MAX_TITLE = 200;

    private RoundRequestReader() {
    }

    static RoundRequest read(JsonNode body, List<Violation> violations) {
        if (!body.isObject()) {
            violations.add(new Violation("body", "type", "the body must be a JSON object"));
            return null;
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                violations.add(new Violation(f, "unknown", "unknown field " + f + "; fields are " + FIELDS.stream().sorted().toList()));
            }
        }
        String id = text(body, "id", true, violations);
        if (id != null && !ID.matcher(id).matches()) {
            violations.add(new Violation("id", "format", "id must be 2-64 lower-case letters, digits and hyphens, e.g. workforce-2024"));
        }
        String instrument = text(body, "instrument", true, violations);
        Integer version = null;
        JsonNode v = body.get("version");
        if (v != null && !v.isNull()) {
            if (v.isIntegralNumber() && v.canConvertToInt()) {
                version = v.intValue();
            } else {
                violations.add(new Violation("version", "type", "version must be a whole number"));
            }
        }
        String title = text(body, "title", false, violations);
        if (title != null && title.length() > MAX_TITLE) {
            violations.add(new Violation("title", "length", "title is longer than " + MAX_TITLE + " characters"));
        }
        String period = text(body, "period", true, violations);
        if (period != null && !PERIOD.matcher(period).matches()) {
            violations.add(new Violation("period", "format", "period must be a year (2024) or a quarter (2024-Q1)"));
        }
        LocalDate opensOn = date(body, "opensOn", violations);
        LocalDate closesOn = date(body, "closesOn", violations);
        if (opensOn != null && closesOn != null && closesOn.isBefore(opensOn)) {
            violations.add(new Violation("closesOn", "range", "closesOn (" + closesOn + ") is before opensOn (" + opensOn + ")"));
        }
        return new RoundRequest(id, instrument, version, title, period, opensOn, closesOn);
    }

    /** The body of {@code POST /rounds/{id}/extend}: {@code {"closesOn":"2027-04-30"}} and nothing else. */
    static LocalDate readExtension(JsonNode body, List<Violation> violations) {
        if (!body.isObject()) {
            violations.add(new Violation("body", "type", "the body must be a JSON object such as {\"closesOn\":\"2027-04-30\"}"));
            return null;
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!"closesOn".equals(f)) {
                violations.add(new Violation(f, "unknown", "unknown field " + f + "; the only field is closesOn"));
            }
        }
        return date(body, "closesOn", violations);
    }

    private static String text(JsonNode body, String field, boolean required, List<Violation> violations) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                violations.add(new Violation(field, "required", field + " is required"));
            }
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            violations.add(new Violation(field, "type", field + " must be a non-empty string"));
            return null;
        }
        return n.asText();
    }

    private static LocalDate date(JsonNode body, String field, List<Violation> violations) {
        String text = text(body, field, true, violations);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "format", field + " must be a date as YYYY-MM-DD (got " + text + ")"));
            return null;
        }
    }
}
