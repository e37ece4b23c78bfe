package uk.gov.local.healthcheck.survey.problems;

import uk.gov.local.healthcheck.survey.validation.Violation;

import java.util.List;

/** Thrown to answer a request with a problem; nothing has been changed when it is thrown. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Violation> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Violation> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public static ProblemException invalid(String detail, List<Violation> errors) {
        return new ProblemException(422, "validation", "The request has invalid fields", detail, errors);
    }

    public static ProblemException badRequest(String detail, List<Violation> errors) {
        return new ProblemException(400, "bad-request", "The request could not be read", detail, errors);
    }

    public static ProblemException notFound(String slug, String title, String detail) {
        return new ProblemException(404, slug, title, detail);
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Not allowed", detail);
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, errors);
    }

    public int status() {
        return status;
    }
}
