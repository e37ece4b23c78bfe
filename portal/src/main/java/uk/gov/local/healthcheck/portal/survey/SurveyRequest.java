package uk.gov.local.healthcheck.portal.survey;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;

/**
 * What every page of the practitioner survey is asked with: the link's code, the browser's request (its address for
 * the rate limit, whether it came over TLS for the cookie) and the cookie holding the answers so far, if any.
 */
public record SurveyRequest(@PathParam("code") String code, @Context HttpServerRequest http,
                            @CookieParam(SurveyCookie.NAME) String answersCookie) {

    /** The address the request came from, counted by the rate limit; null when the server cannot tell. */
    String address() {
        return http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }

    boolean ssl() {
        return http.isSSL();
    }
}
