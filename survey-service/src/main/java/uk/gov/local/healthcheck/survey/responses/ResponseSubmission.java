package uk.gov.local.healthcheck.survey.responses;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.local.healthcheck.survey.validation.Violation;
import uk.gov.local.healthcheck.survey.web.BodyFields;

import java.util.List;
import java.util.Set;

/** {@code {"responseId":"...","authorityCode":"...","answers":{...}}}, read field by field. */
record ResponseSubmission(String responseId, String authorityCode, JsonNode answers) {

    private static final Set<String> FIELDS = Set.of("responseId", "authorityCode", "answers");

    static ResponseSubmission read(JsonNode body, List<Violation> violations) {
        if (!BodyFields.object(body, "a response must be a JSON object with responseId, authorityCode and answers", violations)) {
            return new ResponseSubmission(null, null, null);
        }
        BodyFields.unknownFields(body, FIELDS, violations);
        String responseId = BodyFields.responseId(body, violations);
        return new ResponseSubmission(responseId, BodyFields.text(body, "authorityCode", violations), body.get("answers"));
    }
}
