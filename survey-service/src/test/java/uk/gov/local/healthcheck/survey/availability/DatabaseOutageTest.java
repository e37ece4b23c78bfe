package uk.gov.local.healthcheck.survey.availability;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.survey.security.TestTokens;
import uk.gov.local.healthcheck.survey.testing.RoundRows;
import uk.gov.local.healthcheck.survey.testing.Rows;
import uk.gov.local.healthcheck.survey.testing.SubmissionsTopic;
import uk.gov.local.healthcheck.survey.testing.SurveyEndpoints;
import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL taken away (every connection reset, new ones refused, through {@link ProxiedPostgresResource}) and
 * brought back: every endpoint answers 503 problem+json with Retry-After, never 500; readiness is 503 and liveness
 * 200; the outage is logged once per kind, without stack traces; and once PostgreSQL is back requests succeed and
 * an accepted event leaves for Kafka within 2 s.
 */
@QuarkusTest
@WithKafkaAndPostgres
@QuarkusTestResource(value = ProxiedPostgresResource.class, initArgs = @ResourceArg(name = "database", value = "survey"), restrictToAnnotatedClass = true)
class DatabaseOutageTest {

    static final String TOKEN = TestTokens.lgaAdmin("lga1");
    static final String ANSWERS = "{\"profile.role\":\"social_worker\",\"profile.service\":\"children\"}";
    static final String ROUND = "pg-outage-2024";
    static final String WORKFORCE = "pg-outage-workforce";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    static byte[] response(String id) {
        return ("{\"responseId\":\"" + id + "\",\"authorityCode\":\"E10000031\",\"answers\":" + ANSWERS + "}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Every endpoint that reaches PostgreSQL for the LGA: not the questionnaires (packaged with the service) nor the
     * portal's two (role survey-relay only: the LGA is refused before any read).
     */
    static Map<String, Function<RequestSpecification, Response>> endpoints() {
        Map<String, Function<RequestSpecification, Response>> e = SurveyEndpoints.of(WORKFORCE, ROUND);
        e.keySet().removeAll(List.of("GET instruments", "GET instrument", "POST resolve", "POST invited response"));
        return e;
    }

    /** Every log record of WARNING or above while it is attached. */
    static final class Recorder extends Handler {
        final List<LogRecord> records = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    static double unavailableCount() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("healthcheck_database_unavailable_total{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf("} ") + 2).split(" ")[0])).sum();
    }

    @Test
    void postgresDownIs503WithRetryAfterEverywhereAndIntakeResumesWhenItIsBack() throws Exception {
        RoundRows.insert(ROUND, "practitioner-survey", "open");
        RoundRows.insert(WORKFORCE, "workforce-return", "open");
        given().auth().oauth2(TOKEN).contentType("application/json").body(response("o-0"))
                .post("/api/v1/rounds/" + ROUND + "/responses").then().statusCode(201);
        given().get("/q/health/ready").then().statusCode(200);
        double refusedBefore = unavailableCount();
        SubmissionsTopic topic = new SubmissionsTopic(kafka);

        Recorder log = new Recorder();
        Logger root = Logger.getLogger("");
        root.addHandler(log);
        Instant restored;
        int refused = 0;
        try {
            ProxiedPostgresResource.proxy().cut();
            Thread.sleep(300);
            for (int round = 0; round < 3; round++) {    // several times over: the log must not grow per request
                for (var endpoint : endpoints().entrySet()) {
                    Response answer = endpoint.getValue().apply(given().auth().oauth2(TOKEN));
                    assertEquals(503, answer.statusCode(), endpoint.getKey() + ": " + answer.asString());
                    answer.then().contentType("application/problem+json")
                            .header("Retry-After", "5")
                            .body("type", equalTo("https://healthcheck.local.gov.uk/problems/database-unavailable"))
                            .body("status", equalTo(503)).body("detail", containsString("nothing was stored"));
                    refused++;
                }
            }
            given().get("/q/health/ready").then().statusCode(503);
            given().get("/q/health/live").then().statusCode(200);
            Thread.sleep(2500);    // the relay and the backlog sampler keep failing meanwhile
            assertTrue(unavailableCount() >= refusedBefore + refused, "each 503 is counted");
        } finally {
            ProxiedPostgresResource.proxy().restore();
            restored = Instant.now();
            root.removeHandler(log);
        }
        List<LogRecord> withStack = log.records.stream().filter(r -> r.getThrown() != null).toList();
        assertEquals(List.of(), withStack.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList(),
                "no stack trace during the outage");
        long outageLines = log.records.stream().filter(r -> String.valueOf(r.getMessage()).contains("PostgreSQL unreachable")).count();
        assertTrue(outageLines >= 1 && outageLines <= 8, refused + " refused requests and the relay's cycles logged "
                + outageLines + " lines: " + log.records.stream().map(LogRecord::getMessage).toList());

        // Back: requests succeed, and what is accepted leaves for Kafka within 2 s of PostgreSQL's return.
        Instant deadline = Instant.now().plusSeconds(10);
        int status;
        do {
            status = given().auth().oauth2(TOKEN).contentType("application/json").body(response("o-1"))
                    .post("/api/v1/rounds/" + ROUND + "/responses").statusCode();
        } while (status == 503 && Instant.now().isBefore(deadline) && sleep(100));
        assertEquals(201, status);
        Duration firstSuccess = Duration.between(restored, Instant.now());
        Instant readyBy = Instant.now().plusSeconds(5);
        while (given().get("/q/health/ready").statusCode() != 200) {
            assertTrue(Instant.now().isBefore(readyBy), "ready again within 5 s of PostgreSQL's return");
            sleep(200);
        }
        List<ConsumerRecord<String, String>> events = topic.readUntil(r -> r.stream().anyMatch(e -> e.value().contains("o-1")),
                "rounds/" + ROUND + "/");
        topic.close();
        Timestamp published = publishedAt("rounds/" + ROUND + "/responses/o-1");
        Duration toKafka = Duration.between(restored, published.toInstant());
        System.out.println("PostgreSQL back: first request accepted after " + firstSuccess.toMillis() + " ms, its event published "
                + toKafka.toMillis() + " ms after the return");
        assertTrue(toKafka.compareTo(Duration.ofSeconds(2)) < 0, "event published " + toKafka + " after PostgreSQL was back");
        assertTrue(events.stream().anyMatch(e -> e.value().contains("o-1")));
        assertEquals(2, Rows.count("select count(*) from practitioner_response where round_id = ?", ROUND),
                "the 503s stored nothing: o-0 before and o-1 after");
        assertEquals(0, Rows.count("select count(*) from round where id = ?", SurveyEndpoints.NEW_ROUND));
    }

    private static Timestamp publishedAt(String subject) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            if (Rows.count("select count(*) from outbox_event where subject = ? and published_at is not null", subject) == 1) {
                long millis = Rows.count("select (extract(epoch from published_at) * 1000)::bigint from outbox_event where subject = ?", subject);
                return new Timestamp(millis);
            }
            sleep(50);
        }
        throw new AssertionError("event of " + subject + " not published");
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
