package uk.gov.local.healthcheck.api.problems;

import java.util.List;

/**
 * Thrown to answer a request with a problem; nothing has been changed when it is thrown. Each service's
 * {@code ProblemMappers} turns it into {@code application/problem+json} (with the request path as {@code instance}
 * where the service sends one). Titles are each service's own wording, so the factories that differ take one.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final transient List<FieldProblem> errors;

    public ProblemException(int status, String slug, String title, String detail, List<? extends FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    /** 422: fields of the body are invalid, each in {@code errors}. */
    public static ProblemException invalid(String detail, List<? extends FieldProblem> errors) {
        return new ProblemException(422, ProblemTypes.VALIDATION, "The request has invalid fields", detail, errors);
    }

    /** 400: the body (or the query) could not be read. */
    public static ProblemException badRequest(String detail, List<? extends FieldProblem> errors) {
        return new ProblemException(400, ProblemTypes.BAD_REQUEST, "The request could not be read", detail, errors);
    }

    /** 400: one query or path parameter is invalid; {@code message} is both the detail and the field's message. */
    public static ProblemException invalidParameter(String field, String code, String message) {
        return new ProblemException(400, ProblemTypes.VALIDATION, "Invalid request", message,
                List.of(new FieldError(field, code, message)));
    }

    /** 403: the token may not do this; {@code detail} says why. */
    public static ProblemException forbidden(String title, String detail) {
        return new ProblemException(403, ProblemTypes.FORBIDDEN, title, detail);
    }

    public static ProblemException notFound(String slug, String title, String detail) {
        return new ProblemException(404, slug, title, detail);
    }

    /** 404 {@code not-found}: an unknown authority, indicator or path. */
    public static ProblemException notFound(String detail) {
        return notFound(ProblemTypes.NOT_FOUND, "Not found", detail);
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail);
    }

    /** The body, with {@code instance} the request path, or null to leave it out. */
    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, errors);
    }

    public int status() {
        return status;
    }
}
