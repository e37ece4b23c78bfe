package uk.gov.local.healthcheck.events;

/** Kafka topic names. Each is created explicitly by the platform; brokers never auto-create topics. */
public final class Topics {
    /** Accepted returns and their withdrawals, from survey-service. Key: authority GSS code. */
    public static final String SUBMISSIONS = "survey.submissions.v1";
    /** An authority's indicators for one round, from metrics-service. Key: authority GSS code. */
    public static final String INDICATORS = "metrics.indicators.v1";
    /** Records of {@link #SUBMISSIONS} that metrics-service could never apply, each as a {@link DeadLetter}. */
    public static final String SUBMISSIONS_DEAD_LETTERS = deadLettersOf(SUBMISSIONS);
    /** Records of {@link #INDICATORS} that benchmark-service could never apply, each as a {@link DeadLetter}. */
    public static final String INDICATORS_DEAD_LETTERS = deadLettersOf(INDICATORS);

    /** The dead-letter topic of a topic: {@code <topic>.dlq}. */
    public static String deadLettersOf(String topic) {
        return topic + ".dlq";
    }

    private Topics() {
    }
}
