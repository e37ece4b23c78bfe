package uk.gov.local.healthcheck.survey.responses;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.util.List;

/**
 * What happened to one line of a batch.
 *
 * @param line   1-based line number in the request body
 * @param status {@code accepted}, {@code duplicate} (already stored with the same answers: nothing new) or {@code rejected}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LineResult(int line, String responseId, String status, List<Violation> errors) {

    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";

    static LineResult rejected(int line, String responseId, List<Violation> errors) {
        return new LineResult(line, responseId, REJECTED, List.copyOf(errors));
    }
}
