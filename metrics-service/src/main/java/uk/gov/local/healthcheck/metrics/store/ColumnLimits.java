package uk.gov.local.healthcheck.metrics.store;

/**
 * Widths of the text columns (V1__indicator_state.sql). Input is checked against them before it reaches the database,
 * so an over-long value is rejected as invalid rather than failing a transaction on every retry.
 */
public final class ColumnLimits {

    public static final int ROUND_ID = 100;
    public static final int AUTHORITY_CODE = 20;
    public static final int INSTRUMENT = 100;
    public static final int PERIOD = 20;
    public static final int EVENT_ID = 200;

    private ColumnLimits() {
    }
}
