package uk.gov.local.healthcheck.metrics.api;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.events.Topics;
import uk.gov.local.healthcheck.infra.KafkaTestResource;
import uk.gov.local.healthcheck.infra.PostgresTestResource;
import uk.gov.local.healthcheck.metrics.support.Events;
import uk.gov.local.healthcheck.metrics.support.IntakeTopics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.metrics.support.IntakeTopics.WAIT;
import static uk.gov.local.healthcheck.metrics.support.IntakeTopics.published;

/**
 * PostgreSQL stopped under the running service (issue 10): the read APIs answer 503 problem+json with Retry-After,
 * never 500; a rebuild running when it goes reports FAILED with the reason and leaves the live state as it was, which
 * answers as before once PostgreSQL is back; and events sent meanwhile are applied once it is back.
 */
@QuarkusTest
// A database name of its own gives this class a server and an application of its own: the outage reaches no other class.
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "metrics_outage"))
@WithTestResource(value = KafkaTestResource.class,
        initArgs = @ResourceArg(name = "topics", value = "survey.submissions.v1:6,metrics.indicators.v1:6,survey.submissions.v1.dlq:1"))
class OutageTest {

    private static final String CODE = "E10000031";
    private static final String ROUND = "outage-2024";
    private static final IntakeTopics kafka = new IntakeTopics();

    @Test
    @TestSecurity(user = "lga1", roles = "lga-admin")
    void postgresStoppedMidRebuild() throws Exception {
        // Live state.
        List<ProducerRecord<String, String>> returns = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String code = String.format("E0700%04d", i);
            returns.add(new ProducerRecord<>(Topics.SUBMISSIONS, code, Events.accepted(Events.newId(), ROUND,
                    Events.WORKFORCE, code, 1, Events.answers("40"))));
        }
        kafka.submitAll(returns);
        kafka.submit(CODE, Events.accepted(Events.newId(), ROUND, Events.WORKFORCE, CODE, 3,
                Events.answers("40")));
        kafka.awaitPublished(published(ROUND, CODE), 1);
        String before = indicators().then().statusCode(200).extract().asString();

        given().post("/api/v1/admin/rebuild").then().statusCode(202);
        PostgresTestResource.server().stop();
        try {
            // Reads: 503 problem with Retry-After, never 500.
            awaitStatus(OutageTest::indicators, 503);
            indicators().then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://healthcheck.local.gov.uk/problems/database-unavailable"))
                    .body("status", equalTo(503));
            given().get("/api/v1/admin/dead-letters").then().statusCode(503).header("Retry-After", notNullValue());
            // The rebuild fails (the test profile waits out an outage for a few seconds only) and says why.
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            String state;
            do {
                state = given().get("/api/v1/admin/rebuild").then().statusCode(200).extract().path("state");
                Thread.sleep(300);
            } while ("running".equals(state) && System.nanoTime() < deadline);
            given().get("/api/v1/admin/rebuild").then().statusCode(200).body("state", equalTo("failed"))
                    .body("error", startsWith("the live state is unchanged: "));
            // A submission sent while PostgreSQL is down waits; it is not skipped.
            kafka.submit(CODE, Events.accepted(Events.newId(), ROUND + "-during", Events.WORKFORCE,
                    CODE, 1, Events.answers("40")));
            Thread.sleep(2000);
        } finally {
            PostgresTestResource.server().restart();
        }
        // The live state answers as before, and the event sent during the outage is applied.
        awaitStatus(OutageTest::indicators, 200);
        assertEquals(before, indicators().then().statusCode(200).extract().asString());
        kafka.awaitPublished(published(ROUND + "-during", CODE), 1);
        given().queryParam("round", ROUND + "-during").get("/api/v1/authorities/{code}/indicators", CODE)
                .then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("healthcheck_database_unavailable_total{service=\"metrics-service\"}"))
                .body(containsString("healthcheck_rebuild_failures_total 1.0"));
        // The shadow schema is dropped once PostgreSQL is back.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && shadowSchemas() > 0) {
            Thread.sleep(300);
        }
        assertEquals(0, shadowSchemas());
        // A rebuild now completes.
        given().post("/api/v1/admin/rebuild").then().statusCode(202);
        String state;
        do {
            Thread.sleep(300);
            state = given().get("/api/v1/admin/rebuild").then().statusCode(200).extract().path("state");
        } while ("running".equals(state));
        assertEquals("completed", state, () -> given().get("/api/v1/admin/rebuild").asString());
        // The same figures (a rebuild computes them anew, so only their time differs).
        assertEquals(withoutTime(before), withoutTime(indicators().then().statusCode(200).extract().asString()));
    }

    private static String withoutTime(String json) {
        return json.replaceAll("\"computedAt\":\"[^\"]*\"", "");
    }

    private static long shadowSchemas() {
        return uk.gov.local.healthcheck.metrics.support.TestDatabase.count(
                "select count(*) from pg_namespace where nspname in ('metrics_rebuild', 'metrics_retired')");
    }

    private static io.restassured.response.Response indicators() {
        return given().queryParam("round", ROUND).get("/api/v1/authorities/{code}/indicators", CODE);
    }

    private static void awaitStatus(Supplier<io.restassured.response.Response> call, int status) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = call.get().statusCode();
            assertTrue(last != 500, "never a 500");
            if (last == status) {
                return;
            }
            Thread.sleep(250);
        }
        assertEquals(status, last);
    }
}
