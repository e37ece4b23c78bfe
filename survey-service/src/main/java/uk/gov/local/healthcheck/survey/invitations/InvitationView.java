package uk.gov.local.healthcheck.survey.invitations;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An invitation as listed: never its code nor its link, which only its creator ever sees.
 *
 * @param responses how many responses came through it
 * @param status    {@code active}, {@code revoked}, {@code expired} (after the end of expiresOn, London time) or
 *                  {@code full} (responses reached maxResponses)
 */
public record InvitationView(UUID id, String roundId, String authorityCode, String authorityName, LocalDate expiresOn,
                             int maxResponses, int responses, String status, OffsetDateTime createdAt,
                             OffsetDateTime revokedAt) {

    static InvitationView of(Invitation i, String authorityName, LocalDate today) {
        return new InvitationView(i.id(), i.roundId(), i.authorityCode(), authorityName, i.expiresOn(), i.maxResponses(),
                i.responses(), i.status(today), i.createdAt(), i.revokedAt());
    }
}
