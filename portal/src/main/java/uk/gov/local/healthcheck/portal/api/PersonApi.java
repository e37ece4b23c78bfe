package uk.gov.local.healthcheck.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.util.List;

/**
 * The platform's APIs as the signed-in person: every call carries their own access token ({@link PersonToken}), so
 * each API alone decides what they may read or change.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class PersonApi {

    private final ApiClient api;
    private final PersonToken token;

    public ApiEndpoints endpoints() {
        return api.endpoints();
    }

    /** A JSON answer; the API's refusal as an {@link ApiProblem} about {@code what}. */
    public JsonNode read(String url, String what) {
        return get(url, what).orThrow(what);
    }

    /** The answer as it came, for a page that handles a refusal itself. */
    public ApiResult get(String url, String what) {
        return api.get(url, token.value(), what);
    }

    /** Several JSON answers at once, in the order asked, each as it came. */
    public List<ApiResult> getAll(List<String> urls, String what) {
        return api.getAll(urls, token.value(), what);
    }

    /** A CSV the API writes, passed on as it is; the API's refusal as an {@link ApiProblem} about {@code what}. */
    public byte[] csv(String url, String what) {
        ApiResult result = api.get(url, token.value(), "text/csv", what);
        result.orThrow(what);
        return result.raw();
    }

    /** A change: a JSON body (or none when {@code body} is null) sent with {@code method}; the answer as it came. */
    public ApiResult send(String method, String url, Object body, String what) {
        return api.send(method, url, token.value(), body, what);
    }
}
