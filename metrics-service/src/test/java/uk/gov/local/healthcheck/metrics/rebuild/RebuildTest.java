package uk.gov.local.healthcheck.metrics.rebuild;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.EventEnvelope;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.metrics.support.Events;
import uk.gov.local.healthcheck.metrics.support.IntakeTopics;
import uk.gov.local.healthcheck.metrics.support.TestDatabase;
import uk.gov.local.healthcheck.metrics.support.WithKafkaAndPostgres;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.metrics.support.IntakeTopics.WAIT;
import static uk.gov.local.healthcheck.metrics.support.IntakeTopics.published;

/**
 * The rebuild on the real broker: every state table emptied and refilled from survey.submissions.v1 equals what the
 * live consumer had built (every row of every table, timestamps aside), including revisions, withdrawals,
 * duplicates and practitioner tallies from this and the other test classes.
 * <p>
 * And the rebuild is platform-wide (issue 14): its status is the database's, so it is the same for every replica; a
 * rebuild recorded as running by another replica refuses a second one (the partial unique index, not this replica's
 * memory); a running rebuild whose replica stopped sending heartbeats is marked failed, naming that replica, and a new
 * one runs over the shadow schema it left. "Another replica" is a row written here as that replica would write it.
 */
@QuarkusTest
@WithKafkaAndPostgres
class RebuildTest {

    private static final IntakeTopics kafka = new IntakeTopics();
    private static final String OTHER_REPLICA = "metrics-service-2";

    /** Every row of every state table, without the columns that say when it was written. */
    static final List<String> SNAPSHOT = List.of(
            "select round_id, authority_code, instrument, instrument_version, period, revision, withdrawn, source_event_id, "
                    + "consent_named, answers, words from authority_round_state order by round_id, authority_code",
            "select round_id, authority_code, indicator_id, position, value, numerator, denominator, scale, missing_inputs, "
                    + "missing_reason from authority_indicator order by round_id, authority_code, indicator_id",
            "select event_id, event_type, round_id, authority_code, revision, outcome from processed_event order by event_id",
            "select round_id, authority_code, question_id, option_id, responses from practitioner_tally "
                    + "order by round_id, authority_code, question_id, option_id",
            "select round_id, authority_code, word, responses from practitioner_word order by round_id, authority_code, word",
            "select round_id, response_id, authority_code, event_id from processed_response order by round_id, response_id");

    // Field injection: JUnit, not CDI, constructs test classes.
    @Inject
    Pool pool;
    @Inject
    RebuildLedger ledger;

    private static void send(String code, String json) {
        kafka.submit(code, json);
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void rebuiltStateEqualsTheLiveState() {
        String round = "rebuild-2024";
        // Returns with revisions, a stale one, a withdrawal and a duplicate, on several partitions.
        for (int i = 0; i < 8; i++) {
            String code = String.format("E0800%04d", i);
            send(code, Events.accepted(Events.newId(), round, Events.WORKFORCE, code, 2, Events.answers("40")));
            send(code, Events.accepted(Events.newId(), round, Events.WORKFORCE, code, 1, Events.answers("80")));
            String dup = Events.accepted(Events.newId(), round + "-b", Events.WORKFORCE, code, 1, Events.answers("50"));
            send(code, dup);
            send(code, dup);
            if (i % 3 == 0) {
                send(code, Events.withdrawn(Events.newId(), round + "-b", code, 2));
            }
            send(code, Events.accepted(Events.newId(), "ehc-2018", Events.EMPLOYER, 2018, "2018", code, 1,
                    Events.employerAnswers(i % 2 == 0 ? "yes" : "no"), OffsetDateTime.now()));
            for (int r = 0; r < 11; r++) {
                Map<String, Object> a = new HashMap<>();
                a.put("std1.clear_framework", r % 3 == 0 ? "disagree" : "agree");
                a.put("std5.coaching", r % 4 == 0 ? "not_applicable" : "strongly_agree");
                a.put("culture.three_words", List.of("word" + (r % 4), "busy"));
                String response = Events.response(Events.newId(), "practitioners-rebuild", code, "r-" + i + "-" + r, a);
                send(code, response);
                if (r == 5) {
                    send(code, response);
                }
            }
        }
        // A poison event (a NUL in a three-words item: PostgreSQL refuses it) and an undecodable record: the live
        // consumer sets them aside; the rebuild meets them again and must neither stop nor list them twice.
        String poisonCode = "E08000000";
        Map<String, Object> nul = new HashMap<>();
        nul.put("culture.three_words", List.of("fine", "not\u0000fine"));
        send(poisonCode, Events.response(Events.newId(), "practitioners-rebuild", poisonCode, "poison-1", nul));
        send(poisonCode, "{ this is not an event");
        // Wait until the live consumer has applied every record sent: a marker behind them on each key.
        for (int i = 0; i < 8; i++) {
            String code = String.format("E0800%04d", i);
            String marker = "marker-" + Events.newId();
            send(code, Events.accepted(Events.newId(), marker, Events.WORKFORCE, code, 1, Events.answers("50")));
            kafka.awaitPublished(published(marker, code), 1);
        }
        assertEquals(88, TestDatabase.count(
                "select count(*) from processed_response where round_id = 'practitioners-rebuild'"));

        List<List<String>> live = snapshot();
        assertFalse(live.get(0).isEmpty());
        String deadLetters = "select count(*) from dead_letter where record_key = '" + poisonCode + "'";
        awaitCount(deadLetters, 2);

        given().post("/api/v1/admin/rebuild").then().statusCode(202).body("state", equalTo("running"));
        // A second start while one runs is refused; on a loaded machine the first may already have completed.
        var second = given().post("/api/v1/admin/rebuild");
        if (second.statusCode() != 202) {
            second.then().statusCode(409).contentType("application/problem+json");
        }
        // The topic holds every other test class's records too (and the benchmark's, when it ran first).
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String state;
        do {
            state = given().get("/api/v1/admin/rebuild").then().statusCode(200).extract().path("state");
            if (!"running".equals(state)) {
                break;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        assertEquals("completed", state, () -> given().get("/api/v1/admin/rebuild").asString());
        Map<String, Object> status = given().get("/api/v1/admin/rebuild").then().extract().jsonPath().getMap("$");
        assertTrue(((Number) status.get("records")).longValue() >= 8 * (5 + 12 + 1), status.toString());

        List<List<String>> rebuilt = snapshot();
        for (int t = 0; t < SNAPSHOT.size(); t++) {
            assertEquals(live.get(t), rebuilt.get(t), "table of " + SNAPSHOT.get(t));
        }
        assertEquals(2, TestDatabase.count(deadLetters), "each poison record listed once, not again by the rebuild");
        assertEquals(0, TestDatabase.count("select count(*) from pg_namespace where nspname in "
                + "('metrics_rebuild', 'metrics_retired')"), "the shadow schema is gone");
        // The foreign key and named indexes came back with the rebuilt tables.
        assertEquals(1, TestDatabase.count("select count(*) from pg_constraint where contype = 'f' "
                + "and conrelid = 'public.authority_indicator'::regclass"));
        assertEquals(1, TestDatabase.count("select count(*) from pg_indexes where schemaname = 'public' "
                + "and indexname = 'processed_event_round_authority'"));
        // The final states were published again (same event id as before: same source revision): the live
        // publication of revision 11 (one per batch, so not necessarily one per response) and the rebuild's.
        String code = "E08000001";
        List<String> finalState = kafka.publications(published("practitioners-rebuild", code)).stream()
                .map(r -> EventJson.read(r.value(), AuthorityIndicators.class))
                .filter(e -> e.data().sourceRevision() == 11)
                .map(EventEnvelope::id)
                .toList();
        assertTrue(finalState.size() >= 2, finalState.toString());
        assertEquals(1, finalState.stream().distinct().count(), finalState.toString());
        given().queryParam("round", "practitioners-rebuild").get("/api/v1/authorities/{code}/indicators", code)
                .then().statusCode(200).body("revision", equalTo(11));
        assertEquals(0, new BigDecimal("11").compareTo(new BigDecimal(TestDatabase.single(
                "select responses from practitioner_word where round_id = 'practitioners-rebuild' "
                        + "and authority_code = ? and word = 'busy'", code).toString())));
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void theStatusIsRecordedInTheDatabaseFromStartToEndAndTheStateIsAsBefore() {
        liveState("replicas-status");
        List<List<String>> before = snapshot();

        Map<String, Object> started = given().post("/api/v1/admin/rebuild").then().statusCode(202)
                .body("state", equalTo("running")).extract().jsonPath().getMap("$");
        String id = (String) started.get("id");
        // Recorded as it starts, under this replica's name: what any other replica reads.
        assertEquals(started.get("replica"), TestDatabase.single("select replica from rebuild_run where id = ?::uuid", id));
        assertNotNull(started.get("replica"));

        Map<String, Object> end = awaitEnd();
        assertEquals(id, end.get("id"));
        assertEquals("completed", end.get("state"), end.toString());
        // The database's row says what GET says, and a second reader of the database (as another replica's) too.
        assertEquals("completed|" + end.get("records") + "|" + end.get("published") + "|true",
                TestDatabase.rows("select state, records, published, finished_at is not null from rebuild_run "
                        + "where id = '" + id + "'").get(0));
        assertTrue(((Number) end.get("records")).longValue() >= 3, end.toString());
        RebuildStatus read = ledger.latest().await().atMost(Duration.ofSeconds(10)).orElseThrow();
        assertEquals(id, read.id());
        assertEquals("completed", read.state());
        assertEquals(((Number) end.get("records")).longValue(), read.records());

        List<List<String>> after = snapshot();
        for (int t = 0; t < SNAPSHOT.size(); t++) {
            assertEquals(before.get(t), after.get(t), "table of " + SNAPSHOT.get(t));
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void aRebuildRunningOnAnotherReplicaRefusesASecondStartAndIsWhatGetAnswers() {
        awaitNoneRunning();
        String other = insertRunning(OTHER_REPLICA, "now()");
        try {
            given().post("/api/v1/admin/rebuild").then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("running already"));
            given().get("/api/v1/admin/rebuild").then().statusCode(200)
                    .body("id", equalTo(other)).body("state", equalTo("running"))
                    .body("replica", equalTo(OTHER_REPLICA)).body("records", equalTo(123));
            // The guard is the database's: a second running row cannot be written by anyone.
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> insertRunning("metrics-service-3", "now()"));
            assertTrue(String.valueOf(refused.getCause().getMessage()).contains("rebuild_run_one_running"),
                    refused.getCause().toString());
            assertEquals(1, TestDatabase.count("select count(*) from rebuild_run where state = 'running'"));
        } finally {
            finish(other);
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "lga-admin")
    void anAbandonedRebuildIsMarkedFailedNamingItsReplicaAndANewOneRunsOverTheShadowItLeft() {
        liveState("replicas-abandoned");
        List<List<String>> before = snapshot();
        String abandoned = insertRunning(OTHER_REPLICA, "now() - interval '1 hour'");
        // What a replica killed mid-replay leaves behind: a shadow schema with some of its tables.
        sql("create schema if not exists " + RebuildService.SHADOW);
        sql("create table " + RebuildService.SHADOW + ".authority_round_state (left_behind integer)");

        String id = given().post("/api/v1/admin/rebuild").then().statusCode(202)
                .body("state", equalTo("running")).extract().path("id");
        assertFalse(abandoned.equals(id));
        assertEquals("failed|true", TestDatabase.rows("select state, finished_at is not null from rebuild_run "
                + "where id = '" + abandoned + "'").get(0));
        String reason = (String) TestDatabase.single("select error from rebuild_run where id = ?::uuid", abandoned);
        assertTrue(reason.startsWith("the live state is unchanged: abandoned: the replica " + OTHER_REPLICA
                + " running it sent no heartbeat since "), reason);

        Map<String, Object> end = awaitEnd();
        assertEquals(id, end.get("id"));
        assertEquals("completed", end.get("state"), end.toString());
        assertEquals(0, TestDatabase.count("select count(*) from pg_namespace where nspname in "
                + "('metrics_rebuild', 'metrics_retired')"), "the shadow schema is gone");
        List<List<String>> after = snapshot();
        for (int t = 0; t < SNAPSHOT.size(); t++) {
            assertEquals(before.get(t), after.get(t), "table of " + SNAPSHOT.get(t));
        }
    }

    @Test
    void aHeartbeatRenewsOnlyARunningRebuildAndAFreshOneIsNotTakenForAbandoned() {
        awaitNoneRunning();
        String other = insertRunning(OTHER_REPLICA, "now()");
        try {
            sleep();
            assertTrue(ledger.heartbeat(other, 500, 7).await().atMost(Duration.ofSeconds(10)));
            assertEquals("500|7|true", TestDatabase.rows("select records, skipped, heartbeat_at > started_at "
                    + "from rebuild_run where id = '" + other + "'").get(0));
            // Just renewed, well within the abandonment time: still running for every reader.
            RebuildStatus latest = ledger.latest().await().atMost(Duration.ofSeconds(10)).orElseThrow();
            assertEquals(other, latest.id());
            assertEquals("running", latest.state());
            assertEquals(500, latest.records());
        } finally {
            finish(other);
        }
        assertFalse(ledger.heartbeat(other, 600, 7).await().atMost(Duration.ofSeconds(10)),
                "no longer running: its replica must stop");
        assertEquals(500L, ((Number) TestDatabase.single("select records from rebuild_run where id = ?::uuid", other))
                .longValue());
    }

    /** A running row as another replica writes it, started and last heard of at {@code heartbeat}. */
    private static String insertRunning(String replica, String heartbeat) {
        String id = UUID.randomUUID().toString();
        return TestDatabase.single("insert into rebuild_run (id, state, replica, started_at, heartbeat_at, records) "
                + "values (?::uuid, 'running', ?, " + heartbeat + ", " + heartbeat + ", 123) returning id::text", id, replica)
                .toString();
    }

    private static void finish(String id) {
        TestDatabase.single("update rebuild_run set state = 'failed', finished_at = now(), error = 'test over' "
                + "where id = ?::uuid returning id", id);
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(Duration.ofSeconds(10));
    }

    /** A few returns on several partitions, applied by the live consumer. */
    private static void liveState(String round) {
        awaitNoneRunning();
        for (int i = 0; i < 3; i++) {
            String code = String.format("E0900%04d", i);
            kafka.submit(code, Events.accepted(Events.newId(), round, Events.WORKFORCE, code, 1, Events.answers("40")));
            kafka.submit(code, Events.accepted(Events.newId(), round, Events.WORKFORCE, code, 2, Events.answers("60")));
        }
        for (int i = 0; i < 3; i++) {
            kafka.awaitPublished(published(round, String.format("E0900%04d", i)), 1);
        }
        // Both revisions applied (the second may have been in the same batch as the first: one publication).
        long deadline = System.nanoTime() + IntakeTopics.WAIT.toNanos();
        while (TestDatabase.count("select count(*) from authority_round_state where round_id = ? and revision = 2",
                round) < 3 && System.nanoTime() < deadline) {
            sleep();
        }
        assertEquals(3, TestDatabase.count("select count(*) from authority_round_state where round_id = ? "
                + "and revision = 2", round));
    }

    private static void awaitNoneRunning() {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (TestDatabase.count("select count(*) from rebuild_run where state = 'running'") > 0
                && System.nanoTime() < deadline) {
            sleep();
        }
        assertEquals(0, TestDatabase.count("select count(*) from rebuild_run where state = 'running'"));
    }

    private static Map<String, Object> awaitEnd() {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        Map<String, Object> status;
        do {
            sleep();
            status = given().get("/api/v1/admin/rebuild").then().statusCode(200).extract().jsonPath().getMap("$");
        } while ("running".equals(status.get("state")) && System.nanoTime() < deadline);
        return status;
    }

    private static void awaitCount(String sql, long expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (TestDatabase.count(sql) < expected && System.nanoTime() < deadline) {
            sleep();
        }
        assertEquals(expected, TestDatabase.count(sql), sql);
    }

    private static List<List<String>> snapshot() {
        return SNAPSHOT.stream().map(TestDatabase::rows).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
