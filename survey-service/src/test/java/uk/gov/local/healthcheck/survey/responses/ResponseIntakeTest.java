package uk.gov.local.healthcheck.survey.responses;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.survey.testing.RoundRows;
import uk.gov.local.healthcheck.survey.testing.Dates;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
@WithKafkaAndPostgres
class ResponseIntakeTest {

    static final String ANSWERS = "{\"profile.role\":\"social_worker\",\"profile.service\":\"children\",\"std1.clear_framework\":\"agree\"}";

    /** NDJSON travels as bytes: REST Assured has no encoder of its own for application/x-ndjson. */
    static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String response(String id, String authority, String answers) {
        return "{\"responseId\":\"" + id + "\",\"authorityCode\":\"" + authority + "\",\"answers\":" + answers + "}";
    }

    @Test
    @TestSecurity(user = "lga1", roles = "lga-admin")
    void aResponseIsStoredOncePerResponseId() {
        createPractitionerRound("practice-2024");
        String path = "/api/v1/rounds/practice-2024/responses";
        given().contentType(ContentType.JSON).body(response("r-1", "E10000031", ANSWERS)).post(path)
                .then().statusCode(201).body("responseId", equalTo("r-1")).body("answers.'profile.role'", equalTo("social_worker"))
                .body("$", not(hasKey("submittedBy")));
        given().contentType(ContentType.JSON).body(response("r-1", "E10000031", ANSWERS)).post(path)
                .then().statusCode(200).body("responseId", equalTo("r-1"));
        given().contentType(ContentType.JSON).body(response("r-1", "E10000031", ANSWERS.replace("agree", "disagree"))).post(path)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("different answers"));
        given().contentType(ContentType.JSON).body(response("r-2", "E10000031", "{\"profile.role\":\"wizard\"}")).post(path)
                .then().statusCode(422).body("errors.field", contains("profile.role", "profile.service"));
        given().get("/api/v1/rounds/practice-2024").then().statusCode(200).body("counts.responses", equalTo(1));
    }

    @Test
    @TestSecurity(user = "lga1", roles = "lga-admin")
    void aBatchKeepsItsGoodLinesAndSaysWhatHappenedToEachLine() {
        createPractitionerRound("batch-2024");
        String path = "/api/v1/rounds/batch-2024/responses";
        given().contentType(ContentType.JSON).body(response("b-0", "E10000031", ANSWERS)).post(path).then().statusCode(201);
        String ndjson = String.join("\n",
                response("b-1", "E10000031", ANSWERS),                                   // accepted
                response("b-0", "E10000031", ANSWERS),                                   // duplicate of a stored one
                "{\"responseId\":\"b-3\",",                                              // not JSON
                response("b-4", "E10000031", "{\"profile.role\":\"social_worker\"}"),    // missing required
                response("b-5", "E99999999", ANSWERS),                                   // unknown authority
                "",
                response("b-1", "E10000031", ANSWERS),                                   // repeat within the batch
                response("b-7", "E10000006", ANSWERS));                                  // Cumbria did not exist in 2024
        given().contentType("application/x-ndjson").body(bytes(ndjson)).post(path + "/batch").then().statusCode(200)
                .body("accepted", equalTo(1)).body("duplicates", equalTo(2)).body("rejected", equalTo(4))
                .body("results.line", contains(1, 2, 3, 4, 5, 7, 8))
                .body("results.status", contains("accepted", "duplicate", "rejected", "rejected", "rejected", "duplicate", "rejected"))
                .body("results[3].errors.field", contains("profile.service"))
                .body("results[4].errors[0].code", equalTo("unknown"))
                .body("results[6].errors[0].code", equalTo("period"));
        given().get("/api/v1/rounds/batch-2024").then().body("counts.responses", equalTo(2));
        given().contentType("application/x-ndjson").body(bytes("\n\n")).post(path + "/batch").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "council1", roles = "council-submitter")
    @OidcSecurity(claims = @Claim(key = "authority_code", value = "E10000031"))
    void aCouncilSubmitsOnlyForItself() {
        String path = "/api/v1/rounds/council-practice-2024/responses";
        RoundRows.insert("council-practice-2024", "practitioner-survey", "open");
        given().contentType(ContentType.JSON).body(response("c-1", "E09000001", ANSWERS)).post(path).then().statusCode(403);
        given().contentType("application/x-ndjson").body(bytes(response("c-2", "E09000001", ANSWERS) + "\n" + response("c-3", "E10000031", ANSWERS)))
                .post(path + "/batch").then().statusCode(200)
                .body("results.status", contains("rejected", "accepted"))
                .body("results[0].errors[0].code", equalTo("forbidden"));
    }

    @Test
    @TestSecurity(user = "lga1", roles = "lga-admin")
    void closedRoundsRefuseSubmissionsUntilReopenedAndRoundsTakeTheirKindOnly() {
        createPractitionerRound("closing-2024");
        String path = "/api/v1/rounds/closing-2024/responses";
        given().post("/api/v1/rounds/closing-2024/close").then().statusCode(200).body("status", equalTo("closed"));
        given().contentType(ContentType.JSON).body(response("x-1", "E10000031", ANSWERS)).post(path)
                .then().statusCode(409).body("type", containsString("round-closed"));
        given().post("/api/v1/rounds/closing-2024/reopen").then().statusCode(200).body("status", equalTo("open"));
        given().contentType(ContentType.JSON).body(response("x-1", "E10000031", ANSWERS)).post(path).then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"status\":\"draft\",\"answers\":{}}")
                .put("/api/v1/rounds/closing-2024/returns/E10000031").then().statusCode(409)
                .body("type", containsString("wrong-kind-of-round"));
        given().get("/api/v1/rounds").then().body("id", hasItem("closing-2024"));
    }

    private static void createPractitionerRound(String id) {
        given().contentType(ContentType.JSON).body("{\"id\":\"" + id + "\",\"instrument\":\"practitioner-survey\",\"period\":\"2024\","
                + "\"opensOn\":\"" + Dates.OPENS + "\",\"closesOn\":\"" + Dates.CLOSES + "\"}").post("/api/v1/rounds").then().statusCode(201);
    }
}
