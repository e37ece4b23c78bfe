package uk.gov.local.healthcheck.portal.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import uk.gov.local.healthcheck.portal.api.ApiClient;
import uk.gov.local.healthcheck.portal.api.PersonToken;
import uk.gov.local.healthcheck.portal.forms.InstrumentDefinition;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** survey-service's rounds, instruments and tracker, read with the signed-in person's token. */
@RequestScoped
public class Rounds {

    private final ApiClient api;
    private final PersonToken token;

    public Rounds(ApiClient api, PersonToken token) {
        this.api = api;
        this.token = token;
    }

    public List<RoundLine> all() {
        List<RoundLine> rounds = new ArrayList<>();
        api.get(survey("/api/v1/rounds"), token.value(), "the list of rounds").orThrow("the list of rounds")
                .forEach(r -> rounds.add(RoundLine.of(r)));
        return rounds;
    }

    public JsonNode round(String roundId) {
        return api.get(survey("/api/v1/rounds/" + encode(roundId)), token.value(), "round " + roundId).orThrow("round " + roundId);
    }

    public InstrumentDefinition instrument(String id, int version) {
        String what = "the questionnaire " + id + " version " + version;
        return InstrumentDefinition.of(api.get(survey("/api/v1/instruments/" + encode(id) + "/" + version), token.value(), what)
                .orThrow(what));
    }

    /** The round's tracker, as the person's token allows (LGA all, RIA its region, a council itself). */
    public JsonNode tracker(String roundId, boolean notSubmittedOnly) {
        String what = "the tracker of round " + roundId;
        return api.get(survey("/api/v1/rounds/" + encode(roundId) + "/tracker" + (notSubmittedOnly ? "?status=not-submitted" : "")),
                token.value(), what).orThrow(what);
    }

    /** An authority's name as the register has it, read from the round's tracker (the code when the token may not see it). */
    public String authorityName(String roundId, String code) {
        JsonNode tracker;
        try {
            tracker = tracker(roundId, false);
        } catch (uk.gov.local.healthcheck.portal.api.ApiProblem e) {
            return code; // a name is a courtesy: the page it heads must not fail for want of it
        }
        for (JsonNode row : tracker.path("authorities")) {
            if (code.equals(row.path("authorityCode").asText())) {
                return row.path("authorityName").asText(code);
            }
        }
        return code;
    }

    public byte[] trackerCsv(String roundId) {
        String what = "the tracker of round " + roundId;
        var result = api.get(survey("/api/v1/rounds/" + encode(roundId) + "/tracker"), token.value(), "text/csv", what);
        result.orThrow(what);
        return result.raw();
    }

    String survey(String path) {
        return api.endpoints().survey() + path;
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
