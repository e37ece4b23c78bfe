package uk.gov.local.healthcheck.survey.validation;

import uk.gov.local.healthcheck.api.problems.FieldProblem;

/**
 * One thing wrong with a request, named by the field it concerns (a question id, or a body field such as
 * {@code status}), so a council's system can point its user at it.
 *
 * @param code a stable machine-readable reason: required, type, range, option, unknown, when, rule, specify, exclusive...
 */
public record Violation(String field, String code, String message) implements FieldProblem {
}
