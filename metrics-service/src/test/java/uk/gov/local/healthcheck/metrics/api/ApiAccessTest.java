package uk.gov.local.healthcheck.metrics.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.local.healthcheck.api.access.Roles;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.metrics.support.TestTokens;
import uk.gov.local.healthcheck.metrics.support.WithKafkaAndPostgres;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static uk.gov.local.healthcheck.metrics.support.IndicatorsApi.PATH;
import static uk.gov.local.healthcheck.metrics.support.IndicatorsApi.indicators;

/**
 * Who may call what, and that every error is a problem document. The access policy is one table of scenarios whose
 * callers are real tokens signed with the tests' key ({@link TestTokens}, which the test profile trusts), since a row
 * needs its own identity; the tests of what a permitted call answers name theirs with {@code @TestSecurity}.
 */
@QuarkusTest
@WithKafkaAndPostgres
class ApiAccessTest {

    private static final String SUBMITTER = Roles.COUNCIL_SUBMITTER;
    private static final String VIEWER = Roles.COUNCIL_VIEWER;
    private static final String ANALYST = Roles.RIA_ANALYST;

    @Test
    void noTokenIs401() {
        indicators("E10000031", "workforce-2024").then().statusCode(401);
        given().get("/api/v1/indicators").then().statusCode(401);
    }

    /**
     * Issue 10: every bad token, on every method, is a 401 problem+json with WWW-Authenticate (not an empty body),
     * decided before anything of the application runs.
     */
    @Test
    void everyBadTokenIsA401Problem() throws Exception {
        for (String token : BadTokens.all()) {
            for (String method : new String[]{"GET", "POST"}) {
                for (String path : new String[]{"/api/v1/authorities/E10000031/indicators?round=workforce-2024",
                        "/api/v1/admin/rebuild", "/api/v1/admin/dead-letters", "/api/v1/admin/dead-letters/1/replay"}) {
                    var request = given();
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token);
                    }
                    request.request(method, path).then().statusCode(401)
                            .contentType("application/problem+json")
                            .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                            .body("type", equalTo("https://healthcheck.local.gov.uk/problems/unauthorized"))
                            .body("title", equalTo("Unauthorized"))
                            .body("status", equalTo(401));
                }
            }
        }
    }

    /**
     * Without a token, or with a malformed Authorization header (not a JWT, an empty bearer, another scheme, the scheme
     * in lower case): 401 problem+json with the Bearer challenge, on the read endpoints and on a path or method that
     * does not exist (the HTTP permission on /api/* refuses before routing).
     */
    @Test
    void noOrAMalformedTokenIs401ProblemWithTheChallenge() {
        java.util.List<String> headers = new java.util.ArrayList<>(java.util.Arrays.asList(null, "Bearer not-a-jwt",
                "Bearer a.b.c", "Bearer ", "Basic dXNlcjpwYXNz", "bearer garbage", "garbage"));
        for (String authorization : headers) {
            for (String[] call : new String[][]{{"GET", "/api/v1/authorities/E10000031/indicators?round=workforce-2024"},
                    {"GET", "/api/v1/indicators"}, {"DELETE", "/api/v1/indicators"}, {"GET", "/api/v1/no-such-thing"}}) {
                var request = given();
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                request.request(call[0], call[1]).then()
                        .statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                        .body("type", equalTo("https://healthcheck.local.gov.uk/problems/unauthorized"))
                        .body("status", equalTo(401))
                        .body("detail", containsString("valid bearer token"));
            }
        }
    }

    @Test
    void readinessIsTheDatabaseAndThePartitionsNotKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("kafka-consumer-partitions"))
                .body("checks.name", org.hamcrest.Matchers.not(hasItem(containsString("smallrye-reactive-messaging"))));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.not(hasItem(containsString("smallrye-reactive-messaging"))));
    }

    /**
     * The access policy ({@code access.AccessPolicy}, and the dead-letter API's role), one row a scenario: who asks
     * (a token's role and scoping claim), for what, and the answer.
     */
    static Stream<Scenario> accessPolicy() {
        return Stream.of(
                // A council's people read their own authority only, the one of the token's authority_code.
                new Scenario(council(SUBMITTER, "E10000031"), indicatorsOf("E06000001", "workforce-2024"),
                        refused("only its own authority", "E10000031")),
                new Scenario(council(SUBMITTER, "E10000031"), indicatorsOf("E10000031", "no-such-round"), admitted()),
                new Scenario(unscoped(SUBMITTER), indicatorsOf("E10000031", "workforce-2024"),
                        refused("no authority_code claim")),
                new Scenario(council(VIEWER, "E06000001"), indicatorsOf("E06000001", "no-such-round"), admitted()),
                new Scenario(council(VIEWER, "E06000001"), indicatorsOf("E06000047", "workforce-2024"),
                        refused("only its own authority")),
                // An RIA analyst reads the authorities whose region in the register is the token's region_code.
                new Scenario(analyst("E12000001"), indicatorsOf("E06000001", "no-such-round"), admitted()),
                // Kent is in the South East (E12000008).
                new Scenario(analyst("E12000001"), indicatorsOf("E10000016", "workforce-2024"),
                        refused("region E12000001", "E10000016 is in region E12000008")),
                new Scenario(analyst("E12000001"), seriesOf("E10000016", "turnover_rate"), refused()),
                // A code that is not in the register is in no region.
                new Scenario(analyst("E12000001"), indicatorsOf("E99999999", "workforce-2024"),
                        refused("not in the authority register")),
                new Scenario(unscoped(ANALYST), indicatorsOf("E06000001", "workforce-2024"),
                        refused("no region_code claim")),
                // Other roles read nothing; an indicator the dictionary lacks is a 404 whoever asks.
                new Scenario(unscoped("unrelated-role"), indicatorsOf("E10000031", "workforce-2024"), refused()),
                new Scenario(unscoped(Roles.LGA_ADMIN), seriesOf("E06000001", "no_such_indicator"),
                        notFound("no_such_indicator")),
                // The rebuild and the dead letters are the LGA's.
                new Scenario(council(SUBMITTER, "E06000001"), new Request("POST", "/api/v1/admin/rebuild"),
                        refused("lga-admin")),
                new Scenario(council(SUBMITTER, "E06000001"), new Request("GET", "/api/v1/admin/rebuild"), refused()),
                new Scenario(unscoped(VIEWER), new Request("GET", "/api/v1/admin/dead-letters"), refused()),
                new Scenario(unscoped(VIEWER), new Request("POST", "/api/v1/admin/dead-letters/1/dismiss"), refused()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accessPolicy")
    void answersAsThePolicySays(Scenario scenario) {
        Answer expected = scenario.answer();
        var answer = scenario.request().by(scenario.caller())
                .then().statusCode(expected.status())
                .contentType("application/problem+json")
                .body("status", equalTo(expected.status()))
                .body("type", equalTo(ProblemTypes.BASE + expected.type()))
                .body("title", equalTo(expected.title()));
        expected.detail().forEach(fragment -> answer.body("detail", containsString(fragment)));
    }

    @Test
    void councilViewerReadsItsOwnSeries() {
        seriesOf("E06000001", "turnover_rate").by(council(VIEWER, "E06000001"))
                .then().statusCode(200)
                .body("points", hasSize(0)).body("unit", equalTo("percent"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void missingRoundIs400() {
        given().get(PATH, "E10000031")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", contains("round"))
                .body("errors.code", contains("required"));
        indicators("E10000031", " ").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void malformedCodeIs400NotA500() {
        indicators("Kent'; drop table x", "workforce-2024")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("code"));
        indicators("E10000031", "r".repeat(500))
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void unknownPathIsAProblemToo() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "council", roles = "council-submitter")
    void dictionaryIsServedToAnyAuthenticatedUser() {
        given().get("/api/v1/indicators")
                .then().statusCode(200)
                .body("id", hasItems("turnover_rate", "agency_rate", "vacancy_rate", "absence_rate", "average_caseload"))
                .body("find { it.id == 'agency_rate' }.numerator", contains("staff.agency_fte"))
                .body("find { it.id == 'agency_rate' }.denominator", contains("staff.agency_fte", "staff.fte"))
                .body("find { it.id == 'agency_rate' }.unit", equalTo("percent"))
                .body("find { it.id == 'agency_rate' }.polarity", equalTo("lower-is-better"))
                .body("find { it.id == 'absence_rate' }.denominatorFactor", equalTo("working-days-in-year"))
                .body("find { it.id == 'average_caseload' }.unit", equalTo("number"))
                .body("find { it.id == 'average_caseload' }.scale", equalTo(1))
                .body("instrument", hasItems("workforce-return", "employer-health-check", "practitioner-survey"))
                .body("find { it.id == 'diversity_gender_female_share' }.numerator", contains("diversity.gender.female"))
                .body("find { it.id == 'diversity_age_30_39_share' }.denominator", contains("staff.headcount"))
                .body("find { it.id == 'frozen_post_rate' }.denominator", contains("s2.unfilled_fte"))
                .body("find { it.id == 'frozen_post_rate' }.polarity", equalTo("neither"))
                .body("find { it.id == 'std3.workload_control' }.unit", equalTo("percent"))
                .body("find { it.id == 'std3.workload_control' }.computedFrom", equalTo("responses"))
                .body("find { it.id == 'respondents' }.unit", equalTo("count"))
                .body("find { it.id == 'overall_score' }.polarity", equalTo("higher-is-better"))
                .body("find { it.id == 'unfilled_post_rate' }.source", containsString("Table 4"));
    }

    @Test
    void healthAndOpenApiAreOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/authorities/{code}/indicators"));
    }

    /** Who calls: a token with one realm role and, for a council's people or an analyst, the claim scoping it. */
    record Caller(String role, Map<String, String> scope) {
        String token() {
            return TestTokens.token(role + "-user", List.of(role), scope);
        }

        @Override
        public String toString() {
            return role + (scope.isEmpty() ? " without a scope claim" : " " + scope);
        }
    }

    /** What is asked: a method and a path with its query. */
    record Request(String method, String path) {
        Response by(Caller caller) {
            return given().auth().oauth2(caller.token()).request(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The problem answered: its status, type slug and title, and what its detail says. */
    record Answer(int status, String type, String title, List<String> detail) {
    }

    record Scenario(Caller caller, Request request, Answer answer) {
        @Override
        public String toString() {
            return caller + ": " + request + " -> " + answer.status();
        }
    }

    private static Caller council(String role, String authority) {
        return new Caller(role, Map.of(Roles.AUTHORITY_CLAIM, authority));
    }

    private static Caller analyst(String region) {
        return new Caller(ANALYST, Map.of(Roles.REGION_CLAIM, region));
    }

    private static Caller unscoped(String role) {
        return new Caller(role, Map.of());
    }

    private static Request indicatorsOf(String code, String round) {
        return new Request("GET", "/api/v1/authorities/" + code + "/indicators?round=" + round);
    }

    private static Request seriesOf(String code, String indicatorId) {
        return new Request("GET", "/api/v1/authorities/" + code + "/indicators/" + indicatorId + "/series");
    }

    /** The policy refuses, and says why. */
    private static Answer refused(String... detail) {
        return new Answer(403, ProblemTypes.FORBIDDEN, "Forbidden", List.of(detail));
    }

    private static Answer notFound(String... detail) {
        return new Answer(404, ProblemTypes.NOT_FOUND, "Not found", List.of(detail));
    }

    /** The check passes: nothing is stored for the round asked, so the answer is "not found", not "forbidden". */
    private static Answer admitted() {
        return notFound("has no indicators in round");
    }
}
