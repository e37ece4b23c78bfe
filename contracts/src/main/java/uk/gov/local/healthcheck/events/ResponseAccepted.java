package uk.gov.local.healthcheck.events;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An anonymous practitioner response was accepted. Responses are never revised: each {@code responseId} (chosen by
 * the submitting system, opaque, never a person's identifier) is accepted once. Nothing in it identifies the respondent.
 */
public record ResponseAccepted(
        String roundId,
        String instrument,
        int instrumentVersion,
        String period,
        String authorityCode,
        String responseId,
        OffsetDateTime acceptedAt,
        Map<String, Object> answers) {

    public static final String TYPE = "uk.gov.local.healthcheck.response.accepted.v1";
}
