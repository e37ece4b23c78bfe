package uk.gov.local.healthcheck.metrics.indicators;

/** An answer that is neither a number nor a declared-missing marker: the event breaks its contract. */
public class InvalidAnswerException extends RuntimeException {

    public InvalidAnswerException(String questionId, Object value) {
        super("Answer to " + questionId + " is neither a number in range nor {\"missing\": x|c|u|z}: "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }
}
