package uk.gov.local.healthcheck.survey.web;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the fields of a JSON request body one by one, adding a violation for each problem instead of stopping at the
 * first, so a caller is told everything wrong at once. A method answers null for a field it has reported (or that is
 * absent and optional). Every endpoint reads its body through these, so a field is required, typed and named the same
 * way everywhere.
 */
public final class BodyFields {

    /** A practitioner response's own id: letters, digits and . _ : - (a UUID fits). */
    private static final Pattern RESPONSE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

    private BodyFields() {
    }

    /** Whether the body is a JSON object; if not, a violation of {@code body} saying {@code expected}. */
    public static boolean object(JsonNode body, String expected, List<Violation> violations) {
        if (!body.isObject()) {
            violations.add(new Violation("body", "type", expected));
            return false;
        }
        return true;
    }

    /** A violation for each field of the body not in {@code fields}, listing those. */
    public static void unknownFields(JsonNode body, Set<String> fields, List<Violation> violations) {
        unknownFields(body, fields, "fields are " + fields.stream().sorted().toList(), violations);
    }

    /** A violation for each field of the body not in {@code allowed}, the message ending with {@code whichAre}. */
    public static void unknownFields(JsonNode body, Set<String> allowed, String whichAre, List<Violation> violations) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                violations.add(new Violation(f, "unknown", "unknown field " + f + "; " + whichAre));
            }
        }
    }

    /** A required non-blank string. */
    public static String text(JsonNode body, String field, List<Violation> violations) {
        return text(body, field, true, violations);
    }

    /** A non-blank string; absent or null is a violation only when {@code required}. */
    public static String text(JsonNode body, String field, boolean required, List<Violation> violations) {
        JsonNode n = present(body, field, required, violations);
        if (n == null) {
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            violations.add(new Violation(field, "type", field + " must be a non-empty string"));
            return null;
        }
        return n.asText();
    }

    /** A required date as YYYY-MM-DD. */
    public static LocalDate date(JsonNode body, String field, List<Violation> violations) {
        String text = text(body, field, violations);
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

    /** A whole number that fits an int; absent or null is a violation only when {@code required}. */
    public static Integer wholeNumber(JsonNode body, String field, boolean required, List<Violation> violations) {
        JsonNode n = present(body, field, required, violations);
        if (n == null) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            violations.add(new Violation(field, "type", field + " must be a whole number"));
            return null;
        }
        return n.intValue();
    }

    /** The field's value, or null when it is absent or JSON null (a violation if it is {@code required}). */
    private static JsonNode present(JsonNode body, String field, boolean required, List<Violation> violations) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                violations.add(new Violation(field, "required", field + " is required"));
            }
            return null;
        }
        return n;
    }

    /** A required practitioner response id, the same rule however the response arrives. */
    public static String responseId(JsonNode body, List<Violation> violations) {
        String responseId = text(body, "responseId", violations);
        if (responseId != null && !RESPONSE_ID.matcher(responseId).matches()) {
            violations.add(new Violation("responseId", "format", "responseId must be 1-100 letters, digits or . _ : - (e.g. a UUID)"));
            return null;
        }
        return responseId;
    }
}
