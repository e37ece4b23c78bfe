package uk.gov.local.healthcheck.events;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A council's return was accepted (status submitted) as a new revision. It replaces every earlier revision of the
 * same return: consumers keep only the highest revision per (round, authority).
 *
 * @param answers normalised answers keyed by question id: a number for integer/decimal questions, an object of
 *                band to number for counts questions, or {@code {"missing":"x"}} for a question the council declared
 *                it cannot answer (statistical symbols x, c, u, z). A question absent from the map is unanswered.
 */
public record ReturnAccepted(
        String roundId,
        String instrument,
        int instrumentVersion,
        String period,
        String authorityCode,
        int revision,
        OffsetDateTime acceptedAt,
        Map<String, Object> answers) {

    public static final String TYPE = "uk.gov.local.healthcheck.return.accepted.v1";
}
