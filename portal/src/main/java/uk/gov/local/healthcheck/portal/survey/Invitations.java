package uk.gov.local.healthcheck.portal.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.portal.api.ApiClient;
import uk.gov.local.healthcheck.portal.api.ApiResult;
import uk.gov.local.healthcheck.portal.api.RelayToken;
import uk.gov.local.healthcheck.portal.forms.InstrumentDefinition;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The practitioner survey's calls to survey-service, made with the portal's relay token (role survey-relay): the
 * invitation code travels in the body, never in a URL that could reach a log. The questionnaire of a version never
 * changes once a round uses it, so it is read once.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class Invitations {

    private static final com.fasterxml.jackson.databind.node.JsonNodeFactory JSON = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;

    private final ApiClient api;
    private final RelayToken relay;
    private final Map<String, InstrumentDefinition> instruments = new ConcurrentHashMap<>();

    /** The invitation's round and authority; 404/410/409 as {@code ApiProblem}s for the pages. */
    public JsonNode resolve(String code) {
        ObjectNode body = JSON.objectNode();
        body.put("code", code);
        return api.send("POST", api.endpoints().survey() + "/api/v1/invitations/resolve", relay.value(), body, "this survey link")
                .orThrow("this survey link");
    }

    public InstrumentDefinition instrument(String id, int version) {
        return instruments.computeIfAbsent(id + "/" + version, k -> InstrumentDefinition.of(
                api.get(api.endpoints().survey() + "/api/v1/instruments/" + id + "/" + version, relay.value(), "the survey's questions")
                        .orThrow("the survey's questions")));
    }

    /** Sends the response; 201 new, 200 the same response again (counted once). */
    public ApiResult respond(String code, String responseId, JsonNode answers) {
        ObjectNode body = JSON.objectNode();
        body.put("code", code);
        body.put("responseId", responseId);
        body.set("answers", answers);
        return api.send("POST", api.endpoints().survey() + "/api/v1/invitations/responses", relay.value(), body, "your answers");
    }
}
