package uk.gov.local.healthcheck.survey.responses;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code {"responseId":"...","authorityCode":"...","answers":{...}}}, read field by field. */
record ResponseSubmission(String responseId, String authorityCode, JsonNode answers) {

    private static final Set<String> FIELDS = Set.of("responseId", "authorityCode", "answers");
    /** Opaque ids only: letters, digits and . _ : - (a UUID fits). */
    private static final Pattern RESPONSE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");

    static ResponseSubmission read(JsonNode body, List<Violation> violations) {
        if (!body.isObject()) {
            violations.add(new Violation("body", "type", "a response must be a JSON object with responseId, authorityCode and answers"));
            return new ResponseSubmission(null, null, null);
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                violations.add(new Violation(f, "unknown", "unknown field " + f + "; fields are " + FIELDS.stream().sorted().toList()));
            }
        }
        String responseId = text(body, "responseId", violations);
        if (responseId != null && !RESPONSE_ID.matcher(responseId).matches()) {
            violations.add(new Violation("responseId", "format", "responseId must be 1-100 letters, digits or . _ : - (e.g. a UUID)"));
            responseId = null;
        }
        return new ResponseSubmission(responseId, text(body, "authorityCode", violations), body.get("answers"));
    }

    private static String text(JsonNode body, String field, List<Violation> violations) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            violations.add(new Violation(field, "required", field + " is required"));
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            violations.add(new Violation(field, "type", field + " must be a non-empty string"));
            return null;
        }
        return n.asText();
    }
}
