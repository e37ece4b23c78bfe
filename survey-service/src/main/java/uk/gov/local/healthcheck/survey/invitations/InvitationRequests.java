package uk.gov.local.healthcheck.survey.invitations;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the bodies of the invitation endpoints field by field, so every problem is named at once. */
final class InvitationRequests {

    /** {@code POST /rounds/{id}/invitations}, its fields read; a null is a field already reported. */
    record Create(String authorityCode, LocalDate expiresOn, Integer maxResponses) {
    }

    /** {@code POST /invitations/responses}. The authority is the invitation's, never the body's. */
    record Invited(String code, String responseId, JsonNode answers) {
    }

    private static final Set<String> CREATE_FIELDS = Set.of("authorityCode", "expiresOn", "maxResponses");
    private static final Set<String> INVITED_FIELDS = Set.of("code", "responseId", "answers");
    /** The same rule as a response's own id: letters, digits and . _ : - (a UUID fits). */
    private static final Pattern RESPONSE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");
    /** Codes are 43 characters; anything much longer is not one, and is not hashed. */
    private static final int MAX_CODE = 200;

    private InvitationRequests() {
    }

    static Create create(JsonNode body, int maxResponsesLimit, LocalDate today, List<Violation> violations) {
        if (!object(body, "{\"authorityCode\":\"E10000031\",\"expiresOn\":\"2027-03-31\",\"maxResponses\":400}", violations)) {
            return new Create(null, null, null);
        }
        unknownFields(body, CREATE_FIELDS, violations);
        String authority = text(body, "authorityCode", violations);
        LocalDate expiresOn = null;
        String expires = text(body, "expiresOn", violations);
        if (expires != null) {
            try {
                expiresOn = LocalDate.parse(expires);
                if (expiresOn.isBefore(today)) {
                    violations.add(new Violation("expiresOn", "range", "expiresOn (" + expiresOn + ") is in the past (today is " + today + ")"));
                }
            } catch (DateTimeParseException e) {
                violations.add(new Violation("expiresOn", "format", "expiresOn must be a date as YYYY-MM-DD (got " + expires + ")"));
            }
        }
        Integer max = null;
        JsonNode m = body.get("maxResponses");
        if (m == null || m.isNull()) {
            violations.add(new Violation("maxResponses", "required", "maxResponses is required"));
        } else if (!m.isIntegralNumber() || !m.canConvertToInt()) {
            violations.add(new Violation("maxResponses", "type", "maxResponses must be a whole number"));
        } else if (m.intValue() < 1 || m.intValue() > maxResponsesLimit) {
            violations.add(new Violation("maxResponses", "range", "maxResponses must be between 1 and " + maxResponsesLimit));
        } else {
            max = m.intValue();
        }
        return new Create(authority, expiresOn, max);
    }

    /** {@code {"code":"…"}} of a resolve. */
    static String code(JsonNode body, List<Violation> violations) {
        if (!object(body, "{\"code\":\"…\"}", violations)) {
            return null;
        }
        unknownFields(body, Set.of("code"), violations);
        return code(text(body, "code", violations), violations);
    }

    static Invited invited(JsonNode body, List<Violation> violations) {
        if (!object(body, "{\"code\":\"…\",\"responseId\":\"…\",\"answers\":{…}}", violations)) {
            return new Invited(null, null, null);
        }
        if (body.has("authorityCode")) {
            violations.add(new Violation("authorityCode", "unknown",
                    "authorityCode may not be given: the authority is the invitation's"));
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!INVITED_FIELDS.contains(f) && !"authorityCode".equals(f)) {
                violations.add(new Violation(f, "unknown", "unknown field " + f + "; fields are " + INVITED_FIELDS.stream().sorted().toList()));
            }
        }
        String code = code(text(body, "code", violations), violations);
        String responseId = text(body, "responseId", violations);
        if (responseId != null && !RESPONSE_ID.matcher(responseId).matches()) {
            violations.add(new Violation("responseId", "format", "responseId must be 1-100 letters, digits or . _ : - (e.g. a UUID)"));
            responseId = null;
        }
        return new Invited(code, responseId, body.get("answers"));
    }

    private static String code(String code, List<Violation> violations) {
        if (code != null && code.length() > MAX_CODE) {
            violations.add(new Violation("code", "format", "code is not an invitation code (too long)"));
            return null;
        }
        return code;
    }

    private static boolean object(JsonNode body, String example, List<Violation> violations) {
        if (!body.isObject()) {
            violations.add(new Violation("body", "type", "the body must be a JSON object such as " + example));
            return false;
        }
        return true;
    }

    private static void unknownFields(JsonNode body, Set<String> fields, List<Violation> violations) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                violations.add(new Violation(f, "unknown", "unknown field " + f + "; fields are " + fields.stream().sorted().toList()));
            }
        }
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
