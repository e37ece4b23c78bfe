package uk.gov.local.healthcheck.survey.rounds;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A round's dates as councils read them: the round takes submissions from the start of {@code opensOn} to the end of
 * {@code closesOn}, both in the round's zone ({@code survey.rounds.zone}, Europe/London), and only while its status
 * is open. "Today" comes from the service's {@link Clock}, so every check agrees with the timestamps it writes.
 */
@ApplicationScoped
public class RoundCalendar {

    private final Clock clock;
    private final ZoneId zone;

    public RoundCalendar(Clock clock, @ConfigProperty(name = "survey.rounds.zone") ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Today's date where the rounds' dates are meant (a UTC date is a day behind London for an hour in summer). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Open, and today is between its opening and closing dates (both included). */
    public boolean accepting(Round round) {
        LocalDate today = today();
        return round.isOpen() && !today.isBefore(round.opensOn) && !today.isAfter(round.closesOn);
    }

    /** The instant the round stops taking submissions: the start of the day after {@code closesOn}, in the zone. */
    public OffsetDateTime closesAt(Round round) {
        return round.closesOn.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }

    /** Whole days from today to {@code closesOn}: 0 on the last day; null when the round is not taking submissions. */
    public Integer daysLeft(Round round) {
        return accepting(round) ? (int) ChronoUnit.DAYS.between(today(), round.closesOn) : null;
    }

    /**
     * A 409 naming why the round takes nothing today: closed by the LGA, not yet open, or past its closing date.
     * Callers check again inside the transaction that stores anything (see the writers).
     */
    public void requireAccepting(Round round) {
        if (!round.isOpen()) {
            throw ProblemException.conflict(ProblemTypes.ROUND_CLOSED, "Round closed", "Round " + round.id
                    + " is closed (its closing date is " + round.closesOn + "); the LGA can reopen or extend it for a late submission");
        }
        LocalDate today = today();
        if (today.isBefore(round.opensOn)) {
            throw ProblemException.conflict(ProblemTypes.ROUND_NOT_YET_OPEN, "Round not yet open", "Round " + round.id + " opens on "
                    + round.opensOn + " (" + londonName() + " time) and takes submissions until the end of " + round.closesOn);
        }
        if (today.isAfter(round.closesOn)) {
            throw ProblemException.conflict(ProblemTypes.ROUND_CLOSED, "Round closed", "Round " + round.id + " closed at the end of "
                    + round.closesOn + " (" + londonName() + " time); the LGA can extend it");
        }
    }

    /** "London" for Europe/London, as people say it; the zone id otherwise. */
    private String londonName() {
        String id = zone.getId();
        return id.contains("/") ? id.substring(id.lastIndexOf('/') + 1).replace('_', ' ') : id;
    }
}
