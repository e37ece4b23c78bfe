package uk.gov.local.healthcheck.api.problems;

/** A {@link FieldProblem} of a query or path parameter. */
public record FieldError(String field, String code, String message) implements FieldProblem {
}
