package uk.gov.local.healthcheck.survey.rounds;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A round as the API shows it, with how far its collection has got and whether it takes submissions now.
 *
 * @param kind                 {@code returns} (one return per authority) or {@code responses} (the practitioner survey)
 * @param acceptingSubmissions open, and today (London time) between {@code opensOn} and {@code closesOn} inclusive
 * @param closesAt             the instant submissions stop: the start of the day after {@code closesOn}, London time
 * @param daysLeft             {@code closesOn} minus today in days (0 on the last day); null when not accepting
 */
public record RoundView(String id, String instrument, int version, String title, String period, LocalDate opensOn,
                        LocalDate closesOn, String status, OffsetDateTime createdAt, RoundCounts counts, String kind,
                        boolean acceptingSubmissions, OffsetDateTime closesAt, Integer daysLeft) {

    public static final String RETURNS = "returns";
    public static final String RESPONSES = "responses";

    /**
     * @param submitted authorities whose current return is submitted
     * @param drafts    authorities whose current return is a draft
     * @param responses practitioner responses received
     */
    public record RoundCounts(long submitted, long drafts, long responses) {
        public static final RoundCounts NONE = new RoundCounts(0, 0, 0);
    }

    static RoundView of(Round r, RoundCounts counts, String kind, RoundCalendar calendar) {
        return new RoundView(r.id, r.instrument, r.instrumentVersion, r.title, r.period, r.opensOn, r.closesOn, r.status,
                r.createdAt, counts, kind, calendar.accepting(r), calendar.closesAt(r), calendar.daysLeft(r));
    }
}
