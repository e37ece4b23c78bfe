package uk.gov.local.healthcheck.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An API's answer written out in a test, read as the portal reads it. */
public final class ApiJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiJson() {
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
