package uk.gov.local.healthcheck.benchmark.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.api.problems.Problem;
import uk.gov.local.healthcheck.benchmark.support.WithKafkaAndPostgres;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static uk.gov.local.healthcheck.benchmark.support.Authorities.BIRMINGHAM;
import static uk.gov.local.healthcheck.benchmark.support.Authorities.CAMDEN;
import static uk.gov.local.healthcheck.benchmark.support.Authorities.HACKNEY;
import static uk.gov.local.healthcheck.benchmark.support.Authorities.HARTLEPOOL;
import static uk.gov.local.healthcheck.benchmark.support.Authorities.ISLINGTON;
import static uk.gov.local.healthcheck.benchmark.support.Authorities.MIDDLESBROUGH;
import static uk.gov.local.healthcheck.benchmark.support.Authorities.NORTH_EAST;
import static uk.gov.local.healthcheck.benchmark.support.Authorities.REDCAR;

/**
 * End to end through a real Kafka broker and a real PostgreSQL: events are produced with a plain producer, exactly
 * as metrics-service publishes them, and the benchmarks are read back over HTTP, as lga-admin. A group of fewer
 * than 3 authorities is suppressed for every caller, so the figures checked here come from groups of at least 3;
 * disclosure control and scoping by role are tested in {@link DisclosureAndAccessApiTest}.
 */
@QuarkusTest
@WithKafkaAndPostgres
class BenchmarkApiTest {

    static final String AGENCY = "agency_rate";
    static final String TURNOVER = "turnover_rate";
    static final String PATH = "/api/v1/benchmarks/{round}/indicators/{indicator}";
    static final Duration WAIT = Duration.ofSeconds(60);

    static final EventPublisher events = new EventPublisher();

    @BeforeAll
    static void compareNumbersExactly() {
        // The API serves BigDecimals.
        RestAssured.config = RestAssured.config().jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    // ---- publishing ----

    static IndicatorValue rate(String indicator, String numerator, String denominator) {
        BigDecimal n = new BigDecimal(numerator);
        BigDecimal d = new BigDecimal(denominator);
        return new IndicatorValue(indicator, n.multiply(BigDecimal.valueOf(100)).divide(d, MathContext.DECIMAL64), n, d, 100, null);
    }

    static IndicatorValue missing(String indicator) {
        return new IndicatorValue(indicator, null, null, new BigDecimal("100"), 100, List.of("agency_fte"));
    }

    static void publish(String round, String authority, int revision, IndicatorValue... values) {
        events.publishAndWait(new AuthorityIndicators(round, "workforce", "2024", authority, revision, false,
                OffsetDateTime.now(), List.of(values)));
    }

    /** The same figures from each of these authorities, at this revision. */
    static void publishEach(String round, int revision, IndicatorValue value, String... authorities) {
        for (String authority : authorities) {
            publish(round, authority, revision, value);
        }
    }

    static void withdraw(String round, String authority, int revision) {
        events.publishAndWait(new AuthorityIndicators(round, "workforce", "2024", authority, revision, true,
                OffsetDateTime.now(), List.of()));
    }

    static String round(String name) {
        return EventPublisher.unique(name);
    }

    /** A new round in which the North East's three authorities have agency rates of 10, 30 and 20 %. */
    static String northEastRound(String name) {
        String round = round(name);
        publish(round, HARTLEPOOL, 1, rate(AGENCY, "10", "100"));
        publish(round, MIDDLESBROUGH, 1, rate(AGENCY, "30", "100"));
        publish(round, REDCAR, 1, rate(AGENCY, "20", "100"));
        return round;
    }

    /**
     * Publishes a marker event with the same key after the events under test: the key fixes the partition, the
     * partition fixes the order, so once the marker is visible every earlier event of that key has been applied.
     */
    static void awaitAppliedBefore(String authority) {
        String marker = round("marker");
        publish(marker, authority, 1, rate(AGENCY, "1", "10"));
        await(marker, AGENCY, "", r -> r.statusCode() == 200);
    }

    static Response get(String round, String indicator, String group) {
        var request = given().pathParam("round", round).pathParam("indicator", indicator);
        if (!group.isEmpty()) {
            request = request.queryParam("group", group);
        }
        return request.get(PATH);
    }

    static Response await(String round, String indicator, String group, Predicate<Response> done) {
        Instant deadline = Instant.now().plus(WAIT);
        Response last;
        do {
            last = get(round, indicator, group);
            if (done.test(last)) {
                return last;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        fail("Timed out waiting on " + round + "/" + indicator + "; last answer " + last.statusCode() + " " + last.asString());
        return last;
    }

    /** The answer is a problem document (RFC 9457) of this status and type; further checks chain on. */
    static ValidatableResponse problem(Response answer, int status, String type) {
        return answer.then().statusCode(status)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo(Problem.type(type)))
                .body("status", equalTo(status));
    }

    static Predicate<Response> nationalN(int n) {
        return r -> r.statusCode() == 200 && r.jsonPath().getInt("national.n") == n;
    }

    static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JSON integers arrive as Integer, decimals as BigDecimal: compare the numbers, not the Java types. */
    static Matcher<Object> number(String expected) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number && new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())) == 0;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the number " + expected);
            }
        };
    }

    // ---- tests ----

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void poolsNationallyAndPerRegion() {
        String round = round("pooled");
        publish(round, HARTLEPOOL, 1, rate(AGENCY, "10", "100"), rate(TURNOVER, "1", "3"));
        publish(round, MIDDLESBROUGH, 1, rate(AGENCY, "30", "100"));
        publish(round, CAMDEN, 1, rate(AGENCY, "5", "200"));
        publish(round, BIRMINGHAM, 1, missing(AGENCY));

        Response r = await(round, AGENCY, "", nationalN(3));
        r.then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("indicator", equalTo(AGENCY))
                .body("round", equalTo(round))
                .body("national.code", equalTo("E92000001"))
                .body("national.n", equalTo(3))
                .body("national.numerator", number("45"))
                .body("national.denominator", number("400"))
                .body("national.value", number("11.3"))        // 11.25 rounded HALF_UP
                .body("national.mean", number("14.2"))         // (10 + 30 + 2.5) / 3
                .body("national.median", number("10.0"))
                .body("national.lowerQuartile", number("6.3")) // 6.25
                .body("national.upperQuartile", number("20.0"))
                .body("national.min", number("2.5"))
                .body("national.max", number("30.0"))
                .body("regions", hasSize(9))
                .body("regions.code", equalTo(List.of("E12000001", "E12000002", "E12000003", "E12000004",
                        "E12000005", "E12000006", "E12000007", "E12000008", "E12000009")))
                .body("regions[0].name", equalTo("North East"))
                .body("regions[0].n", equalTo(2))                                      // under 3: suppressed
                .body("regions[0].suppressed", equalTo("c"))
                .body("regions[0].value", nullValue())
                .body("regions[0].numerator", nullValue())
                .body("regions[4].name", equalTo("West Midlands"))
                .body("regions[4].n", equalTo(0))                                      // Birmingham's value is missing
                .body("regions[4].value", nullValue())
                .body("regions[6].name", equalTo("London"))
                .body("regions[6].n", equalTo(1))
                .body("regions[6].suppressed", equalTo("c"));

        // Another indicator of the same events is benchmarked separately: one authority, so England is suppressed.
        get(round, TURNOVER, "").then().statusCode(200)
                .body("national.n", equalTo(1))
                .body("national.suppressed", equalTo("c"))
                .body("national.value", nullValue());
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void aNewerRevisionReplacesAndAnOlderOrEqualOneIsIgnored() {
        String round = round("revisions");
        publish(round, MIDDLESBROUGH, 1, rate(AGENCY, "0", "100"));
        publish(round, REDCAR, 1, rate(AGENCY, "0", "100"));
        publish(round, HARTLEPOOL, 2, rate(AGENCY, "10", "100"));
        await(round, AGENCY, "", nationalN(3)).then()
                .body("national.value", number("3.3"));                           // 10 / 300

        publish(round, HARTLEPOOL, 3, rate(AGENCY, "20", "100"));
        await(round, AGENCY, "", r -> r.statusCode() == 200
                && new BigDecimal("6.7").compareTo(r.jsonPath().getObject("national.value", BigDecimal.class)) == 0);

        publish(round, HARTLEPOOL, 1, rate(AGENCY, "90", "100"));   // older: ignored
        publish(round, HARTLEPOOL, 3, rate(AGENCY, "50", "100"));   // equal: a redelivery, no change
        awaitAppliedBefore(HARTLEPOOL);
        get(round, AGENCY, "").then().statusCode(200)
                .body("national.n", equalTo(3))
                .body("national.value", number("6.7"))
                .body("national.numerator", number("20"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void aWithdrawnAuthorityIsDroppedAndStaysDropped() {
        String round = northEastRound("withdrawn");
        publish(round, CAMDEN, 1, rate(AGENCY, "5", "200"));
        await(round, AGENCY, "", nationalN(4));

        withdraw(round, HARTLEPOOL, 2);
        await(round, AGENCY, "", nationalN(3)).then()
                .body("national.value", number("13.8"))                          // 55 / 400
                .body("regions[0].n", equalTo(2));

        publish(round, HARTLEPOOL, 1, rate(AGENCY, "10", "100"));   // stale, from before the withdrawal
        awaitAppliedBefore(HARTLEPOOL);
        get(round, AGENCY, "").then().statusCode(200).body("national.n", equalTo(3));

        for (String authority : List.of(MIDDLESBROUGH, REDCAR, CAMDEN)) {
            withdraw(round, authority, 2);
        }
        await(round, AGENCY, "", r -> r.statusCode() == 404);

        publishEach(round, 3, rate(AGENCY, "40", "100"), HARTLEPOOL, MIDDLESBROUGH, REDCAR);   // later resubmissions bring them back
        await(round, AGENCY, "", nationalN(3)).then()
                .body("national.value", number("40.0"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void aPoisonRecordIsSkippedWithoutBlockingItsPartition() {
        events.send(CAMDEN, "this is not JSON {");
        events.send(CAMDEN, "{\"specversion\":\"1.0\",\"type\":\"" + AuthorityIndicators.TYPE + "\",\"data\":{\"roundId\":\"x\"}}");
        events.send(CAMDEN, "{\"specversion\":\"1.0\",\"type\":\"some.other.event.v1\",\"data\":{}}");
        String round = round("after-poison");
        publishEach(round, 1, rate(AGENCY, "5", "200"), CAMDEN, HACKNEY, ISLINGTON);   // Camden's partition holds the poison
        await(round, AGENCY, "", nationalN(3)).then()
                .body("regions[6].value", number("2.5"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void theGroupParameterSelectsOneGroup() {
        String round = northEastRound("groups");
        // (a lone authority elsewhere would get the North East suppressed too, as its complement in England)
        await(round, AGENCY, "", nationalN(3));

        get(round, AGENCY, "national").then().statusCode(200)
                .body("group", equalTo("national"))
                .body("name", equalTo("England"))
                .body("n", equalTo(3))
                .body("value", number("20.0"))                                   // 60 / 300
                .body("regions", nullValue());
        get(round, AGENCY, "region:" + NORTH_EAST).then().statusCode(200)
                .body("group", equalTo("region:E12000001"))
                .body("code", equalTo(NORTH_EAST))
                .body("name", equalTo("North East"))
                .body("n", equalTo(3))
                .body("value", number("20.0"))                                   // 60 / 300
                .body("median", number("20.0"));
        get(round, AGENCY, "region:E12000009").then().statusCode(200)
                .body("n", equalTo(0))
                .body("value", nullValue());

        for (String unknown : List.of("region:E12000010", "region:E13000001", "bogus", "region:", "national:E92000001")) {
            problem(get(round, AGENCY, unknown), 400, "unknown-group")
                    .body("title", equalTo("Unknown benchmark group"))
                    .body("detail", containsString(unknown.isEmpty() ? "" : unknown.split(":")[0]))
                    .body("errors[0].field", equalTo("group"));
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void noDataIsA404Problem() {
        problem(get("no-such-round", AGENCY, ""), 404, "no-benchmark-data")
                .body("title", equalTo("No benchmark data"))
                .body("detail", containsString("no-such-round"));
        get("no-such-round", AGENCY, "region:" + NORTH_EAST).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void malformedIdsAreA400Problem() {
        problem(get("bad$round", AGENCY, ""), 400, "bad-request")
                .body("errors[0].field", equalTo("roundId"));
        get("workforce-2024", "x".repeat(101), "").then().statusCode(400)
                .body("errors[0].field", equalTo("indicatorId"));
    }

    /** Refused by the HTTP permission before JAX-RS, with a problem written into the challenge. */
    @Test
    void withoutATokenIs401() {
        problem(given().pathParam("round", "workforce-2024").pathParam("indicator", AGENCY).get(PATH), 401, "unauthorized")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("title", equalTo("Unauthorized"));
    }

    /**
     * A malformed Authorization header (not a JWT, an empty bearer, another scheme, the scheme in lower case) is refused
     * like a missing one: 401 problem+json with the Bearer challenge, on the GET endpoints and on a path or method that
     * does not exist (the HTTP permission on /api/* refuses before routing).
     */
    @Test
    void aMalformedTokenIs401ProblemWithTheChallenge() {
        for (String authorization : List.of("Bearer not-a-jwt", "Bearer a.b.c", "Bearer ", "Basic dXNlcjpwYXNz",
                "bearer garbage", "garbage")) {
            for (String[] call : List.of(new String[]{"GET", "/api/v1/benchmarks/workforce-2024/indicators/" + AGENCY},
                    new String[]{"GET", "/api/v1/reports/workforce-2024"},
                    new String[]{"DELETE", "/api/v1/benchmarks/workforce-2024/indicators/" + AGENCY},
                    new String[]{"GET", "/api/v1/no-such-thing"})) {
                problem(given().header("Authorization", authorization).request(call[0], call[1]), 401, "unauthorized")
                        .header("WWW-Authenticate", startsWith("Bearer"))
                        .body("detail", startsWith("Send a valid bearer token"))
                        .body("instance", equalTo(call[1]));
            }
        }
    }

    @Test
    @TestSecurity(user = "someone", roles = "guest")
    void aTokenWithoutAPlatformRoleIs403NamingTheRoles() {
        problem(get("workforce-2024", AGENCY, ""), 403, "forbidden")
                .body("title", equalTo("Missing role"))
                .body("detail", containsString("lga-admin"))
                .body("detail", containsString("council-submitter"))
                .body("detail", containsString("ria-analyst"));
    }

    @Test
    void healthAndOpenApiArePublic() {
        Response ready = null;
        Instant deadline = Instant.now().plus(WAIT);
        List<String> answers = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            ready = given().get("/q/health/ready");
            answers.add(ready.statusCode() + "");
            if (ready.statusCode() == 200) {
                break;
            }
            sleep();
        }
        if (ready == null || ready.statusCode() != 200) {
            fail("not ready: " + (ready == null ? answers : ready.asString()));
        }
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/benchmarks/{roundId}/indicators/{indicatorId}"));
    }

    /** An operation with a CSV form documents it as text beside its JSON schema (CsvContent), not as the DTO. */
    @Test
    void theOpenApiDocumentsEachCsvFormAsText() {
        for (String path : List.of("/api/v1/benchmarks/{roundId}/authorities/{code}",
                "/api/v1/benchmarks/{roundId}/regions/{regionCode}", "/api/v1/reports/{roundId}")) {
            Map<String, Map<String, Object>> content = given().get("/q/openapi?format=json").then().statusCode(200)
                    .extract().jsonPath().getMap("paths.'" + path + "'.get.responses.'200'.content");
            assertEquals(Set.of("application/json", "text/csv"), content.keySet(), path);
            assertEquals(Map.of("type", "string", "description", "RFC 4180 CSV with a header row"),
                    content.get("text/csv").get("schema"), path);
            assertTrue(content.get("application/json").get("schema").toString().contains("$ref"), path);
        }
    }
}
