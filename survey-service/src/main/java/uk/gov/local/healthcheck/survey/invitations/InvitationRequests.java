package uk.gov.local.healthcheck.survey.invitations;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.local.healthcheck.survey.validation.Violation;
import uk.gov.local.healthcheck.survey.web.BodyFields;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

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
    private static final Set<String> INVITED_OR_AUTHORITY = Set.of("code", "responseId", "answers", "authorityCode");
    /** Codes are 43 characters; anything much longer is not one, and is not hashed. */
    private static final int MAX_CODE = 200;

    private InvitationRequests() {
    }

    static Create create(JsonNode body, int maxResponsesLimit, LocalDate today, List<Violation> violations) {
        if (!object(body, "{\"authorityCode\":\"E10000031\",\"expiresOn\":\"2027-03-31\",\"maxResponses\":400}", violations)) {
            return new Create(null, null, null);
        }
        BodyFields.unknownFields(body, CREATE_FIELDS, violations);
        String authority = BodyFields.text(body, "authorityCode", violations);
        LocalDate expiresOn = BodyFields.date(body, "expiresOn", violations);
        if (expiresOn != null && expiresOn.isBefore(today)) {
            violations.add(new Violation("expiresOn", "range", "expiresOn (" + expiresOn + ") is in the past (today is " + today + ")"));
        }
        Integer max = BodyFields.wholeNumber(body, "maxResponses", true, violations);
        if (max != null && (max < 1 || max > maxResponsesLimit)) {
            violations.add(new Violation("maxResponses", "range", "maxResponses must be between 1 and " + maxResponsesLimit));
            max = null;
        }
        return new Create(authority, expiresOn, max);
    }

    /** {@code {"code":"…"}} of a resolve. */
    static String code(JsonNode body, List<Violation> violations) {
        if (!object(body, "{\"code\":\"…\"}", violations)) {
            return null;
        }
        BodyFields.unknownFields(body, Set.of("code"), violations);
        return code(BodyFields.text(body, "code", violations), violations);
    }

    static Invited invited(JsonNode body, List<Violation> violations) {
        if (!object(body, "{\"code\":\"…\",\"responseId\":\"…\",\"answers\":{…}}", violations)) {
            return new Invited(null, null, null);
        }
        if (body.has("authorityCode")) {
            violations.add(new Violation("authorityCode", "unknown",
                    "authorityCode may not be given: the authority is the invitation's"));
        }
        // authorityCode has its own message above; any other field is listed against the three it may have.
        BodyFields.unknownFields(body, INVITED_OR_AUTHORITY, "fields are " + INVITED_FIELDS.stream().sorted().toList(), violations);
        String code = code(BodyFields.text(body, "code", violations), violations);
        String responseId = BodyFields.responseId(body, violations);
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
        return BodyFields.object(body, "the body must be a JSON object such as " + example, violations);
    }
}
