package uk.gov.local.healthcheck.benchmark.api;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.gov.local.healthcheck.benchmark.support.RecordedSpans;
import uk.gov.local.healthcheck.benchmark.support.Tokens;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.DeadLetter;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.IndicatorValue;
import uk.gov.local.healthcheck.events.Topics;
import uk.gov.local.healthcheck.infra.KafkaTestResource;
import uk.gov.local.healthcheck.infra.PostgresTestResource;
import uk.gov.local.healthcheck.infra.TopicRecords;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static uk.gov.local.healthcheck.benchmark.api.BenchmarkApiTest.AGENCY;
import static uk.gov.local.healthcheck.benchmark.api.BenchmarkApiTest.PATH;
import static uk.gov.local.healthcheck.benchmark.api.BenchmarkApiTest.round;
import static uk.gov.local.healthcheck.benchmark.support.Authorities.CAMDEN;
import static uk.gov.local.healthcheck.benchmark.support.Authorities.HACKNEY;
import static uk.gov.local.healthcheck.benchmark.support.Authorities.HARTLEPOOL;
import static uk.gov.local.healthcheck.benchmark.support.Authorities.MIDDLESBROUGH;
import static uk.gov.local.healthcheck.benchmark.support.Authorities.REDCAR;

/**
 * Issue 10 on the real broker and a real PostgreSQL that the test stops and starts: readiness, 401 problems for every
 * bad token on every method, poison events set aside between good ones (dead-letter topic, admin API, replay,
 * dismiss), traces continued from the events' traceparent, Prometheus metrics, and PostgreSQL going away (503 for
 * what needs it, intake waiting and losing nothing). The outage runs last.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// A database name of its own gives this class a server and an application of its own: the outage reaches no other class.
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "benchmark_outage"))
@WithTestResource(value = KafkaTestResource.class,
        initArgs = @ResourceArg(name = "topics", value = Topics.INDICATORS + ":6," + Topics.INDICATORS + ".dlq:1"))
class ResilienceApiTest {

    static final String DEAD_LETTERS = "/api/v1/admin/dead-letters";
    static final Duration WAIT = Duration.ofSeconds(90);

    static final EventPublisher events = new EventPublisher();
    static TopicRecords deadLetters;

    // ---- helpers ----

    static IndicatorValue agency(String indicatorId, String numerator) {
        BigDecimal n = new BigDecimal(numerator);
        return new IndicatorValue(indicatorId, n.divide(BigDecimal.valueOf(2)), n, new BigDecimal("200"), 100, null);
    }

    static String event(String round, String authority, IndicatorValue... values) {
        return EventPublisher.event(new AuthorityIndicators(round, "workforce", "2024", authority, 1, false,
                OffsetDateTime.now(), List.of(values)));
    }

    static Response benchmark(String round) {
        return given().pathParam("round", round).pathParam("indicator", AGENCY).get(PATH);
    }

    static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(WAIT);
        T last;
        do {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            sleep(250);
        } while (Instant.now().isBefore(deadline));
        fail("Timed out waiting for " + what + "; last: " + (last instanceof Response r ? r.statusCode() + " "
                + r.asString() : last));
        return last;
    }

    static Response awaitNationalN(String round, int n) {
        return await(round + " with " + n + " authorities", () -> benchmark(round),
                r -> r.statusCode() == 200 && r.jsonPath().getInt("national.n") == n);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every dead letter on the topic so far. */
    static synchronized List<DeadLetter> deadLetterTopic() {
        if (deadLetters == null) {
            deadLetters = TopicRecords.fromBeginning(KafkaTestResource.companion(), Topics.INDICATORS_DEAD_LETTERS);
        }
        return deadLetters.matching(r -> true).stream().map(r -> EventJson.readRecord(r.value(), DeadLetter.class)).toList();
    }

    // ---- tests ----

    @Test
    @Order(1)
    void readyOnceItHoldsItsPartitionsAndHasCaughtUpAndKafkaIsNotPartOfHealth() {
        Response ready = await("readiness", () -> given().get("/q/health/ready"), r -> r.statusCode() == 200);
        List<String> names = ready.jsonPath().getList("checks.name");
        assertTrue(names.contains("kafka-consumer-partitions"), names.toString());
        assertTrue(names.contains("benchmark-current-figures"), names.toString());
        assertEquals(true, ready.jsonPath().getBoolean(
                "checks.find { it.name == 'benchmark-current-figures' }.data.snapshotsLoaded"));
        String all = given().get("/q/health").asString();
        assertFalse(all.contains("Reactive Messaging"), "the Kafka connector's health is not in health: " + all);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    @Order(2)
    void everyBadTokenIsA401ProblemOnEveryMethod() {
        String publicKey = ConfigProvider.getConfig().getValue("quarkus.oidc.public-key", String.class);
        Map<String, String> tokens = new HashMap<>(Tokens.invalid(publicKey));
        tokens.put("none", null);
        for (String path : List.of("/api/v1/benchmarks/workforce-2024/indicators/agency_rate", DEAD_LETTERS,
                DEAD_LETTERS + "/1/replay", "/api/v1/reports/workforce-2024")) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
                for (Map.Entry<String, String> token : tokens.entrySet()) {
                    var request = given().contentType("application/json").body("{}");
                    if (token.getValue() != null) {
                        request = request.header(new Header("Authorization", "Bearer " + token.getValue()));
                    }
                    Response r = request.request(method, path);
                    String what = method + " " + path + " with token " + token.getKey() + ": " + r.statusCode()
                            + " " + r.asString();
                    assertEquals(401, r.statusCode(), what);
                    assertTrue(r.contentType().startsWith("application/problem+json"), what);
                    assertTrue(r.header("WWW-Authenticate") != null && r.header("WWW-Authenticate").startsWith("Bearer"),
                            what);
                    JsonPath body = r.jsonPath();
                    assertEquals("https://healthcheck.local.gov.uk/problems/unauthorized", body.getString("type"), what);
                    assertEquals("Unauthorized", body.getString("title"), what);
                    assertEquals(401, body.getInt("status"), what);
                }
            }
        }
        // health stays public (without a token)
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "lga1", roles = "lga-admin")
    void poisonEventsBetweenGoodOnesAreSetAsideAndEveryOtherEventApplied() {
        String before = round("before");
        String after = round("after");
        String marker = round("poison");
        // One key, so one partition and this order: good, three kinds of poison, good.
        events.send(CAMDEN, event(before, CAMDEN, agency(AGENCY, "5")));
        events.send(CAMDEN, "not JSON at all " + marker);
        // Reads and validates, but PostgreSQL refuses the NUL in a text column (SQLState 22021).
        events.send(CAMDEN, event(marker, CAMDEN, agency("agency\u0000rate", "7")));
        // Breaks the contract: the same indicator twice.
        events.send(CAMDEN, event(marker + "-dup", CAMDEN, agency(AGENCY, "1"), agency(AGENCY, "2")));
        events.send(CAMDEN, event(after, CAMDEN, agency(AGENCY, "9")));

        awaitNationalN(before, 1);
        awaitNationalN(after, 1);

        List<DeadLetter> onTopic = await("3 dead letters on the topic", () -> deadLetterTopic().stream()
                .filter(d -> d.value() != null && d.value().contains(marker)).toList(), l -> l.size() == 3);
        Map<String, DeadLetter> byType = new HashMap<>();
        onTopic.forEach(d -> byType.put(d.errorType(), d));
        assertEquals(List.of(DeadLetter.INVALID, DeadLetter.UNDECODABLE, DeadLetter.UNSTORABLE),
                byType.keySet().stream().sorted().toList());
        for (DeadLetter d : onTopic) {
            assertEquals("benchmark-service", d.consumer());
            assertEquals(Topics.INDICATORS, d.topic());
            assertEquals(CAMDEN, d.key());
        }
        assertTrue(byType.get(DeadLetter.UNSTORABLE).value().contains("agency\u0000rate")
                        || byType.get(DeadLetter.UNSTORABLE).value().contains("agency\\u0000rate"),
                byType.get(DeadLetter.UNSTORABLE).value());

        // Listed by the admin API, each once.
        JsonPath list = await("3 open dead letters listed", () -> given().queryParam("status", "open")
                        .get(DEAD_LETTERS).then().statusCode(200).extract().jsonPath(),
                j -> j.getList("deadLetters.findAll { it.value != null && it.value.contains('" + marker + "') }")
                        .size() == 3);
        long unstorable = list.getLong("deadLetters.find { it.value != null && it.value.contains('" + marker
                + "') && it.errorType == 'unstorable' }.id");
        long undecodable = list.getLong("deadLetters.find { it.value != null && it.value.contains('" + marker
                + "') && it.errorType == 'undecodable' }.id");

        // Replaying what still cannot be applied: 422, still open. Dismissing: dismissed.
        given().post(DEAD_LETTERS + "/" + unstorable + "/replay").then().statusCode(422)
                .contentType(startsWith("application/problem+json"));
        given().get(DEAD_LETTERS + "/" + unstorable).then().statusCode(200).body("status", equalTo("open"));
        given().post(DEAD_LETTERS + "/" + undecodable + "/dismiss").then().statusCode(200)
                .body("status", equalTo("dismissed"));
        given().post(DEAD_LETTERS + "/" + undecodable + "/dismiss").then().statusCode(409);

        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.contains("healthcheck_dead_letters_total{consumer=\"benchmark-service\",error_type=\"unstorable\"}"),
                metrics);
        assertTrue(metrics.contains("healthcheck_dead_letters_open{consumer=\"benchmark-service\"}"), metrics);
    }

    @Test
    @Order(4)
    @TestSecurity(user = "lga1", roles = "lga-admin")
    void applyingContinuesTheTraceOfTheEventsTraceparent() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parentSpanId = traceId.substring(0, 16);
        String round = round("traced");
        events.send(HACKNEY, event(round, HACKNEY, agency(AGENCY, "3")), "00-" + traceId + "-" + parentSpanId + "-01");
        awaitNationalN(round, 1);
        SpanData span = await("a span of trace " + traceId, () -> RecordedSpans.ended().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getName().equals(Topics.INDICATORS + " apply"))
                .findFirst().orElse(null), s -> s != null);
        assertEquals(parentSpanId, span.getParentSpanId());
    }

    /** Last: Micrometer binds the Kafka client's per-partition metrics (lag) up to a minute after they appear. */
    @Test
    @Order(20)
    void prometheusMetricsAreServedWithTheAgreedNames() {
        String metrics = await("the consumer's lag per partition", () -> given().get("/q/metrics").then()
                .statusCode(200).extract().asString(), m -> m.contains("kafka_consumer_fetch_manager_records_lag{")
                && m.contains("topic=\"" + Topics.INDICATORS + "\""));
        for (String name : List.of("healthcheck_events_applied_total{consumer=\"benchmark-service\"}",
                "healthcheck_consumer_partitions_assigned{consumer=\"benchmark-service\"}",
                "healthcheck_database_unavailable_total{service=\"benchmark-service\"}",
                "kafka_consumer_fetch_manager_records_lag",
                "http_server_requests_seconds_count")) {
            assertTrue(metrics.contains(name), name + " missing from /q/metrics:\n" + metrics);
        }
    }

    @Test
    @Order(10)
    @TestSecurity(user = "lga1", roles = "lga-admin")
    void postgresDownMeans503ForWhatNeedsItAndIntakeWaitsAndLosesNothing() {
        String known = round("known");
        events.send(HARTLEPOOL, event(known, HARTLEPOOL, agency(AGENCY, "4")));
        awaitNationalN(known, 1);

        String during = round("during-outage");
        PostgresTestResource.server().stop();
        try {
            // A round this instance has never seen needs the database: 503, not 500.
            Response refused = await("a 503", () -> benchmark(round("unknown")), r -> r.statusCode() == 503);
            refused.then().contentType(startsWith("application/problem+json"))
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://healthcheck.local.gov.uk/problems/database-unavailable"))
                    .body("status", equalTo(503));
            // What it holds is still served, and it stays ready and live.
            benchmark(known).then().statusCode(200);
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/health/live").then().statusCode(200);

            for (String authority : List.of(HARTLEPOOL, MIDDLESBROUGH, REDCAR, CAMDEN, HACKNEY)) {
                events.send(authority, event(during, authority, agency(AGENCY, "6")));
            }
            sleep(8_000);   // the consumer meets the outage and retries (longer than the old 8 attempts' first ones)
        } finally {
            PostgresTestResource.server().restart();
        }
        awaitNationalN(during, 5);
        assertTrue(given().get("/q/metrics").asString()
                .matches("(?s).*healthcheck_database_unavailable_total\\{service=\"benchmark-service\"} [1-9].*"));
    }
}
