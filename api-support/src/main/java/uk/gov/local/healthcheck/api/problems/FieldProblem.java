package uk.gov.local.healthcheck.api.problems;

/**
 * One offending field of a request, as a problem's {@code errors} lists it: {@code {"field", "code", "message"}}.
 * survey-service's validation {@code Violation} is one; {@link FieldError} is the plain one.
 */
public interface FieldProblem {

    /** The field, query or path parameter, e.g. {@code s2.unfilled_fte} or {@code round}. */
    String field();

    /** A stable, machine-readable reason (docs/errors.md, field error codes). */
    String code();

    String message();
}
