package uk.gov.local.healthcheck.deadletters;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem, in the shape every service of the platform answers ({@code type}, title, status, detail). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterProblem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "https://healthcheck.local.gov.uk/problems/";

    public static Response response(String type, String title, int status, String detail) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new DeadLetterProblem(TYPE_PREFIX + type, title, status, detail)).build();
    }
}
