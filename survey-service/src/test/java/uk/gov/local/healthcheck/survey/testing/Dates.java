package uk.gov.local.healthcheck.survey.testing;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Dates for test rounds relative to today, London time: a round only takes submissions between its opensOn and
 * closesOn, so fixed dates (2024-10-01 to 2025-03-31) would make every test round closed once they had passed.
 */
public final class Dates {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A round that takes submissions today opened two months ago... */
    public static final String OPENS = today().minusMonths(2).toString();
    /** ...and closes in four months. */
    public static final String CLOSES = today().plusMonths(4).toString();

    private Dates() {
    }

    public static LocalDate today() {
        return LocalDate.now(LONDON);
    }
}
