package uk.gov.local.healthcheck.metrics.indicators;

import java.util.Locale;

/**
 * A factor the summed denominator inputs are multiplied by which is not an answer: absence is measured against the
 * working days in the return's year, not against a head count alone.
 */
public enum DenominatorFactor {
    NONE,
    WORKING_DAYS_IN_YEAR;

    /** The factor of that spelling ({@code working_days_in_year}), as the dictionary writes it. */
    public static DenominatorFactor ofSpelling(String spelling) {
        return valueOf(spelling.toUpperCase(Locale.ROOT));
    }
}
