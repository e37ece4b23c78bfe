package uk.gov.local.healthcheck.metrics.indicators;

/** How an indicator's value reads: a percentage (scale 100) or a plain number such as a caseload (scale 1). */
public enum Unit {
    PERCENT,
    NUMBER
}
