package uk.gov.local.healthcheck.survey.testing;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Every endpoint of survey-service's API, reads and writes, each with a plausible request, for the tests that send
 * the same refusal through all of them (a bad token, PostgreSQL away): an endpoint added here is covered by each.
 */
public final class SurveyEndpoints {

    /** The round {@code POST /rounds} asks for: it must never be made by a refused request. */
    public static final String NEW_ROUND = "endpoints-new";
    /** The response the two response endpoints carry (a social worker in children's services). */
    public static final String RESPONSE_ID = "endpoints-1";

    private SurveyEndpoints() {
    }

    /**
     * By name ("POST response"), in a fixed order: the returns and the tracker on a workforce-return round, the
     * responses and invitations on a practitioner-survey round.
     */
    public static Map<String, Function<RequestSpecification, Response>> of(String workforceRound, String practitionerRound) {
        String rounds = "/api/v1/rounds/";
        byte[] response = ("{\"responseId\":\"" + RESPONSE_ID + "\",\"authorityCode\":\"" + Authorities.WARWICKSHIRE
                + "\",\"answers\":{\"profile.role\":\"social_worker\",\"profile.service\":\"children\"}}")
                .getBytes(StandardCharsets.UTF_8);
        String returnPath = rounds + workforceRound + "/returns/" + Authorities.WARWICKSHIRE;
        Map<String, Function<RequestSpecification, Response>> e = new LinkedHashMap<>();
        e.put("POST rounds", r -> r.contentType("application/json").body("{\"id\":\"" + NEW_ROUND + "\",\"instrument\":\"workforce-return\","
                + "\"period\":\"2024\",\"opensOn\":\"" + Dates.OPENS + "\",\"closesOn\":\"" + Dates.CLOSES + "\"}").post("/api/v1/rounds"));
        e.put("POST close", r -> r.post(rounds + workforceRound + "/close"));
        e.put("POST reopen", r -> r.post(rounds + workforceRound + "/reopen"));
        e.put("POST extend", r -> r.contentType("application/json").body("{\"closesOn\":\"" + Dates.CLOSES + "\"}")
                .post(rounds + workforceRound + "/extend"));
        e.put("GET rounds", r -> r.get("/api/v1/rounds"));
        e.put("GET round", r -> r.get(rounds + workforceRound));
        e.put("PUT return", r -> r.contentType("application/json").body("{\"status\":\"draft\",\"answers\":{\"staff.headcount\":1}}")
                .put(returnPath));
        e.put("DELETE return", r -> r.delete(returnPath));
        e.put("GET return", r -> r.get(returnPath));
        e.put("GET revisions", r -> r.get(returnPath + "/revisions"));
        e.put("GET tracker", r -> r.get(rounds + workforceRound + "/tracker"));
        e.put("POST response", r -> r.contentType("application/json").body(response).post(rounds + practitionerRound + "/responses"));
        e.put("POST batch", r -> r.contentType("application/x-ndjson").body(response)
                .post(rounds + practitionerRound + "/responses/batch"));
        e.put("POST invitation", r -> r.contentType("application/json")
                .body("{\"authorityCode\":\"" + Authorities.WARWICKSHIRE + "\",\"expiresOn\":\"" + Dates.CLOSES + "\",\"maxResponses\":5}")
                .post(rounds + practitionerRound + "/invitations"));
        e.put("GET invitations", r -> r.get(rounds + practitionerRound + "/invitations"));
        e.put("DELETE invitation", r -> r.delete(rounds + practitionerRound + "/invitations/00000000-0000-0000-0000-000000000000"));
        e.put("POST resolve", r -> r.contentType("application/json").body("{\"code\":\"x\"}").post("/api/v1/invitations/resolve"));
        e.put("POST invited response", r -> r.contentType("application/json")
                .body("{\"code\":\"x\",\"responseId\":\"endpoints-2\",\"answers\":{}}").post("/api/v1/invitations/responses"));
        e.put("GET instruments", r -> r.get("/api/v1/instruments"));
        e.put("GET instrument", r -> r.get("/api/v1/instruments/workforce-return/1"));
        e.put("GET audit", r -> r.get("/api/v1/audit"));
        return e;
    }
}
