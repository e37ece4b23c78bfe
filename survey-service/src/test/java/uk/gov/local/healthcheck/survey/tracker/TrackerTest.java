package uk.gov.local.healthcheck.survey.tracker;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.survey.reference.AuthorityRegister;
import uk.gov.local.healthcheck.survey.security.TestTokens;
import uk.gov.local.healthcheck.survey.testing.Dates;
import uk.gov.local.healthcheck.survey.testing.RoundRows;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.survey.testing.Authorities.WARWICKSHIRE;
import static uk.gov.local.healthcheck.survey.testing.Authorities.BIRMINGHAM;
import static uk.gov.local.healthcheck.survey.testing.Authorities.COVENTRY;
import static uk.gov.local.healthcheck.survey.testing.Authorities.WEST_MIDLANDS;
import static uk.gov.local.healthcheck.survey.security.TestTokens.as;

/** The collection tracker for each role's scope, its filter and its CSV, with real tokens on the real PostgreSQL. */
@QuarkusTest
@WithKafkaAndPostgres
class TrackerTest {

    static final String LGA = TestTokens.lgaAdmin("lga-track");
    static final String VIEWER = TestTokens.councilViewer("viewer-track", WARWICKSHIRE);
    static final String SUBMITTER = TestTokens.councilSubmitter("council-track", BIRMINGHAM);
    static final String RIA = TestTokens.riaAnalyst("ria-track", WEST_MIDLANDS);
    static final String PORTAL = TestTokens.surveyRelay("portal-track");
    static final String COMPLETE = "{\"status\":\"submitted\",\"answers\":{\"staff.headcount\":180,\"staff.fte\":170.5,\"staff.agency_headcount\":20,"
            + "\"staff.agency_fte\":18.5,\"staff.vacancies_fte\":25,\"flows.leavers_fte\":30.2}}";
    static final String ANSWERS = "{\"profile.role\":\"social_worker\",\"profile.service\":\"children\"}";

    @Inject
    AuthorityRegister register;

    /** Warwickshire submitted, Birmingham a draft, Coventry submitted then withdrawn; the rest not started. */
    static void returns(String round) {
        RoundRows.insert(round, "workforce-return", "open");
        String path = "/api/v1/rounds/" + round + "/returns/";
        as(LGA).body(COMPLETE).put(path + WARWICKSHIRE).then().statusCode(200);
        as(LGA).body("{\"status\":\"draft\",\"answers\":{\"staff.headcount\":180}}").put(path + BIRMINGHAM).then().statusCode(200);
        as(LGA).body(COMPLETE).put(path + COVENTRY).then().statusCode(200);
        as(LGA).delete(path + COVENTRY).then().statusCode(200);
    }

    @Test
    void theLgaSeesEveryAuthorityThatExistedInTheRoundsYearWithItsCurrentReturn() {
        returns("track-lga");
        long existed = register.all().stream().filter(a -> a.existedIn(2024)).count();
        long westMidlands = register.all().stream().filter(a -> a.existedIn(2024) && a.regionCode().equals(WEST_MIDLANDS)).count();
        as(LGA).get("/api/v1/rounds/track-lga/tracker").then().statusCode(200).contentType(ContentType.JSON)
                .body("roundId", equalTo("track-lga")).body("kind", equalTo("returns")).body("asAt", notNullValue())
                .body("authorities", hasSize((int) existed))
                .body("authorities.authorityCode", not(hasItem("E10000006")))          // Cumbria: until 2022
                .body("authorities.find { it.authorityCode == '" + WARWICKSHIRE + "' }.status", equalTo("submitted"))
                .body("authorities.find { it.authorityCode == '" + WARWICKSHIRE + "' }.revision", equalTo(1))
                .body("authorities.find { it.authorityCode == '" + WARWICKSHIRE + "' }.submittedAt", notNullValue())
                .body("authorities.find { it.authorityCode == '" + WARWICKSHIRE + "' }.regionName", equalTo("West Midlands"))
                .body("authorities.find { it.authorityCode == '" + BIRMINGHAM + "' }.status", equalTo("draft"))
                .body("authorities.find { it.authorityCode == '" + BIRMINGHAM + "' }.savedAt", notNullValue())
                .body("authorities.find { it.authorityCode == '" + BIRMINGHAM + "' }.submittedAt", nullValue())
                .body("authorities.find { it.authorityCode == '" + COVENTRY + "' }.status", equalTo("withdrawn"))
                .body("authorities.find { it.authorityCode == '" + COVENTRY + "' }.revision", equalTo(2))
                .body("authorities.find { it.authorityCode == 'E09000007' }.status", equalTo("not-started"))
                .body("authorities.find { it.authorityCode == 'E09000007' }.revision", nullValue())
                .body("authorities.responses", everyItem(equalTo(0)))
                .body("totals.authorities", equalTo((int) existed)).body("totals.submitted", equalTo(1))
                .body("totals.drafts", equalTo(1)).body("totals.notStarted", equalTo((int) existed - 3))
                .body("totals.responses", equalTo(0))
                .body("regions.find { it.regionCode == '" + WEST_MIDLANDS + "' }.authorities", equalTo((int) westMidlands))
                .body("regions.find { it.regionCode == '" + WEST_MIDLANDS + "' }.submitted", equalTo(1))
                .body("regions.find { it.regionCode == '" + WEST_MIDLANDS + "' }.drafts", equalTo(1))
                .body("regions.find { it.regionCode == '" + WEST_MIDLANDS + "' }.notStarted", equalTo((int) westMidlands - 3))
                .body("regions.find { it.regionCode == 'E12000007' }.submitted", equalTo(0));
    }

    @Test
    void anRiaSeesItsRegionAndACouncilItself() {
        returns("track-scope");
        long westMidlands = register.all().stream().filter(a -> a.existedIn(2024) && a.regionCode().equals(WEST_MIDLANDS)).count();
        as(RIA).get("/api/v1/rounds/track-scope/tracker").then().statusCode(200)
                .body("authorities", hasSize((int) westMidlands))
                .body("authorities.regionCode", everyItem(equalTo(WEST_MIDLANDS)))
                .body("regions.regionCode", contains(WEST_MIDLANDS)).body("totals.authorities", equalTo((int) westMidlands));
        as(VIEWER).get("/api/v1/rounds/track-scope/tracker").then().statusCode(200)
                .body("authorities.authorityCode", contains(WARWICKSHIRE)).body("authorities[0].status", equalTo("submitted"))
                .body("totals.authorities", equalTo(1)).body("totals.submitted", equalTo(1));
        as(SUBMITTER).get("/api/v1/rounds/track-scope/tracker").then().statusCode(200)
                .body("authorities.authorityCode", contains(BIRMINGHAM)).body("authorities[0].status", equalTo("draft"));
        as(PORTAL).get("/api/v1/rounds/track-scope/tracker").then().statusCode(403);
        as(LGA).get("/api/v1/rounds/no-such-round/tracker").then().statusCode(404).body("type", containsString("unknown-round"));
        as(LGA).queryParam("status", "late").get("/api/v1/rounds/track-scope/tracker").then().statusCode(422)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void notSubmittedKeepsTheAuthoritiesStillToChaseAndCsvHasTheSameRows() {
        returns("track-filter");
        as(RIA).queryParam("status", "not-submitted").get("/api/v1/rounds/track-filter/tracker").then().statusCode(200)
                .body("authorities.authorityCode", not(hasItem(WARWICKSHIRE)))
                .body("authorities.authorityCode", hasItem(BIRMINGHAM)).body("authorities.authorityCode", hasItem(COVENTRY))
                .body("authorities.status", everyItem(not(equalTo("submitted"))))
                .body("totals.submitted", equalTo(1));     // totals count the whole scope, whatever the filter

        String csv = as(RIA).accept("text/csv").get("/api/v1/rounds/track-filter/tracker").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("authorityCode,authorityName,regionCode,regionName,status,revision,savedAt,submittedAt,responses,invitations", lines.get(0));
        long westMidlands = register.all().stream().filter(a -> a.existedIn(2024) && a.regionCode().equals(WEST_MIDLANDS)).count();
        assertEquals(westMidlands + 1, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(WARWICKSHIRE + ",Warwickshire,E12000005,West Midlands,submitted,1,")), csv);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("E06000019,\"Herefordshire, County of\",E12000005,West Midlands,not-started,,,,0,0")), csv);
        String chase = as(RIA).accept("text/csv").queryParam("status", "not-submitted").get("/api/v1/rounds/track-filter/tracker")
                .then().statusCode(200).extract().asString();
        assertTrue(chase.lines().noneMatch(l -> l.startsWith(WARWICKSHIRE)), chase);
        assertEquals(westMidlands, chase.lines().count(), "the header and all but the one submitted");
        // JSON unless CSV is preferred.
        as(RIA).accept("*/*").get("/api/v1/rounds/track-filter/tracker").then().statusCode(200).contentType(ContentType.JSON);
    }

    @Test
    void inAPractitionerRoundAnAuthorityCountsAsSubmittedOnceItHasResponses() {
        RoundRows.insert("track-practice", "practitioner-survey", "open");
        as(LGA).body("{\"responseId\":\"t-1\",\"authorityCode\":\"" + WARWICKSHIRE + "\",\"answers\":" + ANSWERS + "}")
                .post("/api/v1/rounds/track-practice/responses").then().statusCode(201);
        String code = as(LGA).body("{\"authorityCode\":\"" + WARWICKSHIRE + "\",\"expiresOn\":\"" + Dates.CLOSES + "\",\"maxResponses\":5}")
                .post("/api/v1/rounds/track-practice/invitations").then().statusCode(201).extract().path("code");
        as(PORTAL).body("{\"code\":\"" + code + "\",\"responseId\":\"t-2\",\"answers\":" + ANSWERS + "}")
                .post("/api/v1/invitations/responses").then().statusCode(201);
        as(LGA).body("{\"authorityCode\":\"" + BIRMINGHAM + "\",\"expiresOn\":\"" + Dates.CLOSES + "\",\"maxResponses\":5}")
                .post("/api/v1/rounds/track-practice/invitations").then().statusCode(201);
        as(RIA).get("/api/v1/rounds/track-practice/tracker").then().statusCode(200)
                .body("kind", equalTo("responses"))
                .body("authorities.find { it.authorityCode == '" + WARWICKSHIRE + "' }.status", equalTo("submitted"))
                .body("authorities.find { it.authorityCode == '" + WARWICKSHIRE + "' }.responses", equalTo(2))
                .body("authorities.find { it.authorityCode == '" + WARWICKSHIRE + "' }.invitations", equalTo(1))
                .body("authorities.find { it.authorityCode == '" + WARWICKSHIRE + "' }.revision", nullValue())
                .body("authorities.find { it.authorityCode == '" + WARWICKSHIRE + "' }.submittedAt", notNullValue())
                .body("authorities.find { it.authorityCode == '" + BIRMINGHAM + "' }.status", equalTo("not-started"))
                .body("authorities.find { it.authorityCode == '" + BIRMINGHAM + "' }.invitations", equalTo(1))
                .body("totals.responses", equalTo(2)).body("totals.submitted", equalTo(1))
                .body("regions[0].responses", equalTo(2));
        as(RIA).queryParam("status", "not-submitted").get("/api/v1/rounds/track-practice/tracker").then().statusCode(200)
                .body("authorities.authorityCode", not(hasItem(WARWICKSHIRE))).body("authorities.authorityCode", hasItem(BIRMINGHAM));
    }
}
