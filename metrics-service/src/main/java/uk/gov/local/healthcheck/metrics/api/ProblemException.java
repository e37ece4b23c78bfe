package uk.gov.local.healthcheck.metrics.api;

/** Ends a request with the given problem; mapped to an {@code application/problem+json} response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String field, String code, String message) {
        return new ProblemException(new Problem(Problem.TYPE_PREFIX + "validation", "Invalid request", 400, message,
                java.util.List.of(new Problem.FieldError(field, code, message))));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of("forbidden", "Forbidden", 403, detail));
    }
}
