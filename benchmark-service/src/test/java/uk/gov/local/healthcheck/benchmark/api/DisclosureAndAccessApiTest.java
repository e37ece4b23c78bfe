package uk.gov.local.healthcheck.benchmark.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.api.problems.Problem;
import uk.gov.local.healthcheck.benchmark.support.WithKafkaAndPostgres;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static io.restassured.config.JsonConfig.jsonConfig;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static uk.gov.local.healthcheck.benchmark.api.BenchmarkApiTest.number;
import static uk.gov.local.healthcheck.benchmark.api.EventPublisher.rate;
import static uk.gov.local.healthcheck.benchmark.api.EventPublisher.share;

/**
 * The comparison, question tables, report, disclosure control and the access matrix, end to end through the real
 * broker and database. Each test publishes its own rounds (unique ids and instrument names), so tests are
 * independent of each other and of other test classes sharing the database.
 */
@QuarkusTest
@WithKafkaAndPostgres
class DisclosureAndAccessApiTest {

    static final String HARTLEPOOL = "E06000001", MIDDLESBROUGH = "E06000002", REDCAR = "E06000003",
            STOCKTON = "E06000004", CAMDEN = "E09000007", HACKNEY = "E09000012", ISLINGTON = "E09000019",
            WARWICKSHIRE = "E10000031", KENT = "E10000016", ESSEX = "E10000012", BIRMINGHAM = "E08000025",
            MANCHESTER = "E08000003", LEEDS = "E08000035";
    static final String LOWER = "lower-is-better";
    static final String TURNOVER = "turnover_rate", AGENCY = "agency_rate";
    static final Duration WAIT = Duration.ofSeconds(60);

    static final EventPublisher events = new EventPublisher();

    @BeforeAll
    static void compareNumbersExactly() {
        RestAssured.config = RestAssured.config().jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static void publish(String round, String instrument, String period, String authority, Boolean consent,
                        Map<String, Object> answers, IndicatorValue... values) {
        events.publishAndWait(new AuthorityIndicators(round, instrument, period, authority, 1, false, OffsetDateTime.now(),
                List.of(values), instrument.startsWith("employer") ? 2018 : 1, consent, answers, null));
    }

    static Response await(String path, Predicate<Response> done) {
        Instant deadline = Instant.now().plus(WAIT);
        Response last;
        do {
            last = given().get(path);
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        } while (Instant.now().isBefore(deadline));
        fail("Timed out on " + path + ": " + last.statusCode() + " " + last.asString());
        return last;
    }

    static Predicate<Response> nationalN(int n) {
        return r -> r.statusCode() == 200 && r.jsonPath().getInt("national.n") == n;
    }

    /** Three workforce rounds of a private instrument: 2022, 2023 and 2024. */
    static String[] history() {
        String instrument = EventPublisher.unique("wf");
        String r22 = instrument + "-2022", r23 = instrument + "-2023", r24 = instrument + "-2024";
        publish(r22, instrument, "2022", HARTLEPOOL, false, null, rate(TURNOVER, "15", "100", LOWER));
        publish(r23, instrument, "2023", HARTLEPOOL, false, null, rate(TURNOVER, "12", "100", LOWER));
        publish(r24, instrument, "2024", HARTLEPOOL, false, null, rate(TURNOVER, "10", "100", LOWER), rate(AGENCY, "1", "100", LOWER));
        publish(r24, instrument, "2024", MIDDLESBROUGH, null, null, rate(TURNOVER, "20", "100", LOWER), rate(AGENCY, "9", "100", LOWER));
        publish(r24, instrument, "2024", REDCAR, true, null, rate(TURNOVER, "30", "100", LOWER), rate(AGENCY, "5", "100", LOWER));
        publish(r24, instrument, "2024", STOCKTON, true, null, rate(TURNOVER, "40", "100", LOWER), rate(AGENCY, "6", "100", LOWER));
        publish(r24, instrument, "2024", CAMDEN, false, null, rate(TURNOVER, "5", "100", LOWER), rate(AGENCY, "7", "100", LOWER));
        // London needs 3 authorities, or England minus the North East would reveal it and the North East would be
        // suppressed in its place (secondary suppression).
        publish(r24, instrument, "2024", HACKNEY, false, null, rate(TURNOVER, "50", "100", LOWER), rate(AGENCY, "2", "100", LOWER));
        publish(r24, instrument, "2024", ISLINGTON, false, null, rate(TURNOVER, "60", "100", LOWER), rate(AGENCY, "3", "100", LOWER));
        await("/api/v1/benchmarks/" + r22 + "/indicators/" + TURNOVER, nationalN(1));
        await("/api/v1/benchmarks/" + r23 + "/indicators/" + TURNOVER, nationalN(1));
        await("/api/v1/benchmarks/" + r24 + "/indicators/" + TURNOVER, nationalN(7));
        return new String[]{r22, r23, r24};
    }

    // ---- the comparison ----

    @Test
    @TestSecurity(user = "hartlepool", roles = "council-submitter")
    @OidcSecurity(claims = @Claim(key = "authority_code", value = HARTLEPOOL))
    void aCouncilsComparisonHasItsHistoryRegionNeighboursEnglandRanksBandAndDirection() {
        String[] rounds = history();
        Response r = given().get("/api/v1/benchmarks/" + rounds[2] + "/authorities/" + HARTLEPOOL);
        r.then().statusCode(200)
                .body("round", equalTo(rounds[2]))
                .body("authority.name", equalTo("Hartlepool"))
                .body("authority.regionCode", equalTo("E12000001"))
                .body("rounds.round", equalTo(List.of(rounds[2], rounds[1], rounds[0])))
                .body("indicators.indicator", equalTo(List.of(AGENCY, TURNOVER)));
        String t = "indicators.find { it.indicator == 'turnover_rate' }.";
        r.then()
                .body(t + "polarity", equalTo(LOWER))
                .body(t + "value", number("10.0"))
                .body(t + "previous.value", hasSize(2))
                .body(t + "previous[0].value", number("12.0"))
                .body(t + "previous[1].value", number("15.0"))
                .body(t + "change", number("-2.0"))
                .body(t + "direction", equalTo("improving"))
                .body(t + "region.value", number("25.0"))          // (10 + 20 + 30 + 40) / 400
                .body(t + "region.n", equalTo(4))
                .body(t + "regionRange.lowest.value", number("10.0"))
                .body(t + "regionRange.lowest.name", equalTo("Hartlepool"))     // the caller's own
                .body(t + "regionRange.highest.value", number("40.0"))
                .body(t + "regionRange.highest.name", equalTo("Stockton-on-Tees")) // consented
                .body(t + "england.value", number("30.7"))          // 215 / 700
                .body(t + "rankEngland", equalTo(2))                // Camden's 5 % is lower
                .body(t + "rankedEngland", equalTo(7))
                .body(t + "rankRegion", equalTo(1))
                .body(t + "rankedRegion", equalTo(4))
                .body(t + "band", equalTo("A"))                     // 10 ≤ England's lower quartile (15)
                .body(t + "statisticalNeighbours.group", equalTo("neighbours:" + HARTLEPOOL));
        String a = "indicators.find { it.indicator == 'agency_rate' }.";
        r.then()
                .body(a + "previous[0].value", nullValue())
                .body(a + "direction", nullValue())
                .body(a + "regionRange.highest.value", number("9.0"))
                .body(a + "regionRange.highest.authority", nullValue())  // Middlesbrough: consent unknown
                .body(a + "regionRange.highest.name", nullValue());

        String csv = given().accept("text/csv").get("/api/v1/benchmarks/" + rounds[2] + "/authorities/" + HARTLEPOOL)
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("round,authority_code,authority_name,indicator,polarity"), lines[0]);
        assertEquals(3, lines.length, csv);
        assertTrue(lines[2].contains(",turnover_rate,lower-is-better,percent,10.0,"), lines[2]);
        assertTrue(lines[2].contains("improving"), lines[2]);
    }

    @Test
    @TestSecurity(user = "hartlepool", roles = "council-submitter")
    @OidcSecurity(claims = @Claim(key = "authority_code", value = HARTLEPOOL))
    void aCouncilMayNotSeeAnotherCouncilsComparison() {
        given().get("/api/v1/benchmarks/any-round/authorities/" + MIDDLESBROUGH).then().statusCode(403)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo(Problem.type("forbidden")))
                .body("detail", containsString(HARTLEPOOL));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "council-viewer")
    @OidcSecurity(claims = @Claim(key = "authority_code", value = HARTLEPOOL))
    void aCouncilViewerSeesItsOwnComparison() {
        String[] rounds = history();
        given().get("/api/v1/benchmarks/" + rounds[2] + "/authorities/" + HARTLEPOOL).then().statusCode(200);
        given().get("/api/v1/benchmarks/" + rounds[2] + "/authorities/" + REDCAR).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "ria", roles = "ria-analyst")
    @OidcSecurity(claims = @Claim(key = "region_code", value = "E12000001"))
    void anRiaAnalystSeesTheAuthoritiesOfItsRegionOnly() {
        String[] rounds = history();
        Response r = given().get("/api/v1/benchmarks/" + rounds[2] + "/authorities/" + MIDDLESBROUGH);
        r.then().statusCode(200)
                // every North East authority may be named to this analyst
                .body("indicators.find { it.indicator == 'agency_rate' }.regionRange.highest.name", equalTo("Middlesbrough"));
        given().get("/api/v1/benchmarks/" + rounds[2] + "/authorities/" + CAMDEN).then().statusCode(403)
                .body("detail", containsString("E12000001"));
    }

    @Test
    @TestSecurity(user = "ria", roles = "ria-analyst")
    void anRiaAnalystWithoutARegionClaimSeesGroupsOnly() {
        given().get("/api/v1/benchmarks/any/authorities/" + MIDDLESBROUGH).then().statusCode(403)
                .body("detail", containsString("region_code"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void unknownRoundAndAuthorityAre404() {
        given().get("/api/v1/benchmarks/no-such-round/authorities/" + HARTLEPOOL).then().statusCode(404)
                .contentType(startsWith(Problem.MEDIA_TYPE));
        given().get("/api/v1/benchmarks/no-such-round/authorities/E99999999").then().statusCode(404)
                .body("type", equalTo(Problem.type("unknown-authority")));
    }

    @Test
    @TestSecurity(user = "someone", roles = "guest")
    void otherRolesAre403OnEveryEndpoint() {
        for (String path : List.of("/api/v1/benchmarks/r/indicators/i", "/api/v1/benchmarks/r/authorities/" + HARTLEPOOL,
                "/api/v1/benchmarks/r/questions/q", "/api/v1/reports/r")) {
            given().get(path).then().statusCode(403).contentType(startsWith(Problem.MEDIA_TYPE))
                    .body("detail", containsString("council-viewer"));
        }
    }

    @Test
    void noTokenIs401OnEveryEndpoint() {
        for (String path : List.of("/api/v1/benchmarks/r/indicators/i", "/api/v1/benchmarks/r/authorities/" + HARTLEPOOL,
                "/api/v1/benchmarks/r/questions/q", "/api/v1/reports/r")) {
            given().get(path).then().statusCode(401);
        }
    }

    // ---- disclosure control on group statistics ----

    /** North East 2 authorities, London 3 (all Inner London), West Midlands 3 shire/metropolitan. */
    static String smallGroups() {
        String round = EventPublisher.unique("small");
        String instrument = "it-wf-small";
        for (String code : List.of(HARTLEPOOL, MIDDLESBROUGH, CAMDEN, HACKNEY, ISLINGTON, WARWICKSHIRE, BIRMINGHAM, KENT)) {
            publish(round, instrument, "2024", code, false, null, rate(TURNOVER, "10", "100", LOWER),
                    rate("tiny_rate", "1", "100000", LOWER));
        }
        await("/api/v1/benchmarks/" + round + "/indicators/" + TURNOVER, nationalN(8));
        return round;
    }

    @Test
    @TestSecurity(user = "viewer", roles = "council-viewer")
    @OidcSecurity(claims = @Claim(key = "authority_code", value = CAMDEN))
    void smallGroupsAreSuppressedWithSecondarySuppression() {
        String round = smallGroups();
        Response r = given().get("/api/v1/benchmarks/" + round + "/indicators/" + TURNOVER);
        r.then().statusCode(200)
                .body("national.n", equalTo(8))
                .body("national.value", number("10.0"))
                // North East: 2 authorities, suppressed
                .body("regions[0].n", equalTo(2))
                .body("regions[0].suppressed", equalTo("c"))
                .body("regions[0].value", nullValue())
                .body("regions[0].numerator", nullValue())
                .body("regions[0].reason", containsString("fewer than 3"))
                // South East (Kent, 1) suppressed too; together with the North East 3 authorities: safe
                .body("regions[7].suppressed", equalTo("c"))
                // West Midlands (2) also under 3
                .body("regions[4].suppressed", equalTo("c"))
                // London has 3 and is shown
                .body("regions[6].value", number("10.0"))
                .body("regions[6].suppressed", nullValue())
                // council types: Unitary {Hartlepool, Middlesbrough} and Metropolitan {Birmingham} hidden (3 together);
                // Shire County {Warwickshire, Kent} hidden
                .body("councilTypes.find { it.code == 'unitary-authority' }.suppressed", equalTo("c"))
                .body("councilTypes.find { it.code == 'metropolitan-district' }.suppressed", equalTo("c"))
                .body("councilTypes.find { it.code == 'shire-county' }.suppressed", equalTo("c"))
                .body("councilTypes.find { it.code == 'london-borough' }.value", number("10.0"))
                .body("londonSubregions[0].name", equalTo("Inner London"))
                .body("londonSubregions[0].n", equalTo(3))
                ;
        assertTrue(statisticalNeighbourGroups(r) > 140, "every authority's neighbours: " + statisticalNeighbourGroups(r));

        // A single group answers with the same suppression.
        given().queryParam("group", "region:E12000001").get("/api/v1/benchmarks/" + round + "/indicators/" + TURNOVER)
                .then().statusCode(200).body("suppressed", equalTo("c"));
        given().queryParam("group", "councilType:london-borough").get("/api/v1/benchmarks/" + round + "/indicators/" + TURNOVER)
                .then().statusCode(200).body("n", equalTo(3)).body("value", number("10.0"));
        given().queryParam("group", "neighbours:" + CAMDEN).get("/api/v1/benchmarks/" + round + "/indicators/" + TURNOVER)
                .then().statusCode(200).body("group", equalTo("neighbours:" + CAMDEN));
        given().queryParam("group", "councilType:parish").get("/api/v1/benchmarks/" + round + "/indicators/" + TURNOVER)
                .then().statusCode(400).body("type", equalTo(Problem.type("unknown-group")));

        // A rate that is not 0 but rounds to 0.0 is marked, never shown as 0.
        given().get("/api/v1/benchmarks/" + round + "/indicators/tiny_rate").then().statusCode(200)
                .body("national.value", nullValue())
                .body("national.low", hasItem("value"))
                .body("national.numerator", number("8"));
    }

    static int statisticalNeighbourGroups(Response r) {
        return r.jsonPath().getList("statisticalNeighbours").size();
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void smallGroupsAreSuppressedForTheLgaTooBecauseWhatItIsAnsweredItPublishes() {
        String round = smallGroups();
        given().get("/api/v1/benchmarks/" + round + "/indicators/" + TURNOVER).then().statusCode(200)
                .body("regions[0].n", equalTo(2))
                .body("regions[0].suppressed", equalTo("c"))
                .body("regions[0].value", nullValue())
                .body("regions[6].value", number("10.0"));
        // each authority's own figure stays available to the LGA at the authority level
        given().get("/api/v1/benchmarks/" + round + "/authorities/" + HARTLEPOOL).then().statusCode(200);
    }

    // ---- question tables and the report ----

    static Map<String, Object> answers(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static String employerRound() {
        String round = EventPublisher.unique("employer");
        String instrument = "employer-health-check";
        publish(round, instrument, "2018", WARWICKSHIRE, true, answers("s3.cancel_meetings", "lt_once_week",
                "s4.safety_support", List.of("lone_working", "mobile_phones"), "s3.average_caseload", 18));
        publish(round, instrument, "2018", KENT, true, answers("s3.cancel_meetings", "lt_once_week",
                "s4.safety_support", List.of("lone_working"), "s3.average_caseload", 20.5));
        publish(round, instrument, "2018", ESSEX, false, answers("s3.cancel_meetings", "once_week",
                "s4.safety_support", List.of("mobile_phones", "lone_working"), "s3.average_caseload", 16));
        publish(round, instrument, "2018", HARTLEPOOL, false, answers("s3.cancel_meetings", "lt_once_week",
                "s3.allocation_negotiated", "yes"));
        publish(round, instrument, "2018", BIRMINGHAM, false, answers("s3.cancel_meetings", "once_week"));
        publish(round, instrument, "2018", MANCHESTER, false, answers("s3.cancel_meetings", "two_three_week"));
        publish(round, instrument, "2018", LEEDS, false, answers("s4.safety_support", List.of("other")));
        // An indicator so the round has indicator rows as well (metrics-service always sends some).
        return round;
    }

    static Response awaitQuestion(String round, String question, int base) {
        return await("/api/v1/benchmarks/" + round + "/questions/" + question,
                r -> r.statusCode() == 200 && r.jsonPath().get("base") != null && r.jsonPath().getInt("base") == base);
    }

    @Test
    @TestSecurity(user = "ria", roles = "ria-analyst")
    @OidcSecurity(claims = @Claim(key = "region_code", value = "E12000007"))
    void aSingleChoiceQuestionIsTabulatedOverallAndByCouncilType() {
        String round = employerRound();
        awaitQuestion(round, "s3.cancel_meetings", 6).then()
                .body("round", equalTo(round))
                .body("question", equalTo("s3.cancel_meetings"))
                .body("type", equalTo("single"))
                .body("options.option", equalTo(List.of("lt_once_week", "once_week", "two_three_week", "four_five_week",
                        "gt_five_week", "dont_know")))
                .body("options[0].count", equalTo(3))
                .body("options[0].percent", number("50.0"))
                .body("options[1].percent", number("33.3"))
                .body("options[2].percent", number("16.7"))
                .body("options[3].count", equalTo(0))
                .body("options[3].percent", number("0.0"));

        given().queryParam("by", "councilType").get("/api/v1/benchmarks/" + round + "/questions/s3.cancel_meetings")
                .then().statusCode(200)
                .body("base", equalTo(6))
                .body("by", equalTo("councilType"))
                .body("groups.group", equalTo(List.of("Shire County", "London Borough", "Metropolitan District", "Unitary Authority")))
                .body("groups[0].base", equalTo(3))
                .body("groups[0].options[0].percent", number("66.7"))
                .body("groups[1].base", equalTo(0))
                // Metropolitan 2 returns and Unitary 1: each under 3, together 3, so they hide each other
                .body("groups[2].suppressed", equalTo("c"))
                .body("groups[2].base", nullValue())
                .body("groups[3].suppressed", equalTo("c"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "council-viewer")
    @OidcSecurity(claims = @Claim(key = "authority_code", value = KENT))
    void multiChoiceAndNumberQuestionsAndTheReport() {
        String round = employerRound();
        awaitQuestion(round, "s4.safety_support", 4).then()
                .body("type", equalTo("multi"))
                .body("options.find { it.option == 'lone_working' }.count", equalTo(3))
                .body("options.find { it.option == 'lone_working' }.percent", number("75.0"))
                .body("options.find { it.option == 'mobile_phones' }.percent", number("50.0"))
                .body("options.find { it.option == 'other' }.percent", number("25.0"));
        awaitQuestion(round, "s3.average_caseload", 3).then()
                .body("type", equalTo("decimal"))
                .body("mean", number("18.2"))        // 54.5 / 3 = 18.1666…
                .body("median", number("18.0"))
                .body("options", nullValue());
        // 1 return answered: suppressed overall
        awaitQuestion(round, "s3.cancel_meetings", 6);
        given().get("/api/v1/benchmarks/" + round + "/questions/s3.allocation_negotiated").then().statusCode(200)
                .body("suppressed", equalTo("c"))
                .body("base", nullValue())
                .body("options", nullValue());
        given().get("/api/v1/benchmarks/" + round + "/questions/contact.name").then().statusCode(404)
                .body("type", equalTo(Problem.type("not-tabulated")));
        given().get("/api/v1/benchmarks/" + round + "/questions/s9.nothing").then().statusCode(404)
                .body("type", equalTo(Problem.type("unknown-question")));
        given().queryParam("by", "planet").get("/api/v1/benchmarks/" + round + "/questions/s3.cancel_meetings")
                .then().statusCode(400);

        Response report = given().get("/api/v1/reports/" + round);
        report.then().statusCode(200)
                .body("instrument", equalTo("employer-health-check"))
                .body("instrumentVersion", equalTo("2018"))
                .body("returns", equalTo(7));
        List<String> order = report.jsonPath().getList("tables.question");
        assertEquals("s2.posts_fte", order.get(0));
        assertTrue(order.indexOf("s3.average_caseload") < order.indexOf("s3.cancel_meetings"));
        assertTrue(order.indexOf("s3.cancel_meetings") < order.indexOf("s4.safety_support"));
        assertTrue(!order.contains("contact.name"), "free text is not tabulated");

        String csv = given().accept("text/csv").get("/api/v1/reports/" + round).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = new ArrayList<>(List.of(csv.split("\r\n")));
        assertEquals("round,question,type,by,group,base,option,count,percent,low,mean,median,suppressed,reason", lines.get(0));
        assertTrue(lines.contains(round + ",s3.cancel_meetings,single,,England,6,lt_once_week,3,50.0,,,,,"), csv);
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void practitionerSharesPoolRespondentsAndAreSuppressedUnderTen() {
        String round = EventPublisher.unique("practitioner");
        String instrument = "practitioner-survey";
        publish(round, instrument, "2024", HARTLEPOOL, null, null, share("std1.clear_framework", 4, 5), share("std3.workload_control", 2, 3));
        publish(round, instrument, "2024", MIDDLESBROUGH, null, null, share("std1.clear_framework", 3, 4), share("std3.workload_control", 1, 2));
        publish(round, instrument, "2024", REDCAR, null, null, share("std1.clear_framework", 6, 8), share("std3.workload_control", 2, 4));
        Response r = await("/api/v1/benchmarks/" + round + "/questions/std1.clear_framework",
                x -> x.statusCode() == 200 && x.jsonPath().get("base") != null && x.jsonPath().getInt("base") == 17);
        r.then().body("type", equalTo("likert"))
                .body("options[0].option", equalTo("agree"))
                .body("options[0].count", equalTo(13))
                .body("options[0].percent", number("76.5"));
        // 9 respondents in all: suppressed even for the LGA, whose role does not lift the respondent rule
        given().get("/api/v1/benchmarks/" + round + "/questions/std3.workload_control").then().statusCode(200)
                .body("suppressed", equalTo("c"))
                .body("reason", containsString("10 respondents"));
        given().get("/api/v1/benchmarks/" + round + "/indicators/std1.clear_framework").then().statusCode(200)
                .body("national.n", equalTo(0))
                .body("national.pooledN", equalTo(3))
                .body("national.denominator", number("17"))
                .body("national.value", number("76.5"));
        given().get("/api/v1/benchmarks/" + round + "/indicators/std3.workload_control").then().statusCode(200)
                .body("national.suppressed", equalTo("c"));
        given().get("/api/v1/benchmarks/" + round + "/authorities/" + HARTLEPOOL).then().statusCode(200)
                .body("indicators.find { it.indicator == 'std1.clear_framework' }.value", nullValue())
                .body("indicators.find { it.indicator == 'std1.clear_framework' }.suppressed", equalTo("c"));
    }
}
