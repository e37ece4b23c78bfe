package uk.gov.local.healthcheck.metrics.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.DeadLetter;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.Topics;
import uk.gov.local.healthcheck.metrics.support.Events;
import uk.gov.local.healthcheck.metrics.support.IntakeTopics;
import uk.gov.local.healthcheck.metrics.support.TestDatabase;
import uk.gov.local.healthcheck.metrics.support.WithKafkaAndPostgres;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.metrics.support.IntakeTopics.WAIT;
import static uk.gov.local.healthcheck.metrics.support.IntakeTopics.published;

/**
 * Issue 10 on the real broker and database: a poison event between two good ones of the same authority (one key, one
 * partition) stops nothing: both good ones are applied and published, the poison is on
 * {@code survey.submissions.v1.dlq} and listed by the admin API, a replay of it still fails (422) and it can be
 * dismissed. The same for a record that is not JSON at all. And the trace goes on: a submission's traceparent is on
 * the indicators it caused.
 */
@QuarkusTest
@WithKafkaAndPostgres
class DeadLetterFlowTest {

    private static final String ROUND = "practitioner-2024";
    private static final IntakeTopics kafka = new IntakeTopics();

    @Test
    @TestSecurity(user = "lga1", roles = "lga-admin")
    void aNulInAThreeWordsItemIsSetAsideAndTheEventsAroundItAreApplied() {
        String code = "E09000001";
        String poisonId = Events.newId();
        kafka.submit(code, Events.response(Events.newId(), ROUND, code, "r-1", Events.practitionerAnswers(null, null, "kind")));
        // The JSON text holds the escape backslash-u-0000, which Jackson turns into a real NUL that PostgreSQL cannot store.
        String poison = Events.response(poisonId, ROUND, code, "r-2",
                Events.practitionerAnswers(null, null, "brave", "bad\u0000word"));
        assertTrue(poison.contains("\\u0000"), poison);
        kafka.submit(code, poison);
        kafka.submit(code, Events.response(Events.newId(), ROUND, code, "r-3", Events.practitionerAnswers(null, null, "calm")));

        // Both good responses counted: a publication with sourceRevision 2 (responses counted) comes.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (TestDatabase.count("select count(*) from processed_response where round_id = ? and authority_code = ?",
                ROUND, code) < 2 && System.nanoTime() < deadline) {
            sleep(200);
        }
        assertEquals(2, TestDatabase.count("select count(*) from processed_response where round_id = ? and authority_code = ?",
                ROUND, code));
        assertEquals(0, TestDatabase.count("select count(*) from processed_response where response_id = 'r-2'"));
        AuthorityIndicators last = EventJson.read(kafka.awaitPublished(published(ROUND, code), 1).value(),
                AuthorityIndicators.class).data();
        assertTrue(last.sourceRevision() >= 1);
        kafka.awaitPublished(r -> published(ROUND, code).test(r) && r.value().contains("\"sourceRevision\":2"), 1);

        // On the dead-letter topic: original key, the record as a DeadLetter, the error as a header.
        List<ConsumerRecord<String, String>> dlq = IntakeTopics.deadLetters(code, 1);
        assertEquals(1, dlq.size(), "set aside once");
        DeadLetter letter = EventJson.readRecord(dlq.get(0).value(), DeadLetter.class);
        assertEquals("metrics-service", letter.consumer());
        assertEquals(Topics.SUBMISSIONS, letter.topic());
        assertEquals(DeadLetter.UNSTORABLE, letter.errorType());
        assertTrue(letter.value().contains(poisonId));
        assertTrue(letter.value().contains("bad\\u0000word"), "the original value verbatim, the NUL's escape included");
        assertNotNull(dlq.get(0).headers().lastHeader("dead-letter-error"));
        assertTrue(letter.error().contains("22"), letter.error());

        // Listed by the admin API.
        JsonPath list = given().when().get("/api/v1/admin/dead-letters?status=open")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> entry = list.<Map<String, Object>>getList("deadLetters").stream()
                .filter(e -> code.equals(e.get("key"))).findFirst().orElseThrow();
        assertEquals("open", entry.get("status"));
        assertEquals("unstorable", entry.get("errorType"));
        assertEquals(letter.partition(), entry.get("partition"));
        assertEquals((int) letter.offset(), ((Number) entry.get("offset")).intValue());
        assertTrue(entry.containsKey("resolvedAt") && entry.get("resolvedAt") == null);
        assertNull(entry.get("valueBase64"));
        int id = ((Number) entry.get("id")).intValue();
        given().when().get("/api/v1/admin/dead-letters/" + id).then().statusCode(200).body("key", equalTo(code));

        // Replay: still poison -> 422 problem, still open.
        given().when().post("/api/v1/admin/dead-letters/" + id + "/replay").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://healthcheck.local.gov.uk/problems/replay-failed"));
        given().when().get("/api/v1/admin/dead-letters/" + id).then().statusCode(200).body("status", equalTo("open"));
        // Dismiss -> dismissed; a second dismiss or a replay -> 409.
        given().when().post("/api/v1/admin/dead-letters/" + id + "/dismiss").then().statusCode(200)
                .body("status", equalTo("dismissed")).body("resolvedAt", org.hamcrest.Matchers.notNullValue());
        given().when().post("/api/v1/admin/dead-letters/" + id + "/replay").then().statusCode(409)
                .contentType("application/problem+json");
        given().when().get("/api/v1/admin/dead-letters/999999").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/admin/dead-letters?status=nonsense").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "lga1", roles = "lga-admin")
    void anUndecodableRecordBetweenTwoGoodOnesIsSetAside() {
        String code = "E09000002";
        kafka.submit(code, Events.accepted(Events.newId(), "undecodable-a", Events.WORKFORCE, code, 1,
                Events.answers("40")));
        kafka.submit(code, "this is { not JSON");
        kafka.submit(code, Events.accepted(Events.newId(), "undecodable-b", Events.WORKFORCE, code, 1,
                Events.answers("40")));
        kafka.awaitPublished(published("undecodable-a", code), 1);
        kafka.awaitPublished(published("undecodable-b", code), 1);

        List<ConsumerRecord<String, String>> dlq = IntakeTopics.deadLetters(code, 1);
        assertEquals(1, dlq.size());
        DeadLetter letter = EventJson.readRecord(dlq.get(0).value(), DeadLetter.class);
        assertEquals(DeadLetter.UNDECODABLE, letter.errorType());
        assertEquals("this is { not JSON", letter.value());
        given().when().get("/api/v1/admin/dead-letters").then().statusCode(200)
                .body("deadLetters.find { it.key == '" + code + "' }.errorType", equalTo("undecodable"))
                .body("deadLetters.find { it.key == '" + code + "' }.value", equalTo("this is { not JSON"));
    }

    @Test
    void theTraceOfASubmissionGoesOnToTheIndicatorsItCaused() {
        String code = "E09000003";
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        kafka.submit(code, Events.accepted(Events.newId(), "traced", Events.WORKFORCE, code, 1,
                Events.answers("40")), Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        ConsumerRecord<String, String> out = kafka.awaitPublished(published("traced", code), 1);
        var header = out.headers().lastHeader("traceparent");
        assertNotNull(header, "the indicators record carries a traceparent");
        String traceparent = new String(header.value(), StandardCharsets.UTF_8);
        assertEquals(traceId, traceparent.split("-")[1], traceparent);
    }

    @Test
    void prometheusMetrics() {
        // Something has been consumed by now in this suite or it will be shortly.
        String code = "E09000004";
        kafka.submit(code, Events.accepted(Events.newId(), "metered", Events.WORKFORCE, code, 1,
                Events.answers("40")));
        kafka.awaitPublished(published("metered", code), 1);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("healthcheck_events_applied_total{consumer=\"metrics-service\"}"))
                .body(containsString("healthcheck_dead_letters_open{consumer=\"metrics-service\"}"))
                .body(containsString("healthcheck_consumer_partitions_assigned{consumer=\"metrics-service\"}"))
                .body(containsString("healthcheck_rebuild_running"))
                .body(containsString("healthcheck_rebuild_last_success_timestamp_seconds"))
                .body(containsString("healthcheck_rebuild_failures_total"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max"))
                .body(containsString("http_server_requests_seconds"));
    }

    /** Micrometer binds the Kafka client's per-partition metrics when it next looks for new ones (every minute). */
    @Test
    void consumerLagPerPartitionIsExposed() {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            if (body.matches("(?s).*kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=.*")) {
                return;
            }
            sleep(2000);
        }
        throw new AssertionError("no per-partition consumer lag in /q/metrics");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
