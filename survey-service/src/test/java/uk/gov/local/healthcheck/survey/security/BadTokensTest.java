package uk.gov.local.healthcheck.survey.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.survey.testing.RoundRows;
import uk.gov.local.healthcheck.survey.testing.Rows;
import uk.gov.local.healthcheck.survey.testing.SurveyEndpoints;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bad token on every endpoint and method is a 401 problem+json with a Bearer challenge, never a 500 (issue
 * 10: writes with an invalid token failed in the audit filter), decided before the endpoint runs: nothing is stored.
 * The attempt is still audited, without a subject. Tokens are crafted here, not @TestSecurity, so the real token
 * check runs: expired, garbage, unsigned (alg none), HS256 signed with the public key, another key, another issuer,
 * another audience.
 */
@QuarkusTest
@WithKafkaAndPostgres
class BadTokensTest {

    static final List<String> LGA = List.of("lga-admin");
    static final String ROUND = "tokens-workforce";
    static final String PRACTICE = "tokens-practice";

    @ConfigProperty(name = "quarkus.oidc.public-key")
    String publicKey;

    Map<String, String> badTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", TestTokens.expired("lga1", LGA));
        tokens.put("garbage", "not-a-token");
        tokens.put("three garbage parts", "abc.def.ghi");
        tokens.put("alg none", TestTokens.unsigned("lga1", LGA));
        tokens.put("HS256 with the public key", TestTokens.hs256WithPublicKey("lga1", LGA, publicKey));
        tokens.put("another key", TestTokens.signedByAnotherKey("lga1", LGA));
        tokens.put("another issuer", TestTokens.fromIssuer("https://evil.example/realms/healthcheck", "lga1", LGA));
        tokens.put("another audience", TestTokens.forAudience("some-other-api", "lga1", LGA));
        return tokens;
    }

    @Test
    void everyBadTokenOnEveryEndpointIs401ProblemJsonAndChangesNothing() {
        RoundRows.insert(ROUND, "workforce-return", "open");
        RoundRows.insert(PRACTICE, "practitioner-survey", "open");
        long before = Rows.aboutRound(ROUND) + Rows.aboutRound(PRACTICE) + Rows.aboutRound(SurveyEndpoints.NEW_ROUND);
        long auditedBefore = Rows.count("select count(*) from audit_entry where status = 401 and subject is null");
        int writes = 0;
        for (var endpoint : SurveyEndpoints.of(ROUND, PRACTICE).entrySet()) {
            Map<String, String> tokens = new LinkedHashMap<>(badTokens());
            tokens.put("no token", null);
            for (var token : tokens.entrySet()) {
                RequestSpecification request = given();
                if (token.getValue() != null) {
                    request.header("Authorization", "Bearer " + token.getValue());
                }
                var answer = endpoint.getValue().apply(request);
                assertEquals(401, answer.statusCode(), endpoint.getKey() + " with " + token.getKey() + " token: " + answer.asString());
                answer.then().contentType("application/problem+json")
                        .body("type", equalTo("https://healthcheck.local.gov.uk/problems/unauthorized"))
                        .body("title", equalTo("Unauthorized")).body("status", equalTo(401))
                        .header("WWW-Authenticate", containsString("Bearer"));
                if (token.getValue() != null) {
                    answer.then().header("WWW-Authenticate", containsString("invalid_token"));
                }
                if (!endpoint.getKey().startsWith("GET")) {
                    writes++;
                }
            }
        }
        assertEquals(before, Rows.aboutRound(ROUND) + Rows.aboutRound(PRACTICE) + Rows.aboutRound(SurveyEndpoints.NEW_ROUND), "a refused request stored something");
        // Every refused write is audited: action, method, path, 401, no subject.
        long audited = Rows.count("select count(*) from audit_entry where status = 401 and subject is null") - auditedBefore;
        assertEquals(writes, audited, "one audit entry per refused write");
        assertTrue(Rows.count("select count(*) from audit_entry where status = 401 and action = 'return.put' and method = 'PUT'"
                + " and path = ?", "/api/v1/rounds/" + ROUND + "/returns/E10000031") >= badTokens().size() + 1);
        assertEquals(0, Rows.count("select count(*) from audit_entry where status >= 500"));
    }

    @Test
    void theSameRequestWithAGoodTokenIsAccepted() {
        RoundRows.insert(PRACTICE, "practitioner-survey", "open");
        var response = SurveyEndpoints.of(ROUND, PRACTICE).get("POST response").apply(given().auth().oauth2(TestTokens.lgaAdmin("lga1")));
        assertTrue(response.statusCode() == 201 || response.statusCode() == 200, response.asString());
    }
}
