package uk.gov.local.healthcheck.metrics.intake;

import uk.gov.local.healthcheck.metrics.indicators.Answers;

import java.util.Map;

/** A validated event from {@code survey.submissions.v1}, reduced to what metrics-service acts on. */
public sealed interface SubmissionEvent {

    String eventId();

    String type();

    String roundId();

    String instrument();

    String period();

    String authorityCode();

    int revision();

    int instrumentVersion();

    /** A new revision of a return; its answers replace the previous revision's. */
    record Accepted(String eventId, String type, String roundId, String instrument, int instrumentVersion,
                    String period, String authorityCode, int revision, Answers answers) implements SubmissionEvent {
    }

    /** The return no longer counts in the round. */
    record Withdrawn(String eventId, String type, String roundId, String instrument, int instrumentVersion,
                     String period, String authorityCode, int revision) implements SubmissionEvent {
    }

    /**
     * One anonymous practitioner response: never revised, counted once per {@code responseId}. {@link #revision()}
     * is 0: the authority's revision is the number of responses counted.
     */
    record Response(String eventId, String type, String roundId, String instrument, int instrumentVersion,
                    String period, String authorityCode, String responseId, Map<String, Object> answers)
            implements SubmissionEvent {

        @Override
        public int revision() {
            return 0;
        }
    }
}
