package uk.gov.local.healthcheck.survey.rounds;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A round as the API shows it, with how far its collection has got. */
public record RoundView(String id, String instrument, int version, String title, String period, LocalDate opensOn,
                        LocalDate closesOn, String status, OffsetDateTime createdAt, RoundCounts counts) {

    /**
     * @param submitted authorities whose current return is submitted
     * @param drafts    authorities whose current return is a draft
     * @param responses practitioner responses received
     */
    public record RoundCounts(long submitted, long drafts, long responses) {
        public static final RoundCounts NONE = new RoundCounts(0, 0, 0);
    }

    static RoundView of(Round r, RoundCounts counts) {
        return new RoundView(r.id, r.instrument, r.instrumentVersion, r.title, r.period, r.opensOn, r.closesOn, r.status,
                r.createdAt, counts);
    }
}
