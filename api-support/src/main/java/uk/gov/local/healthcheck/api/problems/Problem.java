package uk.gov.local.healthcheck.api.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import java.util.List;

/**
 * An RFC 9457 problem details body, as every service answers a refusal. {@code type} is a stable URI per kind of
 * problem ({@link ProblemTypes}); {@code instance} is the request path (metrics-service leaves it out but on a 401);
 * {@code errors} names each offending field. Empty members are left out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(String type, String title, int status, String detail, String instance,
                      @Schema(type = SchemaType.ARRAY, implementation = FieldError.class) List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String instance) {
        this(type, title, status, detail, instance, null);
    }

    /** The {@code type} URI of a slug (see {@link ProblemTypes}). */
    public static String type(String slug) {
        return ProblemTypes.uri(slug);
    }

    /** A problem of the given kind; {@code instance} may be null. */
    public static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem(type(slug), title, status, detail, instance);
    }
}
