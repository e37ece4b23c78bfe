package uk.gov.local.healthcheck.metrics.support;

import io.restassured.response.Response;

import static io.restassured.RestAssured.given;

/** metrics-service's two reads of an authority's indicators, as the tests' caller (a token or @TestSecurity) asks. */
public final class IndicatorsApi {

    public static final String PATH = "/api/v1/authorities/{code}/indicators";

    private IndicatorsApi() {
    }

    /** An authority's indicators in one round. */
    public static Response indicators(String code, String round) {
        return given().queryParam("round", round).get(PATH, code);
    }

    /** One indicator of an authority over the rounds of its instrument. */
    public static Response series(String code, String indicatorId) {
        return given().get(PATH + "/{id}/series", code, indicatorId);
    }
}
