package uk.gov.local.healthcheck.metrics.indicators;

/** Which direction is favourable, so that benchmarking can say "better" or "worse" rather than "higher" or "lower". */
public enum Polarity {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER,
    NEUTRAL
}
