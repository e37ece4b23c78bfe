package uk.gov.local.healthcheck.benchmark.api;

import java.util.List;

/** Thrown to answer a request with a problem. */
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

    public static ProblemException badRequest(String detail, List<Violation> errors) {
        return new ProblemException(400, "bad-request", "The request is not valid", detail, errors);
    }

    public static ProblemException unknownGroup(String detail) {
        return new ProblemException(400, "unknown-group", "Unknown benchmark group", detail,
                List.of(new Violation("group", "unknown", detail)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Not within your token's scope", detail, List.of());
    }

    public static ProblemException notFound(String slug, String title, String detail) {
        return new ProblemException(404, slug, title, detail, List.of());
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, errors);
    }

    public int status() {
        return status;
    }
}
