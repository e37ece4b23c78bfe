package uk.gov.local.healthcheck.survey.rounds;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.api.problems.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The date rule against a fixed clock: a round's dates are London's, not UTC's, on both sides of a clock change. */
class RoundCalendarTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static RoundCalendar at(String instant) {
        return new RoundCalendar(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), LONDON);
    }

    static Round round(String opensOn, String closesOn, String status) {
        Round r = new Round();
        r.id = "workforce-2024";
        r.opensOn = LocalDate.parse(opensOn);
        r.closesOn = LocalDate.parse(closesOn);
        r.status = status;
        return r;
    }

    @Test
    void inSummerTimeTheLastDayEndsAt2300Utc() {
        Round round = round("2024-10-01", "2025-03-31", Round.OPEN);   // British Summer Time began on 30 March 2025
        assertEquals(Instant.parse("2025-03-31T23:00:00Z"), at("2025-03-01T00:00:00Z").closesAt(round).toInstant());
        RoundCalendar lastMinute = at("2025-03-31T22:59:59Z");
        assertTrue(lastMinute.accepting(round));
        assertEquals(0, lastMinute.daysLeft(round));
        RoundCalendar justAfter = at("2025-03-31T23:00:00Z");        // still the 31st in UTC, the 1st in London
        assertFalse(justAfter.accepting(round));
        assertNull(justAfter.daysLeft(round));
        ProblemException refused = assertThrows(ProblemException.class, () -> justAfter.requireAccepting(round));
        assertEquals(409, refused.status());
        assertEquals("https://healthcheck.local.gov.uk/problems/round-closed", refused.toProblem(null).type());
        assertEquals("Round workforce-2024 closed at the end of 2025-03-31 (London time); the LGA can extend it", refused.getMessage());
    }

    @Test
    void inWinterLondonIsUtcAndARoundOpensAtMidnight() {
        Round round = round("2027-01-05", "2027-02-28", Round.OPEN);
        RoundCalendar before = at("2027-01-04T23:59:59Z");
        assertFalse(before.accepting(round));
        ProblemException early = assertThrows(ProblemException.class, () -> before.requireAccepting(round));
        assertEquals("https://healthcheck.local.gov.uk/problems/round-not-yet-open", early.toProblem(null).type());
        assertTrue(early.getMessage().startsWith("Round workforce-2024 opens on 2027-01-05"), early.getMessage());
        RoundCalendar opening = at("2027-01-05T00:00:00Z");
        assertTrue(opening.accepting(round));
        assertEquals(54, opening.daysLeft(round));
        assertEquals(Instant.parse("2027-03-01T00:00:00Z"), opening.closesAt(round).toInstant());
    }

    @Test
    void aClosedRoundTakesNothingWithinItsDates() {
        Round round = round("2025-01-01", "2025-12-31", Round.CLOSED);
        RoundCalendar calendar = at("2025-06-01T12:00:00Z");
        assertFalse(calendar.accepting(round));
        assertNull(calendar.daysLeft(round));
        ProblemException refused = assertThrows(ProblemException.class, () -> calendar.requireAccepting(round));
        assertTrue(refused.getMessage().contains("is closed"), refused.getMessage());
    }
}
