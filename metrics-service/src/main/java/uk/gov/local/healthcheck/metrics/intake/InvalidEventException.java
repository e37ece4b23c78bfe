package uk.gov.local.healthcheck.metrics.intake;

/** A record that can never be processed (unreadable JSON, missing fields, bad answers): it is logged and skipped. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
