package uk.gov.local.healthcheck.portal.api;

import com.fasterxml.jackson.databind.JsonNode;

/** An API's answer: its status, its JSON body (null when it has none) and the raw bytes (for CSV downloads). */
public record ApiResult(int status, JsonNode json, byte[] raw, String contentType) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The body of a 2xx answer, or the API's refusal as an {@link ApiProblem} about {@code what}. */
    public JsonNode orThrow(String what) {
        if (!ok()) {
            throw ApiProblem.of(status, json, what);
        }
        return json;
    }
}
