package uk.gov.local.healthcheck.benchmark.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A round as the events describe it. {@code version} moves with every applied event, so a snapshot of the round
 * is current exactly when its version equals this one.
 */
public record RoundInfo(String roundId, String instrument, Integer instrumentVersion, String period, long version) {

    private static final Pattern YEAR = Pattern.compile("^(\\d{4})");

    /** The calendar year of the period ("2024", "2024-Q1"): which authorities existed, for neighbour groups. */
    public int year() {
        Matcher m = period == null ? null : YEAR.matcher(period);
        return m != null && m.find() ? Integer.parseInt(m.group(1)) : java.time.Year.now().getValue();
    }
}
