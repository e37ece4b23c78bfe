package uk.gov.local.healthcheck.survey.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.util.List;

/**
 * An RFC 9457 problem details body. {@code type} is a stable URI per kind of problem, documented in docs/errors.md;
 * {@code errors} names each offending field for validation problems.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://healthcheck.local.gov.uk/problems/";

    public static String type(String slug) {
        return TYPE_BASE + slug;
    }
}
