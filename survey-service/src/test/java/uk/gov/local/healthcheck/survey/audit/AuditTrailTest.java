package uk.gov.local.healthcheck.survey.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.survey.security.TestTokens;
import uk.gov.local.healthcheck.survey.testing.Dates;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@WithKafkaAndPostgres
class AuditTrailTest {

    static final String LGA = TestTokens.token("lga-subject", List.of("lga-admin"), Map.of());
    static final String COUNCIL = TestTokens.token("hr-system-subject", List.of("council-submitter"), Map.of("authority_code", "E06000001"));
    static final String RETURN = "{\"status\":\"submitted\",\"answers\":{\"staff.headcount\":180,\"staff.fte\":170.5,\"staff.agency_headcount\":20,"
            + "\"staff.agency_fte\":18.5,\"staff.vacancies_fte\":25,\"flows.leavers_fte\":30.2}}";

    @Test
    void everyWriteIsRecordedWithWhoWhatWhichAuthorityWhenAndTheOutcome() {
        OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
        given().auth().oauth2(LGA).contentType(ContentType.JSON).body("{\"id\":\"audit-2024\",\"instrument\":\"workforce-return\","
                + "\"period\":\"2024\",\"opensOn\":\"" + Dates.OPENS + "\",\"closesOn\":\"" + Dates.CLOSES + "\"}").post("/api/v1/rounds").then().statusCode(201);
        given().auth().oauth2(COUNCIL).contentType(ContentType.JSON).body(RETURN)
                .put("/api/v1/rounds/audit-2024/returns/E06000001").then().statusCode(200);
        given().auth().oauth2(COUNCIL).contentType(ContentType.JSON).body(RETURN.replace("170.5", "200"))
                .put("/api/v1/rounds/audit-2024/returns/E06000001").then().statusCode(422);
        given().auth().oauth2(COUNCIL).contentType(ContentType.JSON).body(RETURN)
                .put("/api/v1/rounds/audit-2024/returns/E06000002").then().statusCode(403);

        given().auth().oauth2(LGA).queryParam("authority", "E06000001").queryParam("from", start.toString())
                .get("/api/v1/audit").then().statusCode(200)
                .body("action", contains("return.put", "return.put"))
                .body("status", contains(422, 200))
                .body("subject", everyItem(equalTo("hr-system-subject")))
                .body("clientId", everyItem(equalTo("test-client")))
                .body("[1].detail", equalTo("revision 1, submitted"));
        given().auth().oauth2(LGA).queryParam("authority", "E06000002").get("/api/v1/audit").then().statusCode(200)
                .body("status", contains(403)).body("method", contains("PUT"));
        given().auth().oauth2(LGA).queryParam("from", start.toString()).get("/api/v1/audit").then()
                .body("action", hasItem("round.create"));
    }

    @Test
    void practitionerResponsesAreAuditedByTheSubmittingSystemOnly() {
        given().auth().oauth2(LGA).contentType(ContentType.JSON).body("{\"id\":\"audit-practice\",\"instrument\":\"practitioner-survey\","
                + "\"period\":\"2024\",\"opensOn\":\"" + Dates.OPENS + "\",\"closesOn\":\"" + Dates.CLOSES + "\"}").post("/api/v1/rounds").then().statusCode(201);
        given().auth().oauth2(COUNCIL).contentType(ContentType.JSON)
                .body("{\"responseId\":\"anon-1\",\"authorityCode\":\"E06000001\",\"answers\":{\"profile.role\":\"social_worker\",\"profile.service\":\"children\"}}")
                .post("/api/v1/rounds/audit-practice/responses").then().statusCode(201);
        given().auth().oauth2(LGA).queryParam("authority", "E06000001").get("/api/v1/audit").then().statusCode(200)
                .body("[0].action", equalTo("response.submit"))
                .body("[0].subject", equalTo("hr-system-subject"))
                .body("[0].path", equalTo("/api/v1/rounds/audit-practice/responses"))
                .body(not(containsString("social_worker")));   // nothing of the answers, nothing of the respondent
    }

    @Test
    void onlyTheLgaReadsTheTrailAndBadFiltersAreNamed() {
        given().auth().oauth2(COUNCIL).get("/api/v1/audit").then().statusCode(403);
        given().auth().oauth2(LGA).queryParam("from", "yesterday").queryParam("limit", 0).get("/api/v1/audit").then().statusCode(400)
                .body("errors.field", contains("from", "limit"));
    }
}
