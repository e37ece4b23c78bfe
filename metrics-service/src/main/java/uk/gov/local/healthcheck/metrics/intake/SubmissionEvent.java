package uk.gov.local.healthcheck.metrics.intake;

import uk.gov.local.healthcheck.metrics.indicators.Answers;

/** A validated event from {@code survey.submissions.v1}, reduced to what metrics-service acts on. */
public sealed interface SubmissionEvent {

    String eventId();

    String type();

    String roundId();

    String instrument();

    String period();

    String authorityCode();

    int revision();

    /** A new revision of a return; its answers replace the previous revision's. */
    record Accepted(String eventId, String type, String roundId, String instrument, String period,
                    String authorityCode, int revision, Answers answers) implements SubmissionEvent {
    }

    /** The return no longer counts in the round. */
    record Withdrawn(String eventId, String type, String roundId, String instrument, String period,
                     String authorityCode, int revision) implements SubmissionEvent {
    }
}
