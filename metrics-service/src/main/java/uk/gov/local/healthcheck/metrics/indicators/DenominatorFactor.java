package uk.gov.local.healthcheck.metrics.indicators;

/**
 * A factor the summed denominator inputs are multiplied by which is not an answer: absence is measured against the
 * working days in the return's year, not against a head count alone.
 */
public enum DenominatorFactor {
    NONE,
    WORKING_DAYS_IN_YEAR
}
