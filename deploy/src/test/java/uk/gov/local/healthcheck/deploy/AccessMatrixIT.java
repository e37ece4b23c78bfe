package uk.gov.local.healthcheck.deploy;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.BENCHMARK;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.JSON;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.METRICS;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.SURVEY;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.eventually;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.token;

/**
 * Who may do what, with real tokens from the real Keycloak: every role (and a council's HR system, and no token)
 * against every endpoint of the three services, for the caller's own authority or region and for another.
 * Warwickshire (E10000031, West Midlands) is council1's, viewer1's and the demo HR client's authority; Camden
 * (E09000007, London) is in ria1's region and nobody's own authority.
 */
class AccessMatrixIT {

    static final String OWN = "E10000031";
    static final String LONDON = "E09000007";
    /** Hartlepool: a return the LGA withdraws during the test. */
    static final String WITHDRAWN = "E06000001";
    static final String ROUND = "matrix-2024";
    static final String PRACTICE = "matrix-practice-2024";
    static final String RETURN = "{\"status\":\"submitted\",\"answers\":{\"staff.headcount\":180,\"staff.fte\":170.5,"
            + "\"staff.agency_headcount\":20,\"staff.agency_fte\":18.5,\"staff.vacancies_fte\":25,\"flows.leavers_fte\":30.2}}";
    /**
     * The people's roles, a council's HR system, the portal's own service account (role survey-relay: it may only pass
     * on an invited practitioner's response, through the invitation endpoints, none of which is below, and read a
     * questionnaire) and no token.
     */
    static final List<String> CALLERS = List.of("lga", "council", "viewer", "ria", "hr-system", "relay", "none");

    static final Map<String, String> TOKENS = new LinkedHashMap<>();

    /** One endpoint call and the status each caller must get. */
    record Check(String method, String url, String body, String contentType, Map<String, Integer> expected) {
    }

    @BeforeAll
    static void dataEveryoneCanBeAskedAbout() throws Exception {
        RunningPlatform.ensureUp();
        TOKENS.put("lga", token("lga1"));
        TOKENS.put("council", token("council1"));
        TOKENS.put("viewer", token("viewer1"));
        TOKENS.put("ria", token("ria1"));
        TOKENS.put("hr-system", RunningPlatform.clientToken("council-E10000031", "council-E10000031-demo-secret"));
        TOKENS.put("relay", RunningPlatform.clientToken("portal", RunningPlatform.PORTAL_SECRET));
        String lga = TOKENS.get("lga");
        given().auth().oauth2(lga).contentType(ContentType.JSON).body(round(ROUND, "workforce-return")).post(SURVEY + "/api/v1/rounds");
        given().auth().oauth2(lga).contentType(ContentType.JSON).body(round(PRACTICE, "practitioner-survey")).post(SURVEY + "/api/v1/rounds");
        for (String authority : List.of(OWN, LONDON, WITHDRAWN)) {
            given().auth().oauth2(lga).contentType(ContentType.JSON).body(RETURN)
                    .put(SURVEY + "/api/v1/rounds/" + ROUND + "/returns/" + authority).then().statusCode(200);
        }
        eventually(() -> given().auth().oauth2(lga).get(BENCHMARK + "/api/v1/benchmarks/" + ROUND + "/indicators/agency_rate"),
                r -> r.statusCode() == 200 && r.jsonPath().getInt("national.n") == 3);
    }

    @Test
    void everyRoleGetsExactlyTheAccessItShouldOnEveryEndpoint() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Check check : checks()) {
            for (String caller : CALLERS) {
                int expected = check.expected().get(caller);
                Response response = call(check, caller);
                checked++;
                if (response.statusCode() != expected) {
                    failures.add(caller + " " + check.method() + " " + check.url() + ": expected " + expected + ", got "
                            + response.statusCode() + " " + abbreviate(response.asString()));
                } else if (expected == 401 || expected == 403) {
                    String type = response.contentType();
                    if (expected == 403 && (type == null || !type.startsWith("application/problem+json"))) {
                        failures.add(caller + " " + check.method() + " " + check.url() + ": 403 without problem+json (" + type + ")");
                    }
                    if (response.asString().contains("\"answers\"") || response.asString().contains("\"indicators\"")) {
                        failures.add(caller + " " + check.method() + " " + check.url() + ": a refusal that carries data");
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " checks failed:\n" + String.join("\n", failures));
        assertEquals(checks().size() * CALLERS.size(), checked);
    }

    /**
     * Tokens that must not be trusted get 401 from every service, never data: garbage, a real token whose payload was
     * altered, one with the same claims signed by a key that is not Keycloak's, and a real Keycloak token issued to
     * another client (admin-cli), so without the APIs' audience. (Expiry is checked per service with signed test tokens.)
     */
    @Test
    void untrustedTokensAreRefusedByEveryService() throws Exception {
        String council = TOKENS.get("council");
        String[] parts = council.split("\\.");
        JsonNode claims = RunningPlatform.claims(council);
        String tampered = parts[0] + "." + encode(JSON.writeValueAsBytes(((ObjectNode) claims.deepCopy()).put("authority_code", LONDON)))
                + "." + parts[2];
        String wrongAudience = RunningPlatform.passwordToken("admin-cli", "lga1", "lga1-password");
        assertFalse(RunningPlatform.claims(wrongAudience).path("aud").toString().contains("healthcheck-api"),
                "precondition: admin-cli tokens are not meant for the APIs");
        Map<String, String> untrusted = new LinkedHashMap<>();
        untrusted.put("garbage", "not.a.token");
        untrusted.put("tampered payload", tampered);
        untrusted.put("signed by another key", resign(parts[0], parts[1]));
        untrusted.put("another client's audience", wrongAudience);
        List<String> urls = List.of(SURVEY + "/api/v1/rounds/" + ROUND + "/returns/" + OWN,
                METRICS + "/api/v1/authorities/" + OWN + "/indicators?round=" + ROUND,
                BENCHMARK + "/api/v1/benchmarks/" + ROUND + "/authorities/" + OWN);
        List<String> failures = new ArrayList<>();
        for (String url : urls) {
            given().auth().oauth2(council).get(url).then().statusCode(200); // the genuine token works
            untrusted.forEach((what, token) -> {
                Response r = given().auth().oauth2(token).get(url);
                if (r.statusCode() != 401 || r.asString().contains("\"indicators\"") || r.asString().contains("\"answers\"")) {
                    failures.add(what + " at " + url + ": " + r.statusCode() + " " + abbreviate(r.asString()));
                }
            });
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    static final String UNAUTHORIZED_TYPE = "https://healthcheck.local.gov.uk/problems/unauthorized";

    /**
     * Issue 10: a token that must not be trusted is a 401 problem ({@code type .../problems/unauthorized},
     * {@code WWW-Authenticate: Bearer}) on every write endpoint of every service and on a read of each, never a 500,
     * never a change: no token, garbage, a real Keycloak token that has expired, the real payload under {@code alg: none},
     * the real payload signed HS256 with the realm's public key as the HMAC secret (the algorithm-confusion attack), and
     * a real token of the realm whose issuer is not the one the services trust.
     */
    @Test
    void everyBadTokenIsA401ProblemOnEveryWriteEndpoint() throws Exception {
        String lga = TOKENS.get("lga");
        String[] parts = lga.split("\\.");
        RunningPlatform.RealmKey key = RunningPlatform.realmKey();
        String hsHeader = encode(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + key.kid() + "\"}").getBytes(StandardCharsets.UTF_8));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.der()) + "\n-----END PUBLIC KEY-----\n";
        String wrongIssuer = RunningPlatform.wrongIssuerToken("lga1");
        String expired = RunningPlatform.expiredToken();
        assertFalse(RunningPlatform.claims(wrongIssuer).path("iss").asText().equals(RunningPlatform.claims(lga).path("iss").asText()),
                "precondition: the wrong-issuer token has another iss");
        assertTrue(RunningPlatform.claims(expired).path("exp").asLong() * 1000 < System.currentTimeMillis() - 5000,
                "precondition: the expired token has expired");
        assertTrue(RunningPlatform.claims(expired).path("realm_access").path("roles").toString().contains("lga-admin"),
                "precondition: the expired token carries lga-admin");

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("garbage", "not.a.token");
        bad.put("garbage bytes", encode("\u0000\u00ff{}[]".getBytes(StandardCharsets.ISO_8859_1)));
        bad.put("expired", expired);
        bad.put("alg none", encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".");
        bad.put("HS256 keyed with the realm's public key (PEM)", hs256(hsHeader, parts[1], pem.getBytes(StandardCharsets.US_ASCII)));
        bad.put("HS256 keyed with the realm's public key (DER)", hs256(hsHeader, parts[1], key.der()));
        bad.put("wrong issuer", wrongIssuer);

        List<Check> guarded = guarded();
        List<String> roundsAttempted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Check check : guarded) {
            for (Map.Entry<String, String> token : bad.entrySet()) {
                RequestSpecification request = given().redirects().follow(false);
                if (token.getValue() != null) {
                    request = request.header("Authorization", "Bearer " + token.getValue());
                }
                if (check.body() != null) {
                    String id = "bad-" + System.nanoTime();
                    if (check.body().contains("\"instrument\"")) {
                        roundsAttempted.add("matrix-" + id);
                    }
                    request = request.contentType(check.contentType()).body(check.body().replace("%s", id).getBytes(StandardCharsets.UTF_8));
                }
                Response r = request.request(check.method(), check.url());
                checked++;
                String what = token.getKey() + " " + check.method() + " " + check.url() + ": ";
                String type = r.contentType();
                if (r.statusCode() != 401) {
                    failures.add(what + "expected 401, got " + r.statusCode() + " " + abbreviate(r.asString()));
                    continue;
                }
                if (type == null || !type.startsWith("application/problem+json")) {
                    failures.add(what + "401 without problem+json (Content-Type " + type + ", body '" + abbreviate(r.asString()) + "')");
                    continue;
                }
                JsonNode problem = JSON.readTree(r.asString());
                if (!UNAUTHORIZED_TYPE.equals(problem.path("type").asText()) || problem.path("status").asInt() != 401) {
                    failures.add(what + "401 problem of another type/status: " + abbreviate(r.asString()));
                }
                String challenge = r.header("WWW-Authenticate");
                if (challenge == null || !challenge.startsWith("Bearer")) {
                    failures.add(what + "401 without WWW-Authenticate: Bearer (" + challenge + ")");
                }
            }
        }
        // nothing a refused caller sent was stored
        for (String round : roundsAttempted) {
            int status = given().auth().oauth2(lga).get(SURVEY + "/api/v1/rounds/" + round).statusCode();
            if (status != 404) {
                failures.add("round " + round + " posted with a bad token: GET answers " + status + " (expected 404: never created)");
            }
        }
        assertEquals(guarded.size() * bad.size(), checked);
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " bad-token checks failed:\n" + String.join("\n", failures));
    }

    /** Every write endpoint of the three services, and one read of each. */
    static List<Check> guarded() {
        List<Check> checks = new ArrayList<>();
        Map<String, Integer> none = Map.of();
        checks.add(new Check("POST", SURVEY + "/api/v1/rounds", round("matrix-%s", "workforce-return"), "application/json", none));
        checks.add(new Check("POST", SURVEY + "/api/v1/rounds/" + ROUND + "/close", null, null, none));
        checks.add(new Check("POST", SURVEY + "/api/v1/rounds/" + ROUND + "/reopen", null, null, none));
        checks.add(new Check("PUT", SURVEY + "/api/v1/rounds/" + ROUND + "/returns/" + OWN, RETURN, "application/json", none));
        // Middlesbrough has no return in the round: even a wrongly accepted call would change nothing
        checks.add(new Check("DELETE", SURVEY + "/api/v1/rounds/" + ROUND + "/returns/E06000002", null, null, none));
        checks.add(new Check("POST", SURVEY + "/api/v1/rounds/" + PRACTICE + "/responses", response("%s", OWN), "application/json", none));
        checks.add(new Check("POST", SURVEY + "/api/v1/rounds/" + PRACTICE + "/responses/batch", response("%s", OWN),
                "application/x-ndjson", none));
        checks.add(read(SURVEY + "/api/v1/rounds", none));
        checks.add(new Check("POST", METRICS + "/api/v1/admin/rebuild", null, null, none));
        for (String service : List.of(METRICS, BENCHMARK)) {
            checks.add(new Check("POST", service + "/api/v1/admin/dead-letters/1/replay", null, null, none));
            checks.add(new Check("POST", service + "/api/v1/admin/dead-letters/1/dismiss", null, null, none));
            checks.add(read(service + "/api/v1/admin/dead-letters", none));
        }
        checks.add(read(METRICS + "/api/v1/authorities/" + OWN + "/indicators?round=" + ROUND, none));
        checks.add(read(BENCHMARK + "/api/v1/benchmarks/" + ROUND + "/indicators/agency_rate", none));
        return checks;
    }

    private static String hs256(String header, String payload, byte[] secret) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
        return header + "." + payload + "." + encode(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
    }

    /** The HTTP hygiene of issue 4, in every service: security headers on API answers, CORS for named origins only. */
    @Test
    void everyServiceSendsSecurityHeadersAndAdmitsOnlyNamedOrigins() {
        String lga = TOKENS.get("lga");
        for (String url : List.of(SURVEY + "/api/v1/rounds", METRICS + "/api/v1/indicators",
                BENCHMARK + "/api/v1/benchmarks/" + ROUND + "/indicators/agency_rate")) {
            given().auth().oauth2(lga).get(url).then().statusCode(200)
                    .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                    .header("Cache-Control", "no-store").header("Content-Security-Policy", containsString("default-src 'none'"));
            given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                    .options(url).then().header("Access-Control-Allow-Origin", nullValue());
            given().header("Origin", "https://healthcheck.local.gov.uk").header("Access-Control-Request-Method", "GET")
                    .options(url).then().header("Access-Control-Allow-Origin", "https://healthcheck.local.gov.uk");
        }
        // OpenAPI declares Keycloak as the security scheme, so the Swagger UI can obtain a token
        for (String service : List.of(SURVEY, METRICS, BENCHMARK)) {
            given().queryParam("format", "json").get(service + "/q/openapi").then().statusCode(200)
                    .body("components.securitySchemes.keycloak.type", equalTo("openIdConnect"))
                    .body("components.securitySchemes.keycloak.openIdConnectUrl", containsString("/realms/healthcheck/"));
        }
    }

    /** The same header (so the same kid) and payload, signed RS256 with a freshly generated key. */
    private static String resign(String header, String payload) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(generator.generateKeyPair().getPrivate());
        rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + encode(rsa.sign());
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        // --- survey-service ---
        checks.add(read(SURVEY + "/api/v1/instruments", all(200)));
        // one questionnaire in full, for the relay too: the portal renders the practitioner survey from it
        checks.add(read(SURVEY + "/api/v1/instruments/workforce-return/1",
                allowed(200, "lga", "council", "viewer", "ria", "hr-system", "relay")));
        checks.add(read(SURVEY + "/api/v1/rounds", all(200)));
        checks.add(read(SURVEY + "/api/v1/rounds/" + ROUND, all(200)));
        checks.add(new Check("POST", SURVEY + "/api/v1/rounds", round("matrix-new-%s", "workforce-return"), "application/json",
                only(201, "lga")));
        checks.add(new Check("POST", SURVEY + "/api/v1/rounds/" + ROUND + "/reopen", null, null, only(200, "lga")));
        checks.add(read(SURVEY + "/api/v1/rounds/" + ROUND + "/returns/" + OWN, allowed(200, "lga", "council", "viewer", "hr-system")));
        checks.add(read(SURVEY + "/api/v1/rounds/" + ROUND + "/returns/" + OWN + "/revisions", allowed(200, "lga", "council", "viewer", "hr-system")));
        checks.add(read(SURVEY + "/api/v1/rounds/" + ROUND + "/returns/" + LONDON, allowed(200, "lga", "ria")));
        // the same body again: allowed callers get the stored revision back, nothing changes
        checks.add(new Check("PUT", SURVEY + "/api/v1/rounds/" + ROUND + "/returns/" + OWN, RETURN, "application/json",
                allowed(200, "lga", "council", "hr-system")));
        checks.add(new Check("PUT", SURVEY + "/api/v1/rounds/" + ROUND + "/returns/" + LONDON, RETURN, "application/json",
                allowed(200, "lga")));
        // lga is asked first (CALLERS order) and withdraws; the others are refused before existence is looked at
        checks.add(new Check("DELETE", SURVEY + "/api/v1/rounds/" + ROUND + "/returns/" + WITHDRAWN, null, null, only(200, "lga")));
        checks.add(new Check("POST", SURVEY + "/api/v1/rounds/" + PRACTICE + "/responses", response("own-%s", OWN), "application/json",
                allowed(201, "lga", "council", "hr-system")));
        checks.add(new Check("POST", SURVEY + "/api/v1/rounds/" + PRACTICE + "/responses", response("london-%s", LONDON), "application/json",
                allowed(201, "lga")));
        checks.add(new Check("POST", SURVEY + "/api/v1/rounds/" + PRACTICE + "/responses/batch", response("batch-%s", OWN).replace("\n", ""),
                "application/x-ndjson", allowed(200, "lga", "council", "hr-system")));
        checks.add(read(SURVEY + "/api/v1/audit?authority=" + OWN, only(200, "lga")));
        // --- metrics-service ---
        // the dictionary (what each indicator means; no authority's data) is metrics-service's to any valid token of the
        // APIs' audience, the portal's relay too
        checks.add(read(METRICS + "/api/v1/indicators", allowed(200, "lga", "council", "viewer", "ria", "hr-system", "relay")));
        checks.add(read(METRICS + "/api/v1/authorities/" + OWN + "/indicators?round=" + ROUND, allowed(200, "lga", "council", "viewer", "hr-system")));
        checks.add(read(METRICS + "/api/v1/authorities/" + LONDON + "/indicators?round=" + ROUND, allowed(200, "lga", "ria")));
        checks.add(read(METRICS + "/api/v1/authorities/" + OWN + "/indicators/agency_rate/series", allowed(200, "lga", "council", "viewer", "hr-system")));
        checks.add(read(METRICS + "/api/v1/authorities/" + LONDON + "/indicators/agency_rate/series", allowed(200, "lga", "ria")));
        // the state of the last rebuild: none has run on this platform, which only the LGA is told
        checks.add(read(METRICS + "/api/v1/admin/rebuild", only(404, "lga")));
        // the dead letters (issue 10): the LGA's operators only
        checks.add(read(METRICS + "/api/v1/admin/dead-letters", only(200, "lga")));
        checks.add(read(METRICS + "/api/v1/admin/dead-letters?status=open", only(200, "lga")));
        // --- benchmark-service ---
        checks.add(read(BENCHMARK + "/api/v1/admin/dead-letters", only(200, "lga")));
        checks.add(read(BENCHMARK + "/api/v1/benchmarks/" + ROUND + "/indicators/agency_rate", all(200)));
        checks.add(read(BENCHMARK + "/api/v1/benchmarks/" + ROUND + "/indicators/agency_rate?group=region:E12000005", all(200)));
        checks.add(read(BENCHMARK + "/api/v1/benchmarks/" + ROUND + "/authorities/" + OWN, allowed(200, "lga", "council", "viewer", "hr-system")));
        checks.add(read(BENCHMARK + "/api/v1/benchmarks/" + ROUND + "/authorities/" + LONDON, allowed(200, "lga", "ria")));
        checks.add(read(BENCHMARK + "/api/v1/benchmarks/" + ROUND + "/questions/staff.headcount", all(200)));
        checks.add(read(BENCHMARK + "/api/v1/reports/" + ROUND, all(200)));
        return checks;
    }

    private Response call(Check check, String caller) {
        RequestSpecification request = given();
        if (!"none".equals(caller)) {
            request = request.auth().oauth2(TOKENS.get(caller));
        }
        if (check.body() != null) {
            // bytes: REST Assured has no encoder for NDJSON, and the body is sent exactly as written
            request = request.contentType(check.contentType())
                    .body(check.body().replace("%s", caller + "-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        }
        return request.request(check.method(), check.url());
    }

    static Check read(String url, Map<String, Integer> expected) {
        return new Check("GET", url, null, null, expected);
    }

    /** Every role gets {@code status}; no token gets 401. */
    static Map<String, Integer> all(int status) {
        return allowed(status, "lga", "council", "viewer", "ria", "hr-system");
    }

    static Map<String, Integer> only(int status, String caller) {
        return allowed(status, caller);
    }

    /** The callers named get {@code status}, every other role 403, no token 401. */
    static Map<String, Integer> allowed(int status, String... callers) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String caller : CALLERS) {
            expected.put(caller, "none".equals(caller) ? 401 : 403);
        }
        for (String caller : callers) {
            expected.put(caller, status);
        }
        return expected;
    }

    static String round(String id, String instrument) {
        // period 2024, taking submissions today (a round takes them only between its dates, London time)
        return "{\"id\":\"" + id + "\",\"instrument\":\"" + instrument + "\",\"period\":\"2024\"," + RunningPlatform.roundDates(30) + "}";
    }

    static String response(String id, String authority) {
        return "{\"responseId\":\"" + id + "\",\"authorityCode\":\"" + authority + "\",\"answers\":{\"profile.role\":\"social_worker\","
                + "\"profile.service\":\"children\",\"std1.clear_framework\":\"agree\"}}";
    }

    static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
