package uk.gov.local.healthcheck.events;

/** Kafka topic names. Each is created explicitly by the platform; brokers never auto-create topics. */
public final class Topics {
    /** Accepted returns and their withdrawals, from survey-service. Key: authority GSS code. */
    public static final String SUBMISSIONS = "survey.submissions.v1";
    /** An authority's indicators for one round, from metrics-service. Key: authority GSS code. */
    public static final String INDICATORS = "metrics.indicators.v1";

    private Topics() {
    }
}
