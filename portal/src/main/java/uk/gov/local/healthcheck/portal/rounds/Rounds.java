package uk.gov.local.healthcheck.portal.rounds;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.portal.api.PersonApi;
import uk.gov.local.healthcheck.portal.forms.InstrumentDefinition;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** survey-service's rounds, instruments and tracker, read with the signed-in person's token. */
@RequestScoped
@RequiredArgsConstructor
public class Rounds {

    private final PersonApi api;

    public List<RoundLine> all() {
        List<RoundLine> rounds = new ArrayList<>();
        api.read(survey("/api/v1/rounds"), "the list of rounds")
                .forEach(r -> rounds.add(RoundLine.of(r)));
        return rounds;
    }

    public JsonNode round(String roundId) {
        return api.read(survey("/api/v1/rounds/" + encode(roundId)), "round " + roundId);
    }

    public InstrumentDefinition instrument(String id, int version) {
        String what = "the questionnaire " + id + " version " + version;
        return InstrumentDefinition.of(api.read(survey("/api/v1/instruments/" + encode(id) + "/" + version), what));
    }

    /** The round's tracker, as the person's token allows (LGA all, RIA its region, a council itself). */
    public JsonNode tracker(String roundId, boolean notSubmittedOnly) {
        String what = "the tracker of round " + roundId;
        return api.read(survey("/api/v1/rounds/" + encode(roundId) + "/tracker" + (notSubmittedOnly ? "?status=not-submitted" : "")),
                what);
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
        return api.csv(survey("/api/v1/rounds/" + encode(roundId) + "/tracker"), what);
    }

    String survey(String path) {
        return api.endpoints().survey() + path;
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
