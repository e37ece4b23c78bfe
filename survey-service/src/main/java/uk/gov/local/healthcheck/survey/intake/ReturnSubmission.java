package uk.gov.local.healthcheck.survey.intake;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.local.healthcheck.survey.validation.Violation;
import uk.gov.local.healthcheck.survey.web.BodyFields;

import java.util.List;
import java.util.Set;

/**
 * The body of {@code PUT /api/v1/rounds/{roundId}/returns/{authorityCode}}:
 * {@code {"status":"draft"|"submitted","answers":{...},"explanations":{...}}}.
 */
record ReturnSubmission(String status, JsonNode answers, JsonNode explanations) {

    private static final Set<String> FIELDS = Set.of("status", "answers", "explanations");
    private static final Set<String> STATUSES = Set.of(ReturnRevision.DRAFT, ReturnRevision.SUBMITTED);

    static ReturnSubmission read(JsonNode body, List<Violation> violations) {
        if (!BodyFields.object(body, "the body must be a JSON object with status and answers", violations)) {
            return null;
        }
        BodyFields.unknownFields(body, FIELDS, violations);
        JsonNode status = body.get("status");
        if (status == null || !status.isTextual() || !STATUSES.contains(status.asText())) {
            violations.add(new Violation("status", status == null ? "required" : "option", "status must be draft or submitted"));
        }
        return new ReturnSubmission(status == null ? null : status.asText(), body.get("answers"), body.get("explanations"));
    }

    boolean isSubmitted() {
        return ReturnRevision.SUBMITTED.equals(status);
    }
}
