package uk.gov.local.healthcheck.metrics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, as every service of the platform returns it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are URIs naming the kind of problem (docs/errors.md); clients branch on them, not on the title. */
    public static final String TYPE_PREFIX = "https://healthcheck.local.gov.uk/problems/";

    public static Problem of(String type, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + type, title, status, detail, null);
    }

    /** One invalid input of a request. */
    public record FieldError(String field, String code, String message) {
    }
}
