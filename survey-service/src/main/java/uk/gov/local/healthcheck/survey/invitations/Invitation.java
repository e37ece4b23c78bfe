package uk.gov.local.healthcheck.survey.invitations;

import io.vertx.mutiny.sqlclient.Row;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One invitation as stored: never its code, only the code's SHA-256 (which is not needed past the look-up). */
record Invitation(UUID id, String roundId, String authorityCode, LocalDate expiresOn, int maxResponses, int responses,
                  OffsetDateTime revokedAt, OffsetDateTime createdAt) {

    static final String ACTIVE = "active";
    static final String REVOKED = "revoked";
    static final String EXPIRED = "expired";
    static final String FULL = "full";

    /** The columns {@link #of} reads, in its order. */
    static final String COLUMNS = "id, round_id, authority_code, expires_on, max_responses, responses, revoked_at, created_at";

    static Invitation of(Row row) {
        return new Invitation(row.getUUID(0), row.getString(1), row.getString(2), row.getLocalDate(3), row.getInteger(4),
                row.getInteger(5), row.getOffsetDateTime(6), row.getOffsetDateTime(7));
    }

    /** Revoked before anything else; then expired (after the end of expiresOn, London time); then full. */
    String status(LocalDate today) {
        if (revokedAt != null) {
            return REVOKED;
        }
        if (today.isAfter(expiresOn)) {
            return EXPIRED;
        }
        return responses >= maxResponses ? FULL : ACTIVE;
    }
}
