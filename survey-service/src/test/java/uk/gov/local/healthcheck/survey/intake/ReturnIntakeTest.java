package uk.gov.local.healthcheck.survey.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.events.EventEnvelope;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.ReturnAccepted;
import uk.gov.local.healthcheck.events.ReturnWithdrawn;
import uk.gov.local.healthcheck.survey.testing.RoundRows;
import uk.gov.local.healthcheck.survey.testing.SubmissionsTopic;
import uk.gov.local.healthcheck.survey.testing.Dates;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Returns through the REST API into the real PostgreSQL, and out through the outbox to a real Kafka broker.
 * Identity comes from @TestSecurity here; real tokens from the real Keycloak are exercised by the platform test in deploy/.
 */
@QuarkusTest
@WithKafkaAndPostgres
class ReturnIntakeTest {

    static final String WARWICKSHIRE = "E10000031";
    static final String COMPLETE = """
            {"status":"submitted","answers":{"staff.headcount":180,"staff.fte":170.5,"staff.agency_headcount":20,
             "staff.agency_fte":18.5,"staff.vacancies_fte":25,"flows.leavers_fte":30.2,"flows.absence_days":{"missing":"x"}}}""";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    @TestSecurity(user = "lga1", roles = "lga-admin")
    void submittedReturnIsStoredAndPublishedOncePerRevision() {
        createRound("flow-2024", "2024");
        SubmissionsTopic topic = new SubmissionsTopic(kafka);
        String path = "/api/v1/rounds/flow-2024/returns/" + WARWICKSHIRE;

        given().contentType(ContentType.JSON).body(COMPLETE).put(path).then().statusCode(200)
                .body("revision", equalTo(1)).body("status", equalTo("submitted"))
                .body("authorityName", equalTo("Warwickshire"))
                .body("answers.'staff.fte'", equalTo(170.5f))
                .body("answers.'flows.absence_days'.missing", equalTo("x"))
                .body("missing", empty());
        // The same body again is a no-op: same revision, no new event.
        given().contentType(ContentType.JSON).body(COMPLETE).put(path).then().statusCode(200).body("revision", equalTo(1));
        given().contentType(ContentType.JSON).body(COMPLETE.replace("30.2", "31")).put(path).then().statusCode(200)
                .body("revision", equalTo(2));

        List<ConsumerRecord<String, String>> events = topic.readUntil(records -> records.size() >= 2, "rounds/flow-2024/");
        topic.drainFor(Duration.ofSeconds(2), "rounds/flow-2024/", events);
        assertEquals(2, events.size(), "one event per accepted revision, none for the repeat: " + events);
        EventEnvelope<ReturnAccepted> first = EventJson.read(events.get(0).value(), ReturnAccepted.class);
        EventEnvelope<ReturnAccepted> second = EventJson.read(events.get(1).value(), ReturnAccepted.class);
        assertEquals(WARWICKSHIRE, events.get(0).key());
        assertEquals(ReturnAccepted.TYPE, first.type());
        assertEquals("/survey-service", first.source());
        assertEquals("rounds/flow-2024/returns/" + WARWICKSHIRE, first.subject());
        assertEquals(List.of(1, 2), List.of(first.data().revision(), second.data().revision()));
        assertEquals("2024", first.data().period());
        assertEquals(new BigDecimal("170.5"), first.data().answers().get("staff.fte"));
        assertEquals(Map.of("missing", "x"), first.data().answers().get("flows.absence_days"));
        assertEquals(new BigDecimal("31"), new BigDecimal(second.data().answers().get("flows.leavers_fte").toString()));

        given().get(path + "/revisions").then().statusCode(200).body("revision", contains(1, 2));
        given().get("/api/v1/rounds/flow-2024").then().statusCode(200).body("counts.submitted", equalTo(1));

        // Withdrawal is a new revision and a retraction event.
        given().delete(path).then().statusCode(200).body("status", equalTo("withdrawn")).body("revision", equalTo(3));
        List<ConsumerRecord<String, String>> more = topic.readUntil(records -> !records.isEmpty(), "rounds/flow-2024/");
        EventEnvelope<ReturnWithdrawn> withdrawn = EventJson.read(more.get(0).value(), ReturnWithdrawn.class);
        assertEquals(ReturnWithdrawn.TYPE, withdrawn.type());
        assertEquals(3, withdrawn.data().revision());
        topic.close();
    }

    @Test
    @TestSecurity(user = "council1", roles = "council-submitter")
    @OidcSecurity(claims = @Claim(key = "authority_code", value = WARWICKSHIRE))
    void aCouncilSubmitsADraftThatListsWhatIsMissing() {
        asAdminCreateRoundIfAbsent();
        given().contentType(ContentType.JSON).body("{\"status\":\"draft\",\"answers\":{\"staff.headcount\":180}}")
                .put("/api/v1/rounds/council-2024/returns/" + WARWICKSHIRE).then().statusCode(200)
                .body("status", equalTo("draft"))
                .body("missing", contains("staff.fte", "staff.agency_headcount", "staff.agency_fte", "staff.vacancies_fte", "flows.leavers_fte"));
    }

    @Test
    @TestSecurity(user = "council1", roles = "council-submitter")
    @OidcSecurity(claims = @Claim(key = "authority_code", value = WARWICKSHIRE))
    void aCouncilCannotSubmitForAnotherAuthority() {
        asAdminCreateRoundIfAbsent();
        given().contentType(ContentType.JSON).body(COMPLETE).put("/api/v1/rounds/council-2024/returns/E09000001")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("E10000031 only"));
        given().contentType(ContentType.JSON).body("{\"id\":\"x-2024\",\"instrument\":\"workforce-return\",\"period\":\"2024\","
                        + "\"opensOn\":\"" + Dates.OPENS + "\",\"closesOn\":\"" + Dates.CLOSES + "\"}")
                .post("/api/v1/rounds").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "lga1", roles = "lga-admin")
    void invalidReturnsAreRefusedWithEveryProblemNamedAndNothingStored() {
        createRound("invalid-2024", "2024");
        String path = "/api/v1/rounds/invalid-2024/returns/" + WARWICKSHIRE;
        given().contentType(ContentType.JSON)
                .body("{\"status\":\"submitted\",\"answers\":{\"staff.headcount\":\"180\",\"staff.fte\":-3,\"staff.bogus\":1}}")
                .put(path).then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("/problems/validation")).body("status", equalTo(422))
                .body("errors.field", hasItem("staff.headcount"))
                .body("errors.field", hasItem("staff.fte"))
                .body("errors.field", hasItem("staff.bogus"))
                .body("errors.field", hasItem("flows.leavers_fte"));
        given().contentType(ContentType.JSON).body(COMPLETE.replace("\"staff.fte\":170.5", "\"staff.fte\":190"))
                .put(path).then().statusCode(422)
                .body("errors[0].field", equalTo("staff.fte")).body("errors[0].code", equalTo("rule"))
                .body("errors[0].message", containsString("staff.fte (190) exceeds staff.headcount (180)"));
        given().get(path).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "lga1", roles = "lga-admin")
    void authoritiesAreCheckedAgainstTheRegisterForTheRoundsPeriod() {
        createRound("register-2024", "2024");
        given().contentType(ContentType.JSON).body(COMPLETE).put("/api/v1/rounds/register-2024/returns/E99999999")
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString("E99999999"));
        given().contentType(ContentType.JSON).body(COMPLETE).put("/api/v1/rounds/register-2024/returns/E10000006")
                .then().statusCode(422).body("errors[0].field", equalTo("authorityCode"))
                .body("errors[0].message", containsString("Cumbria (E10000006) existed until 2022"));
        given().contentType(ContentType.JSON).body(COMPLETE).put("/api/v1/rounds/no-such-round/returns/" + WARWICKSHIRE)
                .then().statusCode(404).body("detail", containsString("no-such-round"));
    }

    @Test
    @TestSecurity(user = "lga1", roles = "lga-admin")
    void unreadableBodiesGetAClear4xxNeverA500() {
        createRound("bodies-2024", "2024");
        String path = "/api/v1/rounds/bodies-2024/returns/" + WARWICKSHIRE;
        given().contentType(ContentType.JSON).body("{\"status\":\"submitted\",").put(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        given().contentType(ContentType.JSON).body("{\"status\":\"draft\",\"status\":\"submitted\",\"answers\":{}}").put(path)
                .then().statusCode(400).body("detail", containsString("Duplicate field 'status'"));
        given().contentType(ContentType.JSON).body("{\"status\":\"draft\",\"answers\":{\"staff.fte\":NaN}}").put(path)
                .then().statusCode(400);
        given().contentType(ContentType.TEXT).body(COMPLETE).put(path)
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"status\":\"draft\",\"answers\":{\"staff.fte\":" + "1".repeat(10_000) + "}}").put(path)
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"status\":\"draft\",\"answers\":{\"closing.x\":\"" + "a".repeat(1_100_000) + "\"}}").put(path)
                .then().statusCode(413);
        given().contentType(ContentType.JSON).body("{\"status\":\"draft\",\"answers\":{\"staff.fte\":\"" + "9".repeat(10_000) + "\"}}").put(path)
                .then().statusCode(422).body("errors[0].field", equalTo("staff.fte")).body("errors[0].code", equalTo("type"));
        given().contentType(ContentType.JSON).body("{\"status\":\"draft\",\"answers\":{\"staff.headcount\":-5}}").put(path)
                .then().statusCode(422).body("errors[0].code", equalTo("range"));
        given().contentType(ContentType.JSON).body("{\"status\":\"final\",\"answerz\":{}}").put(path)
                .then().statusCode(422).body("errors.field", containsInAnyOrder("answerz", "status"));
    }

    @Test
    @TestSecurity(user = "lga1", roles = "lga-admin")
    void roundsAreValidatedAndUnique() {
        given().contentType(ContentType.JSON).body("{\"id\":\"Bad Id\",\"instrument\":\"nope\",\"period\":\"24\",\"opensOn\":\"2024-13-01\",\"closesOn\":\"2024-01-01\"}")
                .post("/api/v1/rounds").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("id", "period", "opensOn"));
        createRound("unique-2024", "2024");
        given().contentType(ContentType.JSON).body(round("unique-2024", "2024")).post("/api/v1/rounds").then().statusCode(409);
        given().get("/api/v1/instruments").then().statusCode(200).body("id", hasItem("workforce-return"));
        given().get("/api/v1/instruments/workforce-return/1").then().statusCode(200)
                .body("sections[0].questions[0].id", equalTo("staff.headcount"));
    }

    @Test
    void withoutATokenTheApiAnswers401() {
        given().get("/api/v1/rounds").then().statusCode(401);
    }

    private static void createRound(String id, String period) {
        given().contentType(ContentType.JSON).body(round(id, period)).post("/api/v1/rounds").then().statusCode(201)
                .body("id", equalTo(id)).body("status", equalTo("open")).body("version", equalTo(1));
    }

    private static String round(String id, String period) {
        return "{\"id\":\"" + id + "\",\"instrument\":\"workforce-return\",\"period\":\"" + period
                + "\",\"opensOn\":\"" + Dates.OPENS + "\",\"closesOn\":\"" + Dates.CLOSES + "\"}";
    }

    /** Councils may not create rounds, so their tests get theirs straight into the database. */
    void asAdminCreateRoundIfAbsent() {
        RoundRows.insert("council-2024", "workforce-return", "open");
    }
}
