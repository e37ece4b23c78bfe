package uk.gov.local.healthcheck.survey.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.survey.security.TestTokens;
import uk.gov.local.healthcheck.survey.testing.RoundRows;
import uk.gov.local.healthcheck.survey.testing.Rows;
import uk.gov.local.healthcheck.survey.testing.Dates;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.gov.local.healthcheck.survey.testing.Authorities.WARWICKSHIRE;

/**
 * The hostile battery of issue 10 through every write endpoint, with real signed tokens on the real PostgreSQL:
 * U+0000 and lone surrogates (as JSON escapes) in every kind of field (answers, list items, free text,
 * explanations, ids, keys, path ids), bytes that are not UTF-8, over-long text, too many items and deep nesting.
 * Each is refused with a problem naming the field (a batch: the line, its good neighbours kept), and nothing of it
 * is stored: no row, no outbox event.
 */
@QuarkusTest
@WithKafkaAndPostgres
class HostileInputTest {

    static final String LGA = TestTokens.lgaAdmin("lga1");
    static final String PRACTICE = "hostile-practice";
    static final String WORKFORCE = "hostile-workforce";
    static final String GOOD_ANSWERS = "\"profile.role\":\"social_worker\",\"profile.service\":\"children\"";
    static final String NUL = "\\u0000";
    static final String HIGH = "\\ud800";
    static final String LOW = "\\udc00";
    static final String LONG = "x".repeat(5001);

    /** One hostile case: a name, the JSON text (or raw bytes) and the field the refusal must name. */
    record Case(String name, byte[] body, int status, String field) {
        static Case json(String name, String json, int status, String field) {
            return new Case(name, json.getBytes(StandardCharsets.UTF_8), status, field);
        }
    }

    @BeforeAll
    static void rounds() {
        RoundRows.insert(PRACTICE, "practitioner-survey", "open");
        RoundRows.insert(WORKFORCE, "workforce-return", "open");
    }

    static String response(String id, String authority, String answers) {
        return "{\"responseId\":\"" + id + "\",\"authorityCode\":\"" + authority + "\",\"answers\":{" + answers + "}}";
    }

    /** Raw bytes: a JSON document with {@code bad} spliced in where {@code @} stands. */
    static byte[] splice(String json, byte... bad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] parts = json.split("@", 2);
        out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "\"deep\"" + "]".repeat(depth);
    }

    static List<Case> responseCases() {
        List<Case> cases = new ArrayList<>();
        String good = GOOD_ANSWERS + ",";
        cases.add(Case.json("NUL in a list item", response("h-1", WARWICKSHIRE, good + "\"culture.three_words\":[\"kind\",\"bra" + NUL + "ve\"]"), 422, "culture.three_words[1]"));
        cases.add(Case.json("NUL in free text", response("h-2", WARWICKSHIRE, good + "\"culture.comments\":\"fine" + NUL + "\""), 422, "culture.comments"));
        cases.add(Case.json("NUL in an option", response("h-3", WARWICKSHIRE, "\"profile.role\":\"social_worker" + NUL + "\",\"profile.service\":\"children\""), 422, "profile.role"));
        cases.add(Case.json("NUL in the responseId", response("h-4" + NUL, WARWICKSHIRE, GOOD_ANSWERS), 422, "responseId"));
        cases.add(Case.json("NUL in the authorityCode", response("h-5", WARWICKSHIRE + NUL, GOOD_ANSWERS), 422, "authorityCode"));
        cases.add(Case.json("NUL in a key", response("h-6", WARWICKSHIRE, good + "\"culture." + NUL + "\":\"x\""), 422, "culture.\\u0000"));
        cases.add(Case.json("lone high surrogate in free text", response("h-7", WARWICKSHIRE, good + "\"culture.comments\":\"a" + HIGH + "b\""), 422, "culture.comments"));
        cases.add(Case.json("lone low surrogate in a list item", response("h-8", WARWICKSHIRE, good + "\"culture.three_words\":[\"" + LOW + "\"]"), 422, "culture.three_words[0]"));
        cases.add(Case.json("high surrogate at the end", response("h-9", WARWICKSHIRE, good + "\"culture.comments\":\"end" + HIGH + "\""), 422, "culture.comments"));
        cases.add(new Case("bytes that are not UTF-8", splice(response("h-10", WARWICKSHIRE, good + "\"culture.comments\":\"@\""), (byte) 0xC3, (byte) 0x28), 400, "body"));
        cases.add(new Case("a lone 0xFF byte", splice(response("h-11", WARWICKSHIRE, good + "\"culture.three_words\":[\"@\"]"), (byte) 0xFF), 400, "body"));
        cases.add(new Case("an encoded surrogate (CESU-8)", splice(response("h-12", WARWICKSHIRE, good + "\"culture.comments\":\"@\""), (byte) 0xED, (byte) 0xA0, (byte) 0x80), 400, "body"));
        cases.add(Case.json("over-long free text", response("h-13", WARWICKSHIRE, good + "\"culture.comments\":\"" + LONG + "\""), 422, "culture.comments"));
        cases.add(Case.json("too many list items", response("h-14", WARWICKSHIRE, good + "\"culture.three_words\":[\"a\",\"b\",\"c\",\"d\"]"), 422, "culture.three_words"));
        cases.add(Case.json("deep nesting", response("h-15", WARWICKSHIRE, good + "\"culture.comments\":" + nested(200)), 400, "body"));
        return cases;
    }

    @Test
    void singleResponsesAreRefusedNamingTheFieldAndNothingIsStored() {
        long before = Rows.aboutRound(PRACTICE);
        for (Case c : responseCases()) {
            ValidatableResponse answer = given().auth().oauth2(LGA).contentType("application/json").body(c.body())
                    .post("/api/v1/rounds/" + PRACTICE + "/responses").then();
            answer.statusCode(c.status()).contentType("application/problem+json")
                    .body("errors.field", hasItem(c.field()));
            if (c.status() == 422) {
                answer.body("type", equalTo("https://healthcheck.local.gov.uk/problems/validation"));
            }
        }
        assertEquals(before, Rows.aboutRound(PRACTICE), "a refused response stored something");
        // A good response after the battery is still accepted: nothing was left broken.
        given().auth().oauth2(LGA).contentType("application/json").body(response("h-good", WARWICKSHIRE,
                GOOD_ANSWERS + ",\"culture.comments\":\"caf\u00e9 \ud83d\ude00 fine\""))
                .post("/api/v1/rounds/" + PRACTICE + "/responses").then().statusCode(201);
        assertEquals(1, Rows.count("select count(*) from outbox_event where subject = ?", "rounds/" + PRACTICE + "/responses/h-good"));
    }

    @Test
    void eachBadLineOfABatchIsRejectedNamingTheFieldAndTheGoodLinesAreKept() {
        String round = PRACTICE + "-batch";
        RoundRows.insert(round, "practitioner-survey", "open");
        List<Case> cases = responseCases();
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        ndjson.writeBytes((response("b-first", WARWICKSHIRE, GOOD_ANSWERS) + "\n").getBytes(StandardCharsets.UTF_8));
        for (Case c : cases) {
            ndjson.writeBytes(c.body());
            ndjson.write('\n');
        }
        ndjson.writeBytes((response("b-last", WARWICKSHIRE, GOOD_ANSWERS + ",\"culture.three_words\":[\"\ud83d\ude00\"]") + "\r\n").getBytes(StandardCharsets.UTF_8));
        ValidatableResponse answer = given().auth().oauth2(LGA).contentType("application/x-ndjson").body(ndjson.toByteArray())
                .post("/api/v1/rounds/" + round + "/responses/batch").then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(cases.size()))
                .body("results[0].status", equalTo("accepted"))
                .body("results[" + (cases.size() + 1) + "].status", equalTo("accepted"));
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String field = c.status() == 400 && c.name().contains("UTF") || c.name().contains("byte") || c.name().contains("CESU") ? "line" : c.field();
            answer.body("results[" + (i + 1) + "].status", equalTo("rejected"))
                    .body("results[" + (i + 1) + "].errors.field", hasItem(field));
        }
        assertEquals(2, Rows.count("select count(*) from practitioner_response where round_id = ?", round));
        assertEquals(2, Rows.count("select count(*) from outbox_event where subject like ?", "rounds/" + round + "/%"));
    }

    @Test
    void returnsAreRefusedNamingTheFieldAndNothingIsStored() {
        String answers = "\"staff.headcount\":180,\"staff.fte\":170.5";
        String path = "/api/v1/rounds/" + WORKFORCE + "/returns/" + WARWICKSHIRE;
        List<Case> cases = List.of(
                Case.json("NUL in an explanation", "{\"status\":\"draft\",\"answers\":{" + answers + "},\"explanations\":{\"staff.fte\":\"why" + NUL + "\"}}", 422, "explanations.staff.fte"),
                Case.json("NUL in the status", "{\"status\":\"draft" + NUL + "\",\"answers\":{" + answers + "}}", 422, "status"),
                Case.json("NUL in an answer's key", "{\"status\":\"draft\",\"answers\":{\"staff." + NUL + "\":1}}", 422, "staff.\\u0000"),
                Case.json("NUL in a missing-value code", "{\"status\":\"draft\",\"answers\":{\"staff.headcount\":{\"missing\":\"x" + NUL + "\"}}}", 422, "staff.headcount.missing"),
                Case.json("lone surrogate in an explanation", "{\"status\":\"draft\",\"answers\":{" + answers + "},\"explanations\":{\"staff.fte\":\"" + LOW + "\"}}", 422, "explanations.staff.fte"),
                Case.json("lone surrogate in a top-level key", "{\"status\":\"draft\",\"answers\":{}," + "\"x" + HIGH + "\":1}", 422, "x\\uD800"),
                new Case("bytes that are not UTF-8", splice("{\"status\":\"draft\",\"answers\":{},\"explanations\":{\"staff.fte\":\"@\"}}", (byte) 0xE2, (byte) 0x82), 400, "body"),
                Case.json("over-long explanation", "{\"status\":\"draft\",\"answers\":{" + answers + "},\"explanations\":{\"staff.fte\":\"" + LONG + "\"}}", 422, "explanations.staff.fte"),
                Case.json("deep nesting", "{\"status\":\"draft\",\"answers\":{\"staff.headcount\":" + nested(100) + "}}", 400, "body"));
        long before = Rows.aboutRound(WORKFORCE);
        for (Case c : cases) {
            given().auth().oauth2(LGA).contentType("application/json").body(c.body()).put(path).then()
                    .statusCode(c.status()).contentType("application/problem+json").body("errors.field", hasItem(c.field()));
        }
        assertEquals(before, Rows.aboutRound(WORKFORCE), "a refused return stored something");
    }

    @Test
    void roundsAndPathIdsAreCheckedTooAndWithdrawingWithABadIdStoresNothing() {
        List<Case> cases = List.of(
                Case.json("NUL in a title", "{\"id\":\"hostile-round-1\",\"instrument\":\"workforce-return\",\"title\":\"t" + NUL + "\",\"period\":\"2024\",\"opensOn\":\"" + Dates.OPENS + "\",\"closesOn\":\"" + Dates.CLOSES + "\"}", 422, "title"),
                Case.json("lone surrogate in the id", "{\"id\":\"hostile-round-" + HIGH + "\",\"instrument\":\"workforce-return\",\"period\":\"2024\",\"opensOn\":\"" + Dates.OPENS + "\",\"closesOn\":\"" + Dates.CLOSES + "\"}", 422, "id"),
                new Case("bytes that are not UTF-8", splice("{\"id\":\"hostile-round-3\",\"instrument\":\"workforce-return\",\"title\":\"@\",\"period\":\"2024\",\"opensOn\":\"" + Dates.OPENS + "\",\"closesOn\":\"" + Dates.CLOSES + "\"}", (byte) 0xC0, (byte) 0xAF), 400, "body"),
                Case.json("deep nesting", "{\"id\":\"hostile-round-4\",\"title\":" + nested(50) + "}", 400, "body"));
        for (Case c : cases) {
            given().auth().oauth2(LGA).contentType("application/json").body(c.body()).post("/api/v1/rounds").then()
                    .statusCode(c.status()).contentType("application/problem+json").body("errors.field", hasItem(c.field()));
        }
        assertEquals(0, Rows.count("select count(*) from round where id like 'hostile-round%'"));

        long before = Rows.aboutRound(WORKFORCE);
        // A NUL or a lone surrogate in a path id never reaches a query: refused, and the refusal is audited cleanly.
        for (String badId : List.of("E10000031%00", "E1%00x")) {
            given().auth().oauth2(LGA).urlEncodingEnabled(false).delete("/api/v1/rounds/" + WORKFORCE + "/returns/" + badId)
                    .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("authorityCode"));
            given().auth().oauth2(LGA).urlEncodingEnabled(false).contentType("application/json").body("{\"status\":\"draft\",\"answers\":{}}")
                    .put("/api/v1/rounds/" + WORKFORCE + "/returns/" + badId)
                    .then().statusCode(422).body("errors.field", hasItem("authorityCode"));
        }
        given().auth().oauth2(LGA).urlEncodingEnabled(false).contentType("application/json").body(response("p-1", WARWICKSHIRE, GOOD_ANSWERS))
                .post("/api/v1/rounds/" + PRACTICE + "%00/responses").then().statusCode(422).body("errors.field", hasItem("roundId"));
        assertEquals(before, Rows.aboutRound(WORKFORCE));
        assertEquals(0, Rows.count("select count(*) from audit_entry where status >= 500"), "no refusal may fail");
        assertEquals(5, Rows.count("select count(*) from audit_entry where status = 422 and path like '%' || chr(65533) || '%'"),
                "each refused request is audited, its path stored with U+FFFD in place of the NUL");
    }
}
