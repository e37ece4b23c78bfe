package uk.gov.local.healthcheck.survey.observability;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.infra.KafkaTestResource;
import uk.gov.local.healthcheck.survey.security.TestTokens;
import uk.gov.local.healthcheck.survey.testing.RoundRows;
import uk.gov.local.healthcheck.survey.testing.Rows;
import uk.gov.local.healthcheck.survey.testing.SubmissionsTopic;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator sees, on the real PostgreSQL and Kafka: Prometheus metrics whose values move with what happens,
 * readiness that ignores Kafka (intake goes on while it is down; /q/health/well says it is down and how the outbox
 * backs up), and the request's W3C trace carried with its event to Kafka.
 */
@QuarkusTest
@WithKafkaAndPostgres
class ObservabilityTest {

    static final String TOKEN = TestTokens.token("lga1", List.of("lga-admin"), Map.of());
    static final String ANSWERS = "{\"profile.role\":\"social_worker\",\"profile.service\":\"children\"}";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    static String response(String id) {
        return "{\"responseId\":\"" + id + "\",\"authorityCode\":\"E10000031\",\"answers\":" + ANSWERS + "}";
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The value of the first sample of {@code name} whose labels contain every one of {@code labels}; null when absent.
     * A sample may be followed by an exemplar ({@code # {span_id=..,trace_id=..} ...}): the trace that last moved it;
     * label values may hold braces ({@code uri="/api/v1/rounds/{roundId}"}).
     */
    static Double sample(String text, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{.*\\})? ([0-9.eE+-]+|NaN)( #.*)?$").matcher(text);
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                return Double.parseDouble(m.group(2));
            }
        }
        return null;
    }

    static double value(String name, String... labels) {
        Double v = sample(metrics(), name, labels);
        return v == null ? 0 : v;
    }

    static void await(String what, Duration timeout, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void metricsAreServedWithTheAgreedNamesAndMoveWithWhatHappens() {
        RoundRows.insert("metrics-2024", "practitioner-survey", "open");
        String path = "/api/v1/rounds/metrics-2024/responses";
        String before = metrics();
        for (String name : List.of("healthcheck_submissions_accepted_total", "healthcheck_outbox_backlog",
                "healthcheck_outbox_oldest_unpublished_age_seconds", "healthcheck_outbox_published_total",
                "healthcheck_database_unavailable_total")) {
            assertNotNull(sample(before, name), name + " missing from /q/metrics");
        }
        assertNotNull(sample(before, "healthcheck_database_unavailable_total", "service=\"survey-service\""));
        double accepted = value("healthcheck_submissions_accepted_total", "kind=\"response\"");
        double invalid = value("healthcheck_submissions_refused_total", "kind=\"response\"", "reason=\"validation\"");
        double unauthorized = value("healthcheck_submissions_refused_total", "kind=\"response\"", "reason=\"unauthorized\"");
        double closed = value("healthcheck_submissions_refused_total", "kind=\"return\"", "reason=\"round-closed\"");
        double published = value("healthcheck_outbox_published_total");

        given().auth().oauth2(TOKEN).contentType("application/json").body(response("m-1")).post(path).then().statusCode(201);
        given().auth().oauth2(TOKEN).contentType("application/json").body("{\"responseId\":\"m-2\"}").post(path).then().statusCode(422);
        given().contentType("application/json").body(response("m-3")).post(path).then().statusCode(401);
        given().auth().oauth2(TOKEN).contentType("application/x-ndjson")
                .body((response("m-4") + "\n{\"responseId\":\"m-5\"}\n").getBytes(StandardCharsets.UTF_8)).post(path + "/batch")
                .then().statusCode(200).body("accepted", equalTo(1));
        RoundRows.insert("metrics-closed", "workforce-return", "closed");
        given().auth().oauth2(TOKEN).contentType("application/json").body("{\"status\":\"draft\",\"answers\":{}}")
                .put("/api/v1/rounds/metrics-closed/returns/E10000031").then().statusCode(409);

        assertEquals(accepted + 2, value("healthcheck_submissions_accepted_total", "kind=\"response\""),
                () -> metrics().lines().filter(l -> l.startsWith("healthcheck_")).toList().toString());
        assertEquals(invalid + 2, value("healthcheck_submissions_refused_total", "kind=\"response\"", "reason=\"validation\""));
        assertEquals(unauthorized + 1, value("healthcheck_submissions_refused_total", "kind=\"response\"", "reason=\"unauthorized\""));
        assertEquals(closed + 1, value("healthcheck_submissions_refused_total", "kind=\"return\"", "reason=\"round-closed\""));
        await("two more events published", Duration.ofSeconds(10), () -> value("healthcheck_outbox_published_total") >= published + 2);
        assertTrue(sample(metrics(), "http_server_requests_seconds_count") != null, "Quarkus's HTTP metrics are served too");
    }

    @Test
    void withKafkaDownTheServiceStaysReadyAndAcceptsWhileWellnessShowsTheBacklog() {
        RoundRows.insert("kafka-down-2024", "practitioner-survey", "open");
        String path = "/api/v1/rounds/kafka-down-2024/responses";
        given().get("/q/health/well").then().statusCode(200).body("checks.name", hasItem("kafka-and-outbox"));
        KafkaTestResource.broker().stop();
        Instant back;
        try {
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/health/live").then().statusCode(200);
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(TOKEN).contentType("application/json").body(response("k-" + i)).post(path).then().statusCode(201);
            }
            await("the outbox backlog to show on /q/metrics", Duration.ofSeconds(10),
                    () -> value("healthcheck_outbox_backlog") >= 3 && value("healthcheck_outbox_oldest_unpublished_age_seconds") > 0);
            given().get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'kafka-and-outbox' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'kafka-and-outbox' }.data.kafka", equalTo("unreachable"));
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            KafkaTestResource.broker().restart();
            back = Instant.now();
        }
        // Read from the topic's beginning once the broker is back: a reader it was taken from would only wait longer.
        SubmissionsTopic topic = new SubmissionsTopic(kafka);
        List<ConsumerRecord<String, String>> events = topic.readUntil(r -> r.size() >= 3, "rounds/kafka-down-2024/");
        topic.close();
        assertEquals(3, events.size());
        // When the broker acknowledged the last of them (published_at is written on acknowledgement).
        Duration late = Duration.ofMillis(Rows.count("select (extract(epoch from max(published_at)) * 1000)::bigint from outbox_event"
                + " where subject like 'rounds/kafka-down-2024/%'") - back.toEpochMilli());
        await("the backlog to clear", Duration.ofSeconds(10), () -> value("healthcheck_outbox_backlog") == 0
                && value("healthcheck_outbox_oldest_unpublished_age_seconds") == 0);
        given().get("/q/health/well").then().statusCode(200);
        System.out.println("Events published " + late.toMillis() + " ms after Kafka was back");
        assertTrue(late.compareTo(Duration.ofSeconds(2)) < 0, "events left " + late + " after Kafka was back");
    }

    @Test
    void theRequestsTraceparentTravelsWithItsEventToKafka() {
        RoundRows.insert("trace-2024", "practitioner-survey", "open");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        SubmissionsTopic topic = new SubmissionsTopic(kafka);
        given().auth().oauth2(TOKEN).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType("application/json").body(response("t-1")).post("/api/v1/rounds/trace-2024/responses").then().statusCode(201);
        String batchTrace = "0af7651916cd43dd8448eb211c80319c";
        given().auth().oauth2(TOKEN).header("traceparent", "00-" + batchTrace + "-b7ad6b7169203331-01")
                .contentType("application/x-ndjson").body((response("t-2") + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/rounds/trace-2024/responses/batch").then().statusCode(200).body("accepted", equalTo(1));
        List<ConsumerRecord<String, String>> events = topic.readUntil(r -> r.size() >= 2, "rounds/trace-2024/");
        topic.close();
        for (ConsumerRecord<String, String> event : events) {
            Header header = event.headers().lastHeader("traceparent");
            assertNotNull(header, "no traceparent header on " + event);
            assertEquals(1, event.headers().toArray().length == 0 ? 0 : countTraceparents(event), "one traceparent header");
            String value = new String(header.value(), StandardCharsets.US_ASCII);
            String expected = event.value().contains("t-1") ? traceId : batchTrace;
            assertTrue(value.matches("00-" + expected + "-[0-9a-f]{16}-01"), "traceparent " + value + " does not continue " + expected);
        }
    }

    private static int countTraceparents(ConsumerRecord<String, String> event) {
        int n = 0;
        for (Header h : event.headers().headers("traceparent")) {
            n++;
        }
        return n;
    }
}
