package uk.gov.local.healthcheck.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import lombok.Getter;

import java.util.ArrayList;
import java.util.List;

/**
 * An API's refusal (its RFC 9457 problem+json), carried to the page that turns it into words a person understands
 * ({@code web.ProblemPages}), or caught by a form page that shows the errors beside its fields.
 *
 * @param what what the person was trying to see or do, in their words ("Warwickshire's return to workforce-2026")
 */
@Getter
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;
    private final String what;

    public ApiProblem(int status, String type, String title, String detail, List<FieldError> errors, String what) {
        super(status + " " + title + ": " + detail);
        this.status = status;
        this.type = type == null ? "" : type;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.what = what;
    }

    /** The API could not be reached or did not answer in time. */
    public static ApiProblem unavailable(String what, String reason) {
        return new ApiProblem(503, "unavailable", "Service unavailable", reason, List.of(), what);
    }

    /** Reads a problem+json body; a body that is not one still gives a problem with the status. */
    public static ApiProblem of(int status, JsonNode body, String what) {
        List<FieldError> errors = new ArrayList<>();
        if (body != null && body.path("errors").isArray()) {
            for (JsonNode e : body.get("errors")) {
                errors.add(new FieldError(e.path("field").asText(""), e.path("code").asText(""), e.path("message").asText("")));
            }
        }
        String type = body == null ? "" : body.path("type").asText("");
        String title = body == null || body.path("title").asText("").isEmpty() ? "HTTP " + status : body.path("title").asText();
        String detail = body == null ? "" : body.path("detail").asText("");
        return new ApiProblem(status, type, title, detail, errors, what);
    }

    /** The last segment of the problem type, e.g. {@code round-closed}. */
    public String kind() {
        int slash = type.lastIndexOf('/');
        return slash < 0 ? type : type.substring(slash + 1);
    }
}
