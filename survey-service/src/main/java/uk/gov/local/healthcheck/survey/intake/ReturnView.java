package uk.gov.local.healthcheck.survey.intake;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A return as the API shows it.
 *
 * @param missing required questions still unanswered (a draft's to-do list; empty once submitted)
 */
public record ReturnView(String roundId, String authorityCode, String authorityName, String status, int revision,
                         Map<String, Object> answers, Map<String, String> explanations, List<String> missing,
                         OffsetDateTime receivedAt) {
}
