package uk.gov.local.healthcheck.portal.pdf;

import uk.gov.local.healthcheck.portal.rounds.RoundLine;

import java.time.ZonedDateTime;

/**
 * When a page's figures were read: the APIs answer with the state of the round now, so every results page and PDF
 * says "as at" this moment (London time), and names its source.
 */
public final class AsAt {

    private AsAt() {
    }

    public static String now() {
        return ZonedDateTime.now(RoundLine.LONDON).format(RoundLine.MOMENT).replace("AM", "am").replace("PM", "pm");
    }

    /** A PDF page's footer: the source of the figures and when they were read. */
    public static String footer(String source, String asAt) {
        return "Source: LGA Social Work Health Check (" + source + "). As at " + asAt + ".";
    }
}
