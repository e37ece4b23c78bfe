package uk.gov.local.healthcheck.survey.invitations;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.survey.security.TestTokens;
import uk.gov.local.healthcheck.survey.testing.Dates;
import uk.gov.local.healthcheck.survey.testing.RoundRows;
import uk.gov.local.healthcheck.survey.testing.Rows;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.survey.testing.Authorities.WARWICKSHIRE;
import static uk.gov.local.healthcheck.survey.testing.Authorities.BIRMINGHAM;
import static uk.gov.local.healthcheck.survey.testing.Authorities.CAMDEN;
import static uk.gov.local.healthcheck.survey.testing.Authorities.WEST_MIDLANDS;
import static uk.gov.local.healthcheck.survey.security.TestTokens.as;

/**
 * Invitations to the practitioner survey, with real tokens signed by the tests' key, on the real PostgreSQL and
 * Kafka: who may create, list and revoke them; the portal's two calls (role survey-relay); a code stored only as its
 * SHA-256; maxResponses holding under concurrent responses.
 */
@QuarkusTest
@WithKafkaAndPostgres
class InvitationTest {

    static final String LGA = TestTokens.lgaAdmin("lga-inv");
    static final String COUNCIL = TestTokens.councilSubmitter("council-inv", WARWICKSHIRE);
    static final String VIEWER = TestTokens.councilViewer("viewer-inv", WARWICKSHIRE);
    static final String RIA = TestTokens.riaAnalyst("ria-inv", WEST_MIDLANDS);
    static final String PORTAL = TestTokens.surveyRelay("portal-service-account");
    static final String ANSWERS = "{\"profile.role\":\"social_worker\",\"profile.service\":\"children\",\"std1.clear_framework\":\"agree\"}";
    static final LocalDate TODAY = Dates.today();
    static final String EXPIRES = TODAY.plusMonths(2).toString();

    static String invitation(String authority, String expiresOn, Object maxResponses) {
        return "{\"authorityCode\":\"" + authority + "\",\"expiresOn\":\"" + expiresOn + "\",\"maxResponses\":" + maxResponses + "}";
    }

    /** Creates an invitation as the LGA and answers its code. */
    static String code(String round, String authority, int maxResponses) {
        return as(LGA).body(invitation(authority, EXPIRES, maxResponses)).post("/api/v1/rounds/" + round + "/invitations")
                .then().statusCode(201).extract().path("code");
    }

    static ValidatableResponse resolve(String code) {
        return as(PORTAL).body("{\"code\":\"" + code + "\"}").post("/api/v1/invitations/resolve").then();
    }

    static ValidatableResponse respond(String code, String responseId, String answers) {
        return as(PORTAL).body("{\"code\":\"" + code + "\",\"responseId\":\"" + responseId + "\",\"answers\":" + answers + "}")
                .post("/api/v1/invitations/responses").then();
    }

    @Test
    void anInvitationsCodeAndLinkAreShownOnceAndOnlyItsHashIsStored() {
        RoundRows.insert("inv-create", "practitioner-survey", "open");
        var created = as(LGA).body(invitation(WARWICKSHIRE, EXPIRES, 400)).post("/api/v1/rounds/inv-create/invitations")
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/rounds/inv-create/invitations/"))
                .body("roundId", equalTo("inv-create")).body("authorityCode", equalTo(WARWICKSHIRE))
                .body("authorityName", equalTo("Warwickshire")).body("expiresOn", equalTo(EXPIRES))
                .body("maxResponses", equalTo(400)).body("responses", equalTo(0)).body("status", equalTo("active"))
                .body("createdAt", notNullValue())
                .extract();
        String code = created.path("code");
        String id = created.path("id");
        UUID.fromString(id);
        assertTrue(code.matches("[A-Za-z0-9_-]{43}"), "32 random bytes as URL-safe base64: " + code);
        assertEquals("http://127.0.0.1:8084/survey/" + code, created.path("url"));
        assertEquals(1, Rows.count("select count(*) from invitation where code_sha256 = ?", InvitationCodes.sha256(code)));
        assertEquals(0, Rows.count("select count(*) from invitation i where i::text like ?", "%" + code + "%"), "the code is not stored");
        assertEquals(0, Rows.count("select count(*) from audit_entry a where a::text like ?", "%" + code + "%"), "nor audited");
        assertEquals(1, Rows.count("select count(*) from audit_entry where action = 'invitation.create' and status = 201"
                + " and authority_code = ? and detail like ?", WARWICKSHIRE, "invitation " + id + "%"));
        // The list never shows the code or link.
        as(LGA).get("/api/v1/rounds/inv-create/invitations").then().statusCode(200)
                .body("id", contains(id)).body("[0]", not(hasKey("code"))).body("[0]", not(hasKey("url")))
                .body("[0].status", equalTo("active")).body("[0].revokedAt", nullValue())
                .body(not(containsString(code)));

        // A council's submitter for itself only; viewers and RIAs not at all.
        as(COUNCIL).body(invitation(WARWICKSHIRE, EXPIRES, 50)).post("/api/v1/rounds/inv-create/invitations").then().statusCode(201);
        as(COUNCIL).body(invitation(BIRMINGHAM, EXPIRES, 50)).post("/api/v1/rounds/inv-create/invitations").then().statusCode(403)
                .body("detail", containsString(WARWICKSHIRE + " only"));
        as(VIEWER).body(invitation(WARWICKSHIRE, EXPIRES, 50)).post("/api/v1/rounds/inv-create/invitations").then().statusCode(403);
        as(RIA).body(invitation(BIRMINGHAM, EXPIRES, 50)).post("/api/v1/rounds/inv-create/invitations").then().statusCode(403);
        assertEquals(2, Rows.count("select count(*) from invitation where round_id = 'inv-create'"));
    }

    @Test
    void creationIsRefusedNamingEachFieldTheRoundOrItsKind() {
        RoundRows.insert("inv-refusals", "practitioner-survey", "open");
        RoundRows.insert("inv-workforce", "workforce-return", "open");
        String path = "/api/v1/rounds/inv-refusals/invitations";
        as(LGA).body("{}").post(path).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("authorityCode", "expiresOn", "maxResponses"));
        as(LGA).body(invitation("E99999999", "2027-02-30", 0)).post(path).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("authorityCode", "expiresOn", "maxResponses"))
                .body("errors.code", containsInAnyOrder("unknown", "format", "range"));
        as(LGA).body(invitation(WARWICKSHIRE, TODAY.minusDays(1).toString(), 100_001)).post(path).then().statusCode(422)
                .body("errors.field", containsInAnyOrder("expiresOn", "maxResponses"))
                .body("errors.message", hasItem(containsString("in the past")));
        as(LGA).body(invitation(WARWICKSHIRE, EXPIRES, "\"many\"")).post(path).then().statusCode(422)
                .body("errors.field", contains("maxResponses")).body("errors[0].code", equalTo("type"));
        as(LGA).body(invitation("E10000006", EXPIRES, 10)).post(path).then().statusCode(422)      // Cumbria: until 2022
                .body("errors[0].field", equalTo("authorityCode")).body("errors[0].code", equalTo("period"));
        as(LGA).body(invitation(WARWICKSHIRE, EXPIRES, 10)).post("/api/v1/rounds/no-such-round/invitations").then().statusCode(404)
                .body("type", containsString("unknown-round"));
        as(LGA).body(invitation(WARWICKSHIRE, EXPIRES, 10)).post("/api/v1/rounds/inv-workforce/invitations").then().statusCode(409)
                .body("type", containsString("wrong-kind-of-round"));
        // Today is still allowed: the invitation works to the end of the day.
        as(LGA).body(invitation(WARWICKSHIRE, TODAY.toString(), 100_000)).post(path).then().statusCode(201);
        assertEquals(1, Rows.count("select count(*) from invitation where round_id = 'inv-refusals'"));
    }

    @Test
    void eachRoleListsTheInvitationsOfItsScopeAndRevocationIsFinalAndHarmlessToRepeat() {
        RoundRows.insert("inv-list", "practitioner-survey", "open");
        String path = "/api/v1/rounds/inv-list/invitations";
        String warwickshire = as(LGA).body(invitation(WARWICKSHIRE, EXPIRES, 10)).post(path).then().statusCode(201).extract().path("id");
        String birmingham = as(LGA).body(invitation(BIRMINGHAM, EXPIRES, 10)).post(path).then().statusCode(201).extract().path("id");
        String camden = as(LGA).body(invitation(CAMDEN, EXPIRES, 10)).post(path).then().statusCode(201).extract().path("id");

        as(LGA).get(path).then().statusCode(200).body("id", contains(warwickshire, birmingham, camden));
        as(COUNCIL).get(path).then().statusCode(200).body("id", contains(warwickshire));
        as(VIEWER).get(path).then().statusCode(200).body("id", contains(warwickshire));
        as(RIA).get(path).then().statusCode(200).body("id", contains(warwickshire, birmingham))
                .body("authorityCode", everyItem(not(equalTo(CAMDEN))));
        as(LGA).queryParam("authorityCode", CAMDEN).get(path).then().statusCode(200).body("id", contains(camden));
        as(RIA).queryParam("authorityCode", CAMDEN).get(path).then().statusCode(403);
        as(LGA).queryParam("authorityCode", "E99999999").get(path).then().statusCode(404);
        as(LGA).get("/api/v1/rounds/no-such-round/invitations").then().statusCode(404);

        as(COUNCIL).delete(path + "/" + birmingham).then().statusCode(403);
        as(VIEWER).delete(path + "/" + warwickshire).then().statusCode(403);
        String revokedAt = as(COUNCIL).delete(path + "/" + warwickshire).then().statusCode(200)
                .body("status", equalTo("revoked")).body("id", equalTo(warwickshire)).extract().path("revokedAt");
        assertTrue(revokedAt != null);
        as(LGA).delete(path + "/" + warwickshire).then().statusCode(200).body("status", equalTo("revoked"))
                .body("revokedAt", equalTo(revokedAt));
        as(LGA).delete(path + "/" + UUID.randomUUID()).then().statusCode(404).body("type", containsString("unknown-invitation"));
        as(LGA).delete(path + "/not-a-uuid").then().statusCode(404);
        as(LGA).get(path).then().body("find { it.id == '" + warwickshire + "' }.status", equalTo("revoked"));
        assertEquals(2, Rows.count("select count(*) from audit_entry where action = 'invitation.revoke' and authority_code = ?"
                + " and status = 200 and path = ?", WARWICKSHIRE, path + "/" + warwickshire));
        assertEquals(1, Rows.count("select count(*) from audit_entry where action = 'invitation.revoke' and authority_code = ?"
                + " and status = 403", BIRMINGHAM));
    }

    @Test
    void thePortalResolvesACodeAndStoresResponsesForTheInvitationsAuthorityOnce() {
        RoundRows.insert("inv-respond", "practitioner-survey", "open");
        String code = code("inv-respond", WARWICKSHIRE, 10);
        resolve(code).statusCode(200).contentType(ContentType.JSON)
                .body("roundId", equalTo("inv-respond")).body("roundTitle", equalTo("test round"))
                .body("instrument", equalTo("practitioner-survey")).body("version", equalTo(1))
                .body("authorityCode", equalTo(WARWICKSHIRE)).body("authorityName", equalTo("Warwickshire"))
                .body("opensOn", equalTo(Dates.OPENS)).body("closesOn", equalTo(Dates.CLOSES))
                .body("expiresOn", equalTo(EXPIRES)).body("status", equalTo("active")).body("invitationId", notNullValue());
        resolve("no-such-code").statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://healthcheck.local.gov.uk/problems/unknown-invitation"));

        String responseId = UUID.randomUUID().toString();
        respond(code, responseId, ANSWERS).statusCode(201).body("responseId", equalTo(responseId))
                .body("authorityCode", equalTo(WARWICKSHIRE)).body("answers.'profile.role'", equalTo("social_worker"));
        respond(code, responseId, ANSWERS).statusCode(200).body("responseId", equalTo(responseId));
        respond(code, responseId, ANSWERS.replace("agree", "disagree")).statusCode(409).body("type", containsString("response-id-reused"));
        respond(code, "r-" + UUID.randomUUID(), "{\"profile.role\":\"wizard\"}").statusCode(422)
                .body("errors.field", contains("profile.role", "profile.service"));
        as(PORTAL).body("{\"code\":\"" + code + "\",\"responseId\":\"x-1\",\"authorityCode\":\"" + BIRMINGHAM + "\",\"answers\":" + ANSWERS + "}")
                .post("/api/v1/invitations/responses").then().statusCode(422).body("errors.field", contains("authorityCode"));
        respond("no-such-code", "x-2", ANSWERS).statusCode(404).body("type", containsString("unknown-invitation"));

        assertEquals(1, Rows.count("select count(*) from practitioner_response where round_id = 'inv-respond' and authority_code = ?", WARWICKSHIRE));
        assertEquals(1, Rows.count("select count(*) from outbox_event where subject = ?", "rounds/inv-respond/responses/" + responseId));
        as(LGA).get("/api/v1/rounds/inv-respond/invitations").then().body("[0].responses", equalTo(1));
        as(LGA).get("/api/v1/rounds/inv-respond").then().body("counts.responses", equalTo(1));
        // Audited under the invitation's authority, with nothing of the code or the person answering.
        assertEquals(2, Rows.count("select count(*) from audit_entry where action = 'response.invited' and authority_code = ?"
                + " and status in (200, 201) and subject = 'portal-service-account' and path = '/api/v1/invitations/responses'", WARWICKSHIRE));
        assertEquals(0, Rows.count("select count(*) from audit_entry a where a::text like ? or a::text like ?",
                "%" + code + "%", "%" + responseId + "%"));
    }

    @Test
    void revokedExpiredAndFullInvitationsAre410AndARoundThatTakesNothingIs409() {
        RoundRows.insert("inv-gone", "practitioner-survey", "open");
        String revoked = code("inv-gone", WARWICKSHIRE, 10);
        String id = as(LGA).get("/api/v1/rounds/inv-gone/invitations").then().extract().path("[0].id");
        as(LGA).delete("/api/v1/rounds/inv-gone/invitations/" + id).then().statusCode(200);
        resolve(revoked).statusCode(410).body("type", equalTo("https://healthcheck.local.gov.uk/problems/invitation-revoked"));
        respond(revoked, "gone-1", ANSWERS).statusCode(410).body("type", containsString("invitation-revoked"));

        String expired = code("inv-gone", WARWICKSHIRE, 10);
        Rows.count("with u as (update invitation set expires_on = ? where code_sha256 = ? returning 1) select count(*) from u",
                java.sql.Date.valueOf(TODAY.minusDays(1)), InvitationCodes.sha256(expired));
        resolve(expired).statusCode(410).body("type", containsString("invitation-expired"));
        respond(expired, "gone-2", ANSWERS).statusCode(410).body("type", containsString("invitation-expired"));
        as(LGA).get("/api/v1/rounds/inv-gone/invitations").then().body("status", containsInAnyOrder("revoked", "expired"));

        String full = code("inv-gone", WARWICKSHIRE, 1);
        respond(full, "gone-3", ANSWERS).statusCode(201);
        resolve(full).statusCode(410).body("type", containsString("invitation-full"));
        respond(full, "gone-4", ANSWERS).statusCode(410).body("type", containsString("invitation-full"));
        respond(full, "gone-3", ANSWERS).statusCode(200);          // the portal's retry of the last one is still a repeat
        as(LGA).queryParam("authorityCode", WARWICKSHIRE).get("/api/v1/rounds/inv-gone/invitations").then()
                .body("status", containsInAnyOrder("revoked", "expired", "full"))
                .body("find { it.status == 'full' }.responses", equalTo(1));

        RoundRows.insert("inv-late", "practitioner-survey", "open", TODAY.minusMonths(1), TODAY.plusDays(1));
        String late = code("inv-late", WARWICKSHIRE, 10);
        Rows.count("with u as (update round set closes_on = ? where id = 'inv-late' returning 1) select count(*) from u",
                java.sql.Date.valueOf(TODAY.minusDays(1)));
        waitForRoundCache();
        resolve(late).statusCode(409).body("type", containsString("round-closed"));
        respond(late, "late-1", ANSWERS).statusCode(409).body("type", containsString("round-closed"));
        RoundRows.insert("inv-early", "practitioner-survey", "open", TODAY.plusDays(3), TODAY.plusMonths(1));
        String early = code("inv-early", WARWICKSHIRE, 10);
        resolve(early).statusCode(409).body("type", containsString("round-not-yet-open"));
        respond(early, "early-1", ANSWERS).statusCode(409).body("type", containsString("round-not-yet-open"));
        assertEquals(0, Rows.count("select count(*) from practitioner_response where round_id in ('inv-late', 'inv-early')"));
        assertEquals(1, Rows.count("select count(*) from practitioner_response where round_id = 'inv-gone'"));
    }

    @Test
    void maxResponsesHoldsWhenManyArriveAtOnce() throws Exception {
        RoundRows.insert("inv-race", "practitioner-survey", "open");
        String code = code("inv-race", BIRMINGHAM, 3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String responseId = "race-" + i;
                statuses.add(pool.submit((Callable<Integer>) () -> respond(code, responseId, ANSWERS).extract().statusCode()));
            }
            List<Integer> seen = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                seen.add(f.get());
            }
            assertEquals(3, seen.stream().filter(s -> s == 201).count(), "three stored: " + seen);
            assertEquals(9, seen.stream().filter(s -> s == 410).count(), "the rest refused as full: " + seen);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, Rows.count("select count(*) from practitioner_response where round_id = 'inv-race'"));
        assertEquals(3, Rows.count("select responses from invitation where code_sha256 = ?", InvitationCodes.sha256(code)));
    }

    @Test
    void thePortalsAccountMayCallItsTwoEndpointsAndReadAQuestionnaireOnlyAndNoOtherRoleMayCallThem() {
        RoundRows.insert("inv-roles", "practitioner-survey", "open");
        RoundRows.insert("inv-roles-workforce", "workforce-return", "open");
        String code = code("inv-roles", WARWICKSHIRE, 10);
        String id = as(LGA).get("/api/v1/rounds/inv-roles/invitations").then().extract().path("[0].id");
        String round = "/api/v1/rounds/inv-roles-workforce";
        Map<String, java.util.function.Function<RequestSpecification, io.restassured.response.Response>> others = new java.util.LinkedHashMap<>();
        others.put("GET /instruments", r -> r.get("/api/v1/instruments"));
        others.put("GET /rounds", r -> r.get("/api/v1/rounds"));
        others.put("GET /rounds/{id}", r -> r.get(round));
        others.put("POST /rounds", r -> r.body("{}").post("/api/v1/rounds"));
        others.put("POST close", r -> r.post(round + "/close"));
        others.put("POST reopen", r -> r.post(round + "/reopen"));
        others.put("POST extend", r -> r.body("{\"closesOn\":\"" + EXPIRES + "\"}").post(round + "/extend"));
        others.put("PUT return", r -> r.body("{\"status\":\"draft\",\"answers\":{}}").put(round + "/returns/" + WARWICKSHIRE));
        others.put("GET return", r -> r.get(round + "/returns/" + WARWICKSHIRE));
        others.put("GET revisions", r -> r.get(round + "/returns/" + WARWICKSHIRE + "/revisions"));
        others.put("DELETE return", r -> r.delete(round + "/returns/" + WARWICKSHIRE));
        others.put("POST response", r -> r.body("{\"responseId\":\"p-1\",\"authorityCode\":\"" + WARWICKSHIRE + "\",\"answers\":" + ANSWERS + "}")
                .post("/api/v1/rounds/inv-roles/responses"));
        others.put("POST batch", r -> r.contentType("application/x-ndjson").body("{}".getBytes()).post("/api/v1/rounds/inv-roles/responses/batch"));
        others.put("GET audit", r -> r.get("/api/v1/audit"));
        others.put("POST invitation", r -> r.body(invitation(WARWICKSHIRE, EXPIRES, 5)).post("/api/v1/rounds/inv-roles/invitations"));
        others.put("GET invitations", r -> r.get("/api/v1/rounds/inv-roles/invitations"));
        others.put("DELETE invitation", r -> r.delete("/api/v1/rounds/inv-roles/invitations/" + id));
        others.put("GET tracker", r -> r.get("/api/v1/rounds/inv-roles/tracker"));
        others.forEach((name, call) -> {
            int status = call.apply(as(PORTAL)).then().extract().statusCode();
            assertEquals(403, status, "survey-relay on " + name);
        });
        // besides its two endpoints, it reads one questionnaire in full: the portal renders the survey from it
        as(PORTAL).get("/api/v1/instruments/practitioner-survey/1").then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo("practitioner-survey"));
        for (String token : List.of(LGA, COUNCIL, VIEWER, RIA)) {
            as(token).body("{\"code\":\"" + code + "\"}").post("/api/v1/invitations/resolve").then().statusCode(403)
                    .body("detail", containsString("survey-relay"));
            as(token).body("{\"code\":\"" + code + "\",\"responseId\":\"r-x\",\"answers\":" + ANSWERS + "}")
                    .post("/api/v1/invitations/responses").then().statusCode(403);
        }
        assertEquals(0, Rows.count("select count(*) from practitioner_response where round_id = 'inv-roles'"));
        assertEquals(0, Rows.count("select count(*) from return_revision where round_id = 'inv-roles-workforce'"));
    }

    @ConfigProperty(name = "quarkus.http.access-log.enabled")
    boolean accessLog;
    @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding")
    boolean forwarding;

    @Test
    void nothingRecordsTheAddressOrUserAgentOfWhoeverAnswers() {
        assertFalse(accessLog, "an access log writes every caller's address and user agent");
        assertFalse(forwarding, "X-Forwarded-For would make a respondent's address the client's");
        assertEquals(0, Rows.count("select count(*) from information_schema.columns where table_schema = current_schema()"
                + " and (column_name ~* '(^ip|_ip$|addr|agent|host|forwarded|remote)')"), "no column for an address or user agent");
        assertEquals(0, Rows.count("select count(*) from information_schema.columns where table_schema = current_schema()"
                + " and table_name in ('invitation', 'practitioner_response') and column_name ~* '(subject|created_by|client)'"
                + " and not (table_name = 'invitation' and column_name = 'created_by')"),
                "a response records no caller; an invitation only who created it");
    }

    /** The response path reads a round at most survey.rounds.cache-ttl (2 s) old; the writer checks again anyway. */
    private static void waitForRoundCache() {
        try {
            Thread.sleep(2_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
