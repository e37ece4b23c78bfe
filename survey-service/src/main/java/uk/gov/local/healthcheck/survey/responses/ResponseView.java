package uk.gov.local.healthcheck.survey.responses;

import java.time.OffsetDateTime;
import java.util.Map;

public record ResponseView(String roundId, String responseId, String authorityCode, Map<String, Object> answers,
                           OffsetDateTime receivedAt) {
}
