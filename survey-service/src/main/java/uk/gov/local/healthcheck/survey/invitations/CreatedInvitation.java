package uk.gov.local.healthcheck.survey.invitations;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The answer to creating an invitation: the only place its code and link ever appear (only the code's SHA-256 is
 * stored). Whoever creates it passes the link on to the practitioners.
 */
public record CreatedInvitation(UUID id, String code, String url, String roundId, String authorityCode, String authorityName,
                                LocalDate expiresOn, int maxResponses, int responses, String status, OffsetDateTime createdAt) {
}
