package uk.gov.local.healthcheck.metrics.rebuild;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
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

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.metrics.support.IntakeTopics.WAIT;
import static uk.gov.local.healthcheck.metrics.support.IntakeTopics.published;

/**
 * The rebuild on the real broker: every state table emptied and refilled from survey.submissions.v1 equals what the
 * live consumer had built (every row of every table, timestamps aside), including revisions, withdrawals,
 * duplicates and practitioner tallies from this and the other test classes.
 */
@QuarkusTest
@WithKafkaAndPostgres
class RebuildTest {

    private static final IntakeTopics kafka = new IntakeTopics();

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
