package uk.gov.local.healthcheck.benchmark.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.api.problems.Problem;
import uk.gov.local.healthcheck.benchmark.support.WithKafkaAndPostgres;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.benchmark.api.BenchmarkApiTest.number;
import static uk.gov.local.healthcheck.benchmark.api.DisclosureAndAccessApiTest.AGENCY;
import static uk.gov.local.healthcheck.benchmark.api.DisclosureAndAccessApiTest.CAMDEN;
import static uk.gov.local.healthcheck.benchmark.api.DisclosureAndAccessApiTest.HARTLEPOOL;
import static uk.gov.local.healthcheck.benchmark.api.DisclosureAndAccessApiTest.MIDDLESBROUGH;
import static uk.gov.local.healthcheck.benchmark.api.DisclosureAndAccessApiTest.REDCAR;
import static uk.gov.local.healthcheck.benchmark.api.DisclosureAndAccessApiTest.STOCKTON;
import static uk.gov.local.healthcheck.benchmark.api.DisclosureAndAccessApiTest.TURNOVER;
import static uk.gov.local.healthcheck.benchmark.api.DisclosureAndAccessApiTest.await;
import static uk.gov.local.healthcheck.benchmark.api.DisclosureAndAccessApiTest.history;
import static uk.gov.local.healthcheck.benchmark.api.DisclosureAndAccessApiTest.publish;
import static uk.gov.local.healthcheck.benchmark.api.EventPublisher.share;

/**
 * A region's table ({@code GET /api/v1/benchmarks/{roundId}/regions/{regionCode}}), on the data and the publisher
 * of {@link DisclosureAndAccessApiTest}: the same figures as each authority's comparison, who is shown, errors, CSV.
 */
@QuarkusTest
@WithKafkaAndPostgres
class RegionTableApiTest {

    static final String NORTH_EAST = "E12000001", LONDON = "E12000007", DARLINGTON = "E06000005";
    /** An authority's own figures as both answers give them. */
    static final List<String> FIGURE_FIELDS = List.of("value", "suppressed", "reason", "missingReason", "band",
            "rankRegion", "rankedRegion", "rankEngland", "rankedEngland", "low");

    @BeforeAll
    static void compareNumbersExactly() {
        DisclosureAndAccessApiTest.compareNumbersExactly();
    }

    static String path(String round, String region) {
        return "/api/v1/benchmarks/" + round + "/regions/" + region;
    }

    /** Each authority's figures and the region's and England's equal those of its comparison, indicator by indicator. */
    static void assertSameAsComparisons(String round, String region, List<String> authorities) {
        Response table = given().get(path(round, region));
        table.then().statusCode(200);
        List<String> indicators = table.jsonPath().getList("indicators.indicator");
        for (String code : authorities) {
            Response comparison = given().get("/api/v1/benchmarks/" + round + "/authorities/" + code);
            comparison.then().statusCode(200);
            assertEquals(indicators, comparison.jsonPath().getList("indicators.indicator"), "indicator order");
            for (String indicator : indicators) {
                String where = code + " " + indicator;
                Map<String, Object> compared = comparison.jsonPath()
                        .getMap("indicators.find { it.indicator == '" + indicator + "' }");
                Map<String, Object> figure = table.jsonPath().getMap("authorities.find { it.code == '" + code
                        + "' }.figures.find { it.indicator == '" + indicator + "' }");
                assertNotNull(figure, where);
                for (String field : FIGURE_FIELDS) {
                    Object expected = compared.get(field);
                    if ("low".equals(field) && expected != null) {
                        // the comparison lists every low figure of its row; the table's figure only the value's
                        expected = ((List<?>) expected).contains("value") ? List.of("value") : null;
                    }
                    assertEquals(expected, figure.get(field), where + " " + field);
                }
                Map<String, Object> column = table.jsonPath().getMap("indicators.find { it.indicator == '"
                        + indicator + "' }");
                assertEquals(compared.get("region"), column.get("region"), where + " region");
                assertEquals(compared.get("england"), column.get("england"), where + " england");
            }
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void theLgaSeesEveryAuthorityWithTheFiguresOfItsComparison() {
        String[] rounds = history();
        Response r = given().get(path(rounds[2], NORTH_EAST));
        r.then().statusCode(200)
                .body("round", equalTo(rounds[2]))
                .body("period", equalTo("2024"))
                .body("region.code", equalTo(NORTH_EAST))
                .body("region.name", equalTo("North East"))
                .body("indicators.indicator", equalTo(List.of(AGENCY, TURNOVER)))
                .body("withheld", equalTo(0))
                .body("authorities.visible", everyItem(equalTo(true)))
                .body("indicators[1].polarity", equalTo("lower-is-better"))
                .body("indicators[1].unit", equalTo("percent"))
                .body("indicators[1].region.value", number("25.0"))
                .body("indicators[1].region.n", equalTo(4))
                .body("indicators[1].england.value", number("30.7"))
                .body("authorities.find { it.code == '" + DARLINGTON + "' }.figures[0].missingReason",
                        equalTo("not reported in this round"));
        List<String> names = r.jsonPath().getList("authorities.name");
        assertEquals(names.stream().sorted().toList(), names, "by name");
        assertTrue(names.contains("Hartlepool") && names.contains("Sunderland"), names.toString());
        String t = "authorities.find { it.code == '" + HARTLEPOOL + "' }.";
        r.then().body(t + "name", equalTo("Hartlepool"))
                .body(t + "councilType", equalTo("Unitary Authority"))
                .body(t + "figures[1].indicator", equalTo(TURNOVER))
                .body(t + "figures[1].value", number("10.0"))
                .body(t + "figures[1].band", equalTo("A"))
                .body(t + "figures[1].rankRegion", equalTo(1))
                .body(t + "figures[1].rankedRegion", equalTo(4))
                .body(t + "figures[1].rankEngland", equalTo(2))
                .body(t + "figures[1].rankedEngland", equalTo(7));
        assertSameAsComparisons(rounds[2], NORTH_EAST, List.of(HARTLEPOOL, MIDDLESBROUGH, REDCAR, STOCKTON, DARLINGTON));
        assertSameAsComparisons(rounds[2], LONDON, List.of(CAMDEN));

        // ?indicator= keeps only those, in the table's order
        given().queryParam("indicator", TURNOVER).get(path(rounds[2], NORTH_EAST)).then().statusCode(200)
                .body("indicators.indicator", equalTo(List.of(TURNOVER)))
                .body(t + "figures", hasSize(1))
                .body(t + "figures[0].value", number("10.0"));
        given().queryParam("indicator", TURNOVER, AGENCY).get(path(rounds[2], NORTH_EAST)).then().statusCode(200)
                .body("indicators.indicator", equalTo(List.of(AGENCY, TURNOVER)));
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void practitionerFiguresUnderTenRespondentsAreWithheldAsInTheComparison() {
        String round = EventPublisher.unique("practitioner");
        String instrument = "practitioner-survey";
        publish(round, instrument, "2024", HARTLEPOOL, null, null, share("std1.clear_framework", 4, 5));
        publish(round, instrument, "2024", MIDDLESBROUGH, null, null, share("std1.clear_framework", 9, 12));
        publish(round, instrument, "2024", REDCAR, null, null, share("std1.clear_framework", 6, 8));
        publish(round, instrument, "2024", STOCKTON, null, null, share("std1.clear_framework", 10, 15));
        await("/api/v1/benchmarks/" + round + "/indicators/std1.clear_framework",
                x -> x.statusCode() == 200 && Integer.valueOf(4).equals(x.jsonPath().get("national.pooledN")));
        String f = "authorities.find { it.code == '" + HARTLEPOOL + "' }.figures[0].";
        given().get(path(round, NORTH_EAST)).then().statusCode(200)
                .body(f + "value", nullValue())
                .body(f + "suppressed", equalTo("c"))
                .body(f + "reason", containsString("10 respondents"))
                .body("authorities.find { it.code == '" + MIDDLESBROUGH + "' }.figures[0].value", number("75.0"));
        assertSameAsComparisons(round, NORTH_EAST, List.of(HARTLEPOOL, MIDDLESBROUGH, REDCAR, STOCKTON));
    }

    @Test
    @TestSecurity(user = "ria", roles = "ria-analyst")
    @OidcSecurity(claims = @Claim(key = "region_code", value = LONDON))
    void anRiaOfAnotherRegionSeesOnlyTheAuthoritiesThatConsented() {
        String[] rounds = history();
        Response r = given().get(path(rounds[2], NORTH_EAST));
        r.then().statusCode(200);
        List<String> visible = r.jsonPath().getList("authorities.findAll { it.visible }.code");
        assertEquals(List.of(REDCAR, STOCKTON), visible);     // consented; Middlesbrough's consent is unknown
        int listed = r.jsonPath().getList("authorities").size();
        r.then().body("withheld", equalTo(listed - 2))
                .body("authorities.find { it.code == '" + HARTLEPOOL + "' }.name", equalTo("Hartlepool"))
                .body("authorities.find { it.code == '" + HARTLEPOOL + "' }.visible", equalTo(false))
                .body("authorities.find { it.code == '" + HARTLEPOOL + "' }.figures", nullValue())
                .body("authorities.find { it.code == '" + MIDDLESBROUGH + "' }.figures", nullValue())
                .body("authorities.find { it.code == '" + STOCKTON + "' }.figures[1].value", number("40.0"))
                .body("indicators[1].region.value", number("25.0"));
        // its own region: every authority
        given().get(path(rounds[2], LONDON)).then().statusCode(200)
                .body("withheld", equalTo(0))
                .body("authorities.find { it.code == '" + CAMDEN + "' }.figures[1].value", number("5.0"));

        String csv = given().accept("text/csv").get(path(rounds[2], NORTH_EAST)).then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains(",authority," + HARTLEPOOL + ",Hartlepool,Unitary Authority,false,turnover_rate,"
                + "lower-is-better,percent,,,,,,,,,,,\r\n"), csv);
    }

    @Test
    @TestSecurity(user = "ria", roles = "ria-analyst")
    @OidcSecurity(claims = @Claim(key = "region_code", value = NORTH_EAST))
    void theCsvHasEnglandAndTheRegionThenOneRowPerAuthorityAndIndicator() {
        String[] rounds = history();
        String csv = given().accept("text/csv").get(path(rounds[2], NORTH_EAST)).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertEquals("round,period,region_code,row,code,name,council_type,visible,indicator,polarity,unit,n,value,"
                + "suppressed,reason,missing_reason,band,rank_region,ranked_region,rank_england,ranked_england,low",
                lines.get(0));
        String prefix = rounds[2] + ",2024," + NORTH_EAST + ",";
        assertEquals(prefix + "england,E92000001,England,,true,agency_rate,lower-is-better,percent,7,4.7,,,,,,,,,",
                lines.get(1));
        assertTrue(lines.contains(prefix + "region,E12000001,North East,,true,turnover_rate,lower-is-better,"
                + "percent,4,25.0,,,,,,,,,"), csv);
        assertTrue(lines.contains(prefix + "authority,E06000001,Hartlepool,Unitary Authority,true,turnover_rate,"
                + "lower-is-better,percent,,10.0,,,,A,1,4,2,7,"), csv);
        int authorities = given().get(path(rounds[2], NORTH_EAST)).jsonPath().getList("authorities").size();
        assertEquals(1 + 2 * 2 + authorities * 2, lines.size(), csv);
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void unknownRegionRoundOrIndicatorAreProblems() {
        String[] rounds = history();
        given().get(path(rounds[2], "E12999999")).then().statusCode(404)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("type", equalTo(Problem.type("unknown-region")))
                .body("detail", containsString(LONDON));
        given().get(path(rounds[2], "E13000001")).then().statusCode(404)      // a London sub-region, not an E12
                .body("type", equalTo(Problem.type("unknown-region")));
        given().get(path("no-such-round", NORTH_EAST)).then().statusCode(404)
                .body("type", equalTo(Problem.type("no-benchmark-data")));
        given().get(path(rounds[2], "E12000009")).then().statusCode(404)      // no South West authority reported
                .body("type", equalTo(Problem.type("no-benchmark-data")));
        given().queryParam("indicator", TURNOVER, "no_such_rate").get(path(rounds[2], NORTH_EAST)).then()
                .statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("errors.field", equalTo(List.of("indicator")))
                .body("errors[0].message", containsString("no_such_rate"));
        given().queryParam("indicator", "not an id!").get(path(rounds[2], NORTH_EAST)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("indicator")));
        given().get(path(rounds[2], "not a code")).then().statusCode(400)
                .body("errors.field", equalTo(List.of("regionCode")));
    }

    @Test
    @TestSecurity(user = "someone", roles = "guest")
    void otherRolesAre403() {
        given().get(path("r", NORTH_EAST)).then().statusCode(403).contentType(startsWith(Problem.MEDIA_TYPE))
                .body("detail", containsString("ria-analyst"));
    }

    @Test
    void noTokenIs401() {
        given().get(path("r", NORTH_EAST)).then().statusCode(401);
    }
}
