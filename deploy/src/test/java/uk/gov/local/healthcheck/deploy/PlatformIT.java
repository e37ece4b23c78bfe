package uk.gov.local.healthcheck.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.BENCHMARK;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.METRICS;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.ROOT;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.SURVEY;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.claims;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.eventually;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.platform;
import static uk.gov.local.healthcheck.deploy.RunningPlatform.token;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole platform, as a user starts it: {@code deploy/platform up} brings up the real PostgreSQL, Kafka and
 * Keycloak and the three built services; the test then drives the first flow with real tokens from the real
 * Keycloak, from the REST call to the benchmark answer, loads the demo data and checks the national picture
 * against the DfE's published figures. Runs on its own ports and run directory (see RunningPlatform).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    static final String WARWICKSHIRE = "E10000031";
    static final String WEST_MIDLANDS = "E12000005";
    @BeforeAll
    static void startThePlatform() throws Exception {
        RunningPlatform.ensureUp();
    }

    @Test
    @Order(1)
    void statusShowsEveryComponentUp() throws Exception {
        String status = platform(Duration.ofMinutes(1), "status");
        List<String> components = new java.util.ArrayList<>(List.of("postgres", "kafka", "keycloak", "survey", "metrics", "benchmark"));
        if (RunningPlatform.portalBuilt()) {
            components.add("portal");
        } else {
            assertTrue(status.lines().anyMatch(l -> l.startsWith("portal ") && l.contains(" down ") && l.contains(" not-built ")),
                    "a portal not yet in the build is shown as not built:\n" + status);
        }
        for (String component : components) {
            assertTrue(status.lines().anyMatch(l -> l.startsWith(component + " ") && l.contains(" up ") && l.contains(" ready ")),
                    component + " up and ready in:\n" + status);
        }
        // Running up again when everything is up changes nothing: same components, same ports, same PIDs.
        platform(Duration.ofMinutes(3), "up");
        assertEquals(status, platform(Duration.ofMinutes(1), "status"));
    }

    /**
     * metrics-service is rebuilt by replaying survey.submissions.v1 from the beginning: no event may expire; nor may a
     * dead letter before someone has looked at it. The dead-letter topics have one partition (they are read rarely, in
     * the order things failed).
     */
    @Test
    @Order(1)
    void topicsKeepEveryEventForEver() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + RunningPlatform.ENV.get("KAFKA_PORT"));
        Map<String, Integer> partitions = Map.of("survey.submissions.v1", 6, "metrics.indicators.v1", 6,
                "survey.submissions.v1.dlq", 1, "metrics.indicators.v1.dlq", 1);
        try (Admin admin = Admin.create(props)) {
            var descriptions = admin.describeTopics(partitions.keySet()).allTopicNames().get(1, TimeUnit.MINUTES);
            for (Map.Entry<String, Integer> topic : partitions.entrySet()) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.getKey());
                Config config = admin.describeConfigs(List.of(resource)).all().get(1, TimeUnit.MINUTES).get(resource);
                assertEquals("-1", config.get("retention.ms").value(), topic.getKey() + " retention.ms");
                assertEquals(topic.getValue(), descriptions.get(topic.getKey()).partitions().size(), topic.getKey() + " partitions");
            }
        }
    }

    @Test
    @Order(2)
    void keycloakIssuesTokensWithRolesAuthorityAndAudience() throws Exception {
        JsonNode council = claims(token("council1"));
        assertTrue(council.path("realm_access").path("roles").toString().contains("council-submitter"), council.toString());
        assertEquals(WARWICKSHIRE, council.path("authority_code").asText());
        assertEquals(WEST_MIDLANDS, council.path("region_code").asText());
        assertTrue(council.path("aud").toString().contains("healthcheck-api"), council.toString());
        assertTrue(claims(token("lga1")).path("realm_access").path("roles").toString().contains("lga-admin"));
        assertEquals("E12000007", claims(token("ria1")).path("region_code").asText());
    }

    /**
     * The demo users sign in to the portal at Keycloak's real login page: the authorization code flow with PKCE (S256)
     * on the confidential client portal, back to this platform's portal address (PORTAL_PORT, which deploy/platform
     * put in the realm). The access token the portal gets is the user's own, and the APIs accept it as the user's.
     */
    @Test
    @Order(2)
    void theDemoUsersSignInToThePortalAndTheApisAcceptTheirTokens() throws Exception {
        Map<String, String> roles = Map.of("lga1", "lga-admin", "council1", "council-submitter", "viewer1", "council-viewer",
                "ria1", "ria-analyst");
        for (Map.Entry<String, String> user : roles.entrySet()) {
            JsonNode tokens = RunningPlatform.signInToPortal(user.getKey(), user.getKey() + "-password");
            String access = tokens.path("access_token").asText();
            JsonNode claims = claims(access);
            assertEquals("portal", claims.path("azp").asText(), claims.toString());
            assertTrue(claims.path("aud").toString().contains("healthcheck-api"), claims.toString());
            assertTrue(claims.path("realm_access").path("roles").toString().contains(user.getValue()), claims.toString());
            assertEquals(user.getKey(), claims.path("preferred_username").asText());
            assertTrue(tokens.hasNonNull("id_token"), "the portal gets an ID token (openid scope) for sign-out");
            given().auth().oauth2(access).get(SURVEY + "/api/v1/rounds").then().statusCode(200);
        }
        JsonNode council = claims(RunningPlatform.signInToPortal("council1", "council1-password").path("access_token").asText());
        assertEquals(WARWICKSHIRE, council.path("authority_code").asText());
        assertEquals(WEST_MIDLANDS, council.path("region_code").asText());
    }

    /**
     * Keycloak sends codes to this platform's portal only, and only to a sign-in that proves it asked for the code:
     * another address (the default port 8084 included: the tests' portal is on 28084) is refused outright, a request
     * without a PKCE S256 challenge is sent back with an error, and a code is exchanged only with its verifier.
     */
    @Test
    @Order(2)
    void thePortalClientRedirectsOnlyToThisPlatformsPortalAndRequiresPkce() throws Exception {
        RunningPlatform.Pkce pkce = RunningPlatform.Pkce.create();
        for (String elsewhere : List.of("http://127.0.0.1:8084/signed-in", "http://evil.example/signed-in",
                RunningPlatform.PORTAL.replace("28084", "28085") + "/signed-in")) {
            assertEquals(400, RunningPlatform.browser(RunningPlatform.authorizationUrl(elsewhere, pkce.challenge(), "S256"), null, null)
                    .statusCode(), "Keycloak must not redirect to " + elsewhere);
        }
        assertEquals(200, RunningPlatform.browser(RunningPlatform.authorizationUrl(
                RunningPlatform.PORTAL.replace("127.0.0.1", "localhost") + "/signed-in", pkce.challenge(), "S256"), null, null).statusCode(),
                "the portal's address by name is one of its redirect URIs");
        for (String method : new String[] {null, "plain"}) {
            var answer = RunningPlatform.browser(RunningPlatform.authorizationUrl(RunningPlatform.PORTAL_SIGNED_IN,
                    method == null ? pkce.challenge() : pkce.verifier(), method), null, null);
            String location = answer.headers().firstValue("Location").orElse("");
            assertEquals(302, answer.statusCode(), "PKCE " + method + ": " + answer.body());
            assertTrue(location.startsWith(RunningPlatform.PORTAL_SIGNED_IN + "?error=invalid_request"), "PKCE " + method + ": " + location);
            assertFalse(location.contains("code="), location);
        }
        String code = RunningPlatform.portalCode("council1", "council1-password", pkce);
        var withoutVerifier = RunningPlatform.exchangeCode(code, RunningPlatform.PORTAL_SIGNED_IN, null);
        assertEquals(400, withoutVerifier.statusCode(), withoutVerifier.body());
        RunningPlatform.Pkce other = RunningPlatform.Pkce.create();
        String second = RunningPlatform.portalCode("council1", "council1-password", other);
        var wrongVerifier = RunningPlatform.exchangeCode(second, RunningPlatform.PORTAL_SIGNED_IN, pkce.verifier());
        assertEquals(400, wrongVerifier.statusCode(), wrongVerifier.body());
    }

    /**
     * The portal's own token (client credentials), with which it posts anonymous practitioner responses, holds
     * survey-relay and nothing else: the APIs' audience, no person's role, no authority; no authority's returns,
     * indicators or benchmarks are its to read or write. (metrics-service's indicator dictionary, which holds no
     * authority's data, answers any valid token: AccessMatrixIT.)
     */
    @Test
    @Order(2)
    void thePortalsOwnTokenHoldsSurveyRelayOnly() throws Exception {
        String relay = RunningPlatform.clientToken("portal", RunningPlatform.PORTAL_SECRET);
        JsonNode claims = claims(relay);
        assertEquals("[\"survey-relay\"]", claims.path("realm_access").path("roles").toString(), claims.toString());
        assertTrue(claims.path("aud").toString().contains("healthcheck-api"), claims.toString());
        assertTrue(claims.path("authority_code").isMissingNode(), claims.toString());
        assertTrue(claims.path("resource_access").isMissingNode() || claims.path("resource_access").isEmpty(), claims.toString());
        given().auth().oauth2(relay).get(METRICS + "/api/v1/authorities/" + WARWICKSHIRE + "/indicators?round=e2e-2024").then().statusCode(403);
        given().auth().oauth2(relay).get(SURVEY + "/api/v1/rounds").then().statusCode(403);
        given().auth().oauth2(relay).get(BENCHMARK + "/api/v1/benchmarks/any/indicators/agency_rate").then().statusCode(403);
        given().auth().oauth2(relay).contentType(ContentType.JSON).body("{\"status\":\"draft\",\"answers\":{}}")
                .put(SURVEY + "/api/v1/rounds/any/returns/" + WARWICKSHIRE).then().statusCode(403);
    }

    @Test
    @Order(3)
    void everyApiRequiresAValidToken() {
        given().get(SURVEY + "/api/v1/rounds").then().statusCode(401);
        given().get(METRICS + "/api/v1/indicators").then().statusCode(401);
        given().get(BENCHMARK + "/api/v1/benchmarks/any/indicators/agency_rate").then().statusCode(401);
        given().auth().oauth2("not.a.token").get(SURVEY + "/api/v1/rounds").then().statusCode(401);
    }

    @Test
    @Order(4)
    void aReturnFlowsFromTheApiToTheBenchmark() throws Exception {
        String lga = token("lga1");
        String council = token("council1");
        given().auth().oauth2(lga).contentType(ContentType.JSON)
                // period 2024 (the authorities of that year, its 254 working days), taking submissions today
                .body("{\"id\":\"e2e-2024\",\"instrument\":\"workforce-return\",\"period\":\"2024\"," + RunningPlatform.roundDates(30) + "}")
                .post(SURVEY + "/api/v1/rounds").then().statusCode(201);
        given().auth().oauth2(council).contentType(ContentType.JSON)
                .body("{\"status\":\"submitted\",\"answers\":{\"staff.headcount\":180,\"staff.fte\":170.5,\"staff.agency_headcount\":20,"
                        + "\"staff.agency_fte\":18.5,\"staff.vacancies_fte\":25,\"flows.leavers_fte\":30.2,\"flows.absence_days\":1500,"
                        + "\"caseload.cases\":2400,\"caseload.case_holding_fte\":150}}")
                .put(SURVEY + "/api/v1/rounds/e2e-2024/returns/" + WARWICKSHIRE)
                .then().statusCode(200).body("revision", equalTo(1));
        // A council may not submit for another authority.
        given().auth().oauth2(council).contentType(ContentType.JSON).body("{\"status\":\"draft\",\"answers\":{}}")
                .put(SURVEY + "/api/v1/rounds/e2e-2024/returns/E09000001").then().statusCode(403);

        JsonNode indicators = eventually(() -> given().auth().oauth2(council)
                        .get(METRICS + "/api/v1/authorities/" + WARWICKSHIRE + "/indicators?round=e2e-2024"),
                r -> r.statusCode() == 200);
        assertEquals(18.5 / (18.5 + 170.5) * 100, indicator(indicators, "agency_rate"), 1e-9);
        assertEquals(30.2 / 170.5 * 100, indicator(indicators, "turnover_rate"), 1e-9);
        assertEquals(25 / (25 + 170.5) * 100, indicator(indicators, "vacancy_rate"), 1e-9);
        assertEquals(1500 / (170.5 * 254) * 100, indicator(indicators, "absence_rate"), 1e-9, "2024 has 254 working days");
        assertEquals(2400 / 150.0, indicator(indicators, "average_caseload"), 1e-9);

        // One authority: England's and the region's figures would be Warwickshire's own, so they are suppressed.
        JsonNode alone = eventually(() -> given().auth().oauth2(council)
                        .get(BENCHMARK + "/api/v1/benchmarks/e2e-2024/indicators/agency_rate"),
                r -> r.statusCode() == 200 && r.jsonPath().getInt("national.n") == 1);
        assertEquals("c", alone.path("national").path("suppressed").asText(), alone.toString());
        assertTrue(alone.path("national").path("value").isNull());

        // Two more West Midlands councils (submitted by the LGA) with the same figures: three authorities, shown.
        for (String code : List.of("E08000025", "E08000026")) {
            given().auth().oauth2(lga).contentType(ContentType.JSON)
                    .body("{\"status\":\"submitted\",\"answers\":{\"staff.headcount\":180,\"staff.fte\":170.5,"
                            + "\"staff.agency_headcount\":20,\"staff.agency_fte\":18.5,\"staff.vacancies_fte\":25,\"flows.leavers_fte\":30.2}}")
                    .put(SURVEY + "/api/v1/rounds/e2e-2024/returns/" + code).then().statusCode(200);
        }
        JsonNode benchmark = eventually(() -> given().auth().oauth2(council)
                        .get(BENCHMARK + "/api/v1/benchmarks/e2e-2024/indicators/agency_rate"),
                r -> r.statusCode() == 200 && r.jsonPath().getInt("national.n") == 3);
        assertEquals("agency_rate", benchmark.path("indicator").asText());
        assertEquals(9.8, benchmark.path("national").path("value").asDouble(), 1e-9, benchmark.toString());
        JsonNode westMidlands = region(benchmark, WEST_MIDLANDS);
        assertEquals("West Midlands", westMidlands.path("name").asText());
        assertEquals(3, westMidlands.path("n").asInt());
        assertEquals(9.8, westMidlands.path("value").asDouble(), 1e-9);
        assertEquals(9, benchmark.path("regions").size());
    }

    @Test
    @Order(5)
    void returnsAreAcceptedWhileKafkaIsDownAndPublishedWhenItReturns() throws Exception {
        String lga = token("lga1");
        platform(Duration.ofMinutes(2), "stop", "kafka");
        Instant start = Instant.now();
        given().auth().oauth2(lga).contentType(ContentType.JSON)
                .body("{\"status\":\"submitted\",\"answers\":{\"staff.headcount\":300,\"staff.fte\":280,\"staff.agency_headcount\":10,"
                        + "\"staff.agency_fte\":10,\"staff.vacancies_fte\":30,\"flows.leavers_fte\":40}}")
                .put(SURVEY + "/api/v1/rounds/e2e-2024/returns/E08000025")   // Birmingham, West Midlands
                .then().statusCode(200);
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 10, "the API does not wait on Kafka");
        platform(Duration.ofMinutes(3), "start", "kafka");
        // Birmingham's second revision replaces its first: Warwickshire and Coventry at 18.5 of 189, Birmingham 10 of 290.
        double pooled = round1((18.5 + 18.5 + 10) / (2 * (18.5 + 170.5) + 10 + 280) * 100);
        JsonNode benchmark = eventually(() -> given().auth().oauth2(lga)
                        .get(BENCHMARK + "/api/v1/benchmarks/e2e-2024/indicators/agency_rate"),
                r -> r.statusCode() == 200 && r.jsonPath().getInt("national.n") == 3
                        && Math.abs(r.jsonPath().getDouble("national.value") - pooled) < 1e-9);
        assertEquals(3, region(benchmark, WEST_MIDLANDS).path("n").asInt());
        assertEquals(pooled, region(benchmark, WEST_MIDLANDS).path("value").asDouble(), 1e-9);
    }

    /**
     * 2019 and 2020 (a 254-day year) are years in which every England and regional rate can be rebuilt from the
     * authorities' own rows; other years' exceptions (suppressed inputs the DfE still counted) are listed and
     * explained in benchmark-service's DfePublishedRatesReconciliationTest.
     */
    @Test
    @Order(6)
    void theDemoDataGivesTheNationalAndRegionalPictureThatTheDfePublished() throws Exception {
        platform(Duration.ofMinutes(15), "demo");
        String lga = token("lga1");
        theDemosRoundsAreLoadedAndClosedAndARunAgainLeavesThemAlone(lga);
        for (String year : List.of("2019", "2020")) {
            Map<String, Map<String, Double>> published = publishedRates(year);
            for (Map.Entry<String, List<String>> indicator : INPUTS.entrySet()) {
                int expectedN = authoritiesWithInputs(year, indicator.getValue());
                JsonNode benchmark = eventually(() -> given().auth().oauth2(lga)
                                .get(BENCHMARK + "/api/v1/benchmarks/workforce-" + year + "/indicators/" + indicator.getKey()),
                        r -> r.statusCode() == 200 && r.jsonPath().getInt("national.n") == expectedN);
                Map<String, Double> expected = published.get(PUBLISHED.get(indicator.getKey()));
                assertEquals(expected.get("E92000001"), benchmark.path("national").path("value").asDouble(), TOLERANCE,
                        indicator.getKey() + " England " + year);
                for (JsonNode region : benchmark.path("regions")) {
                    assertEquals(expected.get(region.path("code").asText()), region.path("value").asDouble(), TOLERANCE,
                            indicator.getKey() + " " + region.path("name").asText() + " " + year);
                }
            }
        }
    }

    /**
     * The demo's historic rounds were extended to today to take their returns, then closed: each holds a submitted
     * return from every authority of its year and refuses another (a published year cannot be changed). A second
     * {@code demo} leaves every round alone and sends no return.
     */
    void theDemosRoundsAreLoadedAndClosedAndARunAgainLeavesThemAlone(String lga) throws Exception {
        for (int year = 2017; year <= 2025; year++) {
            String id = "workforce-" + year;
            String y = String.valueOf(year);
            long authorities = rows().stream().filter(r -> y.equals(r.get("time_period")) && "Local authority".equals(r.get("geographic_level"))).count();
            JsonNode round = RunningPlatform.getJson(lga, SURVEY + "/api/v1/rounds/" + id);
            assertEquals("closed", round.path("status").asText(), round.toString());
            assertFalse(round.path("acceptingSubmissions").asBoolean(true), round.toString());
            assertEquals(year + "-10-01", round.path("opensOn").asText(), "the round keeps its real opening date: " + round);
            assertEquals(authorities, round.path("counts").path("submitted").asLong(), round.toString());
        }
        given().auth().oauth2(lga).contentType(ContentType.JSON)
                .body("{\"status\":\"submitted\",\"answers\":{\"staff.headcount\":1,\"staff.fte\":1}}")
                .put(SURVEY + "/api/v1/rounds/workforce-2019/returns/" + WARWICKSHIRE).then().statusCode(409);
        String again = platform(Duration.ofMinutes(5), "demo");
        assertTrue(again.contains("demo: rounds to load 0, left alone 9, failed 0"), again);
        assertTrue(again.contains("demo: returns accepted 0, rejected 0, failed 0 (of 0 to load"), again);
    }

    /** The DfE publishes to one decimal place; our pooled value is rounded the same way. */
    static final double TOLERANCE = 0.1 + 1e-9;
    /** Each indicator's input columns in the DfE file. */
    static final Map<String, List<String>> INPUTS = Map.of(
            "agency_rate", List.of("agency_fte", "inpost_fte"),
            "turnover_rate", List.of("leavers_fte", "inpost_fte"),
            "vacancy_rate", List.of("vacancy_fte", "inpost_fte"),
            "absence_rate", List.of("working_days_lost_fte", "inpost_fte"),
            "average_caseload", List.of("cases", "case_holders_fte"));
    static final Map<String, String> PUBLISHED = Map.of("agency_rate", "agency_rate_fte", "turnover_rate", "turnover_rate_fte",
            "vacancy_rate", "vacancy_rate_fte", "absence_rate", "absence_rate_fte", "average_caseload", "caseload_fte");

    /** How many authorities' rows give every input as a number ({@code low} counts as 0): the n to wait for. */
    static int authoritiesWithInputs(String year, List<String> columns) throws IOException {
        int n = 0;
        for (CSVRecord r : rows()) {
            if (year.equals(r.get("time_period")) && "Local authority".equals(r.get("geographic_level"))
                    && columns.stream().allMatch(c -> r.get(c).equals("low") || r.get(c).matches("-?[0-9.]+"))) {
                n++;
            }
        }
        return n;
    }

    static List<CSVRecord> rows() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("reference-data/csww_indicators_2017_to_2025.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    // --- helpers ---





    static double indicator(JsonNode authorityIndicators, String id) {
        for (JsonNode i : authorityIndicators.path("indicators")) {
            if (id.equals(i.path("indicatorId").asText())) {
                return i.path("value").asDouble();
            }
        }
        throw new AssertionError("No indicator " + id + " in " + authorityIndicators);
    }

    static JsonNode region(JsonNode benchmark, String code) {
        for (JsonNode r : benchmark.path("regions")) {
            if (code.equals(r.path("code").asText())) {
                return r;
            }
        }
        throw new AssertionError("No region " + code + " in " + benchmark);
    }

    static double round1(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** Published rate column → (England or region code → value) for one year, from the project's copy of the DfE data. */
    static Map<String, Map<String, Double>> publishedRates(String year) throws IOException {
        Map<String, Map<String, Double>> rates = new HashMap<>();
        for (CSVRecord r : rows()) {
            String code = switch (r.get("geographic_level")) {
                case "National" -> r.get("country_code");
                case "Regional" -> r.get("region_code");
                default -> null;
            };
            if (code != null && year.equals(r.get("time_period"))) {
                for (String column : PUBLISHED.values()) {
                    rates.computeIfAbsent(column, k -> new HashMap<>()).put(code, Double.parseDouble(r.get(column)));
                }
            }
        }
        return rates;
    }
}
