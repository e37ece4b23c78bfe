package uk.gov.local.healthcheck.survey.rounds;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.survey.security.TestTokens;
import uk.gov.local.healthcheck.survey.testing.Dates;
import uk.gov.local.healthcheck.survey.testing.RoundRows;
import uk.gov.local.healthcheck.survey.testing.Rows;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.local.healthcheck.survey.testing.Authorities.WARWICKSHIRE;
import static uk.gov.local.healthcheck.survey.security.TestTokens.as;

/**
 * A round takes submissions only while open and between its opensOn and closesOn (London time), both included; the
 * LGA extends it to take late ones. Real tokens signed by the tests' key, on the real PostgreSQL.
 */
@QuarkusTest
@WithKafkaAndPostgres
class RoundDatesTest {

    static final String LGA = TestTokens.lgaAdmin("lga-dates");
    static final String COUNCIL = TestTokens.councilSubmitter("council-dates", WARWICKSHIRE);
    static final String DRAFT = "{\"status\":\"draft\",\"answers\":{\"staff.headcount\":180}}";
    static final String ANSWERS = "{\"profile.role\":\"social_worker\",\"profile.service\":\"children\"}";

    static final LocalDate TODAY = Dates.today();

    static String response(String id) {
        return "{\"responseId\":\"" + id + "\",\"authorityCode\":\"" + WARWICKSHIRE + "\",\"answers\":" + ANSWERS + "}";
    }

    @Test
    void aRoundBeforeItsOpeningDateRefusesEveryKindOfSubmissionNamingTheDate() {
        LocalDate opens = TODAY.plusDays(35);
        RoundRows.insert("dates-early", "workforce-return", "open", opens, opens.plusMonths(3));
        RoundRows.insert("dates-early-practice", "practitioner-survey", "open", opens, opens.plusMonths(3));
        as(COUNCIL).body(DRAFT).put("/api/v1/rounds/dates-early/returns/" + WARWICKSHIRE).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://healthcheck.local.gov.uk/problems/round-not-yet-open"))
                .body("detail", containsString("Round dates-early opens on " + opens));
        as(COUNCIL).body(response("early-1")).post("/api/v1/rounds/dates-early-practice/responses").then().statusCode(409)
                .body("type", containsString("round-not-yet-open"));
        given().auth().oauth2(COUNCIL).contentType("application/x-ndjson").body(response("early-2").getBytes())
                .post("/api/v1/rounds/dates-early-practice/responses/batch").then().statusCode(409)
                .body("type", containsString("round-not-yet-open"));
        assertEquals(0, Rows.count("select count(*) from practitioner_response where round_id = ?", "dates-early-practice"));
        as(COUNCIL).get("/api/v1/rounds/dates-early").then().statusCode(200)
                .body("status", equalTo("open")).body("acceptingSubmissions", equalTo(false))
                .body("daysLeft", nullValue()).body("kind", equalTo("returns"));
        as(COUNCIL).get("/api/v1/rounds/dates-early-practice").then().body("kind", equalTo("responses"));
    }

    @Test
    void aRoundTakesSubmissionsOnItsClosingDayAndRefusesThemTheDayAfter() {
        RoundRows.insert("dates-last-day", "workforce-return", "open", TODAY.minusMonths(1), TODAY);
        RoundRows.insert("dates-past", "workforce-return", "open", TODAY.minusMonths(1), TODAY.minusDays(1));
        RoundRows.insert("dates-past-practice", "practitioner-survey", "open", TODAY.minusMonths(1), TODAY.minusDays(1));

        as(COUNCIL).body(DRAFT).put("/api/v1/rounds/dates-last-day/returns/" + WARWICKSHIRE).then().statusCode(200);
        String closesAt = as(COUNCIL).get("/api/v1/rounds/dates-last-day").then().statusCode(200)
                .body("acceptingSubmissions", equalTo(true)).body("daysLeft", equalTo(0))
                .extract().path("closesAt");
        assertEquals(TODAY.plusDays(1).atStartOfDay(Dates.LONDON).toInstant(), OffsetDateTime.parse(closesAt).toInstant(),
                "submissions stop at the start of the day after closesOn, London time");

        as(COUNCIL).body(DRAFT).put("/api/v1/rounds/dates-past/returns/" + WARWICKSHIRE).then().statusCode(409)
                .body("type", equalTo("https://healthcheck.local.gov.uk/problems/round-closed"))
                .body("detail", containsString("closed at the end of " + TODAY.minusDays(1) + " (London time); the LGA can extend it"));
        as(COUNCIL).body(response("past-1")).post("/api/v1/rounds/dates-past-practice/responses").then().statusCode(409)
                .body("type", containsString("round-closed"));
        as(LGA).get("/api/v1/rounds/dates-past").then().body("status", equalTo("open"))
                .body("acceptingSubmissions", equalTo(false)).body("daysLeft", nullValue());
    }

    @Test
    void aCouncilCannotWithdrawAfterTheClosingDate() {
        RoundRows.insert("dates-withdraw", "workforce-return", "open", TODAY.minusMonths(1), TODAY.plusDays(3));
        as(COUNCIL).body(DRAFT).put("/api/v1/rounds/dates-withdraw/returns/" + WARWICKSHIRE).then().statusCode(200);
        as(COUNCIL).get("/api/v1/rounds/dates-withdraw").then().body("daysLeft", equalTo(3));
        Rows.count("with u as (update round set closes_on = ? where id = 'dates-withdraw' returning 1) select count(*) from u",
                java.sql.Date.valueOf(TODAY.minusDays(1)));
        as(COUNCIL).delete("/api/v1/rounds/dates-withdraw/returns/" + WARWICKSHIRE).then().statusCode(409)
                .body("type", containsString("round-closed"));
    }

    @Test
    void theLgaExtendsAClosedRoundWhichThenTakesSubmissionsAndTheExtensionIsAudited() {
        RoundRows.insert("dates-extend", "workforce-return", "closed", TODAY.minusMonths(2), TODAY.minusDays(2));
        as(COUNCIL).body(DRAFT).put("/api/v1/rounds/dates-extend/returns/" + WARWICKSHIRE).then().statusCode(409);
        LocalDate newDate = TODAY.plusDays(10);
        as(LGA).body("{\"closesOn\":\"" + newDate + "\"}").post("/api/v1/rounds/dates-extend/extend").then().statusCode(200)
                .body("closesOn", equalTo(newDate.toString())).body("status", equalTo("open"))
                .body("acceptingSubmissions", equalTo(true)).body("daysLeft", equalTo(10));
        as(COUNCIL).body(DRAFT).put("/api/v1/rounds/dates-extend/returns/" + WARWICKSHIRE).then().statusCode(200);
        assertEquals(1, Rows.count("select count(*) from audit_entry where action = 'round.extend' and path = ? and status = 200"
                + " and subject = 'lga-dates'", "/api/v1/rounds/dates-extend/extend"));
        // Extending to today is allowed: the round takes submissions to the end of the day.
        as(LGA).body("{\"closesOn\":\"" + TODAY + "\"}").post("/api/v1/rounds/dates-extend/extend").then().statusCode(200)
                .body("daysLeft", equalTo(0));
    }

    @Test
    void anExtensionNamesClosesOnWhenMissingMalformedBeforeOpeningOrBeforeToday() {
        RoundRows.insert("dates-bad-extend", "workforce-return", "open", TODAY.minusDays(5), TODAY.plusDays(5));
        String path = "/api/v1/rounds/dates-bad-extend/extend";
        as(LGA).body("{}").post(path).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("closesOn")).body("errors[0].code", equalTo("required"));
        as(LGA).body("{\"closesOn\":\"31/03/2027\"}").post(path).then().statusCode(422)
                .body("errors[0].field", equalTo("closesOn")).body("errors[0].code", equalTo("format"));
        as(LGA).body("{\"closesOn\":\"" + TODAY.minusDays(1) + "\"}").post(path).then().statusCode(422)
                .body("errors[0].field", equalTo("closesOn")).body("errors[0].message", containsString("before today"));
        as(LGA).body("{\"closesOn\":\"" + TODAY.plusDays(1) + "\",\"opensOn\":\"x\"}").post(path).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("opensOn"));
        RoundRows.insert("dates-future-extend", "workforce-return", "open", TODAY.plusDays(20), TODAY.plusDays(40));
        as(LGA).body("{\"closesOn\":\"" + TODAY.plusDays(10) + "\"}").post("/api/v1/rounds/dates-future-extend/extend")
                .then().statusCode(422).body("errors[0].field", equalTo("closesOn"))
                .body("errors[0].message", containsString("before the round opens"));
        as(LGA).body("{\"closesOn\":\"" + TODAY.plusDays(1) + "\"}").post("/api/v1/rounds/no-such-round/extend").then().statusCode(404);
        as(COUNCIL).body("{\"closesOn\":\"" + TODAY.plusDays(1) + "\"}").post(path).then().statusCode(403);
        as(LGA).get("/api/v1/rounds/dates-bad-extend").then().body("closesOn", equalTo(TODAY.plusDays(5).toString()));
        assertEquals(5, Rows.count("select count(*) from audit_entry where action = 'round.extend' and path = ? and status in (403, 422)", path),
                "every refused extension is audited too");
    }

    @Test
    void closingEarlyRefusesWithinTheDatesAndReopeningTakesSubmissionsAgain() {
        RoundRows.insert("dates-close-early", "workforce-return", "open", TODAY.minusDays(5), TODAY.plusDays(5));
        as(LGA).post("/api/v1/rounds/dates-close-early/close").then().statusCode(200).body("status", equalTo("closed"))
                .body("acceptingSubmissions", equalTo(false));
        as(COUNCIL).body(DRAFT).put("/api/v1/rounds/dates-close-early/returns/" + WARWICKSHIRE).then().statusCode(409)
                .body("type", containsString("round-closed")).body("detail", containsString("is closed"));
        as(LGA).post("/api/v1/rounds/dates-close-early/reopen").then().statusCode(200).body("acceptingSubmissions", equalTo(true));
        as(COUNCIL).body(DRAFT).put("/api/v1/rounds/dates-close-early/returns/" + WARWICKSHIRE).then().statusCode(200);
        // Reopening a round past its closing date leaves it refusing: the dates still apply.
        RoundRows.insert("dates-reopen-past", "workforce-return", "closed", TODAY.minusDays(9), TODAY.minusDays(3));
        as(LGA).post("/api/v1/rounds/dates-reopen-past/reopen").then().statusCode(200).body("status", equalTo("open"))
                .body("acceptingSubmissions", equalTo(false));
        as(COUNCIL).body(DRAFT).put("/api/v1/rounds/dates-reopen-past/returns/" + WARWICKSHIRE).then().statusCode(409)
                .body("type", containsString("round-closed"));
    }
}
