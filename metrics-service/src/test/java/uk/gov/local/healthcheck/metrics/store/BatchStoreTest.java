package uk.gov.local.healthcheck.metrics.store;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;
import uk.gov.local.healthcheck.metrics.intake.SubmissionHandler;
import uk.gov.local.healthcheck.metrics.support.Events;
import uk.gov.local.healthcheck.metrics.support.TestDatabase;
import uk.gov.local.healthcheck.metrics.support.WithKafkaAndPostgres;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batches applied straight to the real database (no broker in between, so what is in one batch is certain): the
 * newest revision of a key within a batch, duplicates within and across batches, withdrawals, and practitioner
 * responses counted once however they are delivered. Each test uses its own round.
 */
@QuarkusTest
@WithKafkaAndPostgres
class BatchStoreTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CODE = "E09000101";

    @Inject
    BatchStore store;

    @Inject
    SubmissionHandler handler;

    private List<Change> changes(String... events) {
        return Arrays.stream(events).map(e -> handler.changeOf(e, "test").orElseThrow()).toList();
    }

    private BatchResult apply(String... events) {
        return store.apply(changes(events), true).await().atMost(WAIT);
    }

    private static String accepted(String id, String round, int revision, String caseHoldingFte) {
        return Events.accepted(id, round, Events.WORKFORCE, CODE, revision, Events.answers(caseHoldingFte));
    }

    private static Object state(String column, String round) {
        return TestDatabase.single("select " + column + " from authority_round_state where round_id = ? "
                + "and authority_code = ?", round, CODE);
    }

    private static Object outcome(String eventId) {
        return TestDatabase.single("select outcome from processed_event where event_id = ?", eventId);
    }

    @Test
    void newestRevisionInABatchWinsAndIsPublishedOnce() {
        String round = "batch-newest";
        String a = Events.newId();
        String b = Events.newId();
        String c = Events.newId();
        BatchResult result = apply(accepted(a, round, 1, "80"), accepted(b, round, 3, "40"),
                accepted(c, round, 2, "20"));

        assertEquals(3, state("revision", round));
        assertEquals(b, state("source_event_id", round));
        assertEquals("APPLIED", outcome(a));
        assertEquals("APPLIED", outcome(b));
        assertEquals("STALE", outcome(c), "older than revision 3, which came before it");
        assertEquals(2, result.applied());
        assertEquals(1, result.stale());
        assertEquals(1, result.toPublish().size(), "one publication per (round, authority) per batch");
        AuthorityState published = result.toPublish().get(0);
        assertEquals(3, published.revision());
        assertEquals(IndicatorDictionary.forInstrument(Events.WORKFORCE).size(), published.indicators().size());
        assertEquals(0, new BigDecimal("20").compareTo(published.indicators().stream()
                .filter(i -> i.indicatorId().equals("average_caseload")).findFirst().orElseThrow().value()),
                "800 cases / 40 FTE: revision 3's answers");
        assertEquals(IndicatorDictionary.forInstrument(Events.WORKFORCE).size(), TestDatabase.count(
                "select count(*) from authority_indicator where round_id = ? and authority_code = ?", round, CODE));
    }

    @Test
    void sameEventTwiceInABatchOrInALaterOneChangesNothing() {
        String round = "batch-duplicate";
        String id = Events.newId();
        String event = accepted(id, round, 1, "40");
        BatchResult first = apply(event, event);
        assertEquals(1, first.applied());
        assertEquals(1, first.duplicates());
        assertEquals(1, TestDatabase.count("select count(*) from processed_event where event_id = ?", id));
        Object computedAt = state("computed_at", round);

        BatchResult again = apply(event);
        assertEquals(0, again.applied());
        assertEquals(1, again.duplicates());
        assertEquals(first.toPublish(), again.toPublish(), "the current state is re-published, unchanged");
        assertEquals(computedAt, state("computed_at", round), "the state was not rewritten");
    }

    @Test
    void withdrawalInTheSameBatchRemovesTheIndicatorsAndALateOlderAcceptIsStale() {
        String round = "batch-withdrawal";
        String late = Events.newId();
        BatchResult result = apply(accepted(Events.newId(), round, 1, "40"),
                Events.withdrawn(Events.newId(), round, CODE, 2), accepted(late, round, 1, "40"));
        assertEquals(true, state("withdrawn", round));
        assertNull(state("answers", round));
        assertEquals("STALE", outcome(late));
        assertEquals(0, TestDatabase.count(
                "select count(*) from authority_indicator where round_id = ? and authority_code = ?", round, CODE));
        AuthorityState published = result.toPublish().get(0);
        assertTrue(published.withdrawn());
        assertTrue(published.indicators().isEmpty());

        apply(accepted(Events.newId(), round, 3, "40"));
        assertEquals(false, state("withdrawn", round));
        assertEquals(IndicatorDictionary.forInstrument(Events.WORKFORCE).size(), TestDatabase.count(
                "select count(*) from authority_indicator where round_id = ? and authority_code = ?", round, CODE));
    }

    private static String response(String eventId, String round, String responseId, String option, String word) {
        Map<String, Object> answers = new HashMap<>();
        answers.put("std1.clear_framework", option);
        answers.put("culture.three_words", List.of(word, "busy"));
        return Events.response(eventId, round, CODE, responseId, answers);
    }

    private static long tally(String round, String option) {
        Object n = TestDatabase.single("select responses from practitioner_tally where round_id = ? and "
                + "authority_code = ? and question_id = 'std1.clear_framework' and option_id = ?", round, CODE, option);
        return n == null ? 0 : ((Number) n).longValue();
    }

    private static long word(String round, String word) {
        return ((Number) TestDatabase.single("select responses from practitioner_word where round_id = ? and "
                + "authority_code = ? and word = ?", round, CODE, word)).longValue();
    }

    @Test
    void responseDeliveredTwiceInTheSameOrALaterBatchCountsOnce() {
        String round = "batch-responses";
        String firstEvent = Events.newId();
        BatchResult first = apply(response(firstEvent, round, "r1", "agree", "calm"),
                response(Events.newId(), round, "r1", "agree", "calm"),
                response(Events.newId(), round, "r2", "disagree", "calm"));
        assertEquals(2, first.applied());
        assertEquals(1, first.duplicates());
        assertEquals(2, state("revision", round));
        assertEquals(firstEvent, TestDatabase.single(
                "select event_id from processed_response where round_id = ? and response_id = 'r1'", round));
        assertEquals(1, tally(round, "agree"));
        assertEquals(1, tally(round, "disagree"));
        assertEquals(2, word(round, "calm"));
        assertEquals(1, first.toPublish().size());
        assertEquals(2, first.toPublish().get(0).revision());
        assertEquals(Map.of("busy", 2, "calm", 2), first.toPublish().get(0).words());

        BatchResult second = apply(response(Events.newId(), round, "r2", "disagree", "calm"),
                response(Events.newId(), round, "r3", "agree", "quiet"));
        assertEquals(1, second.applied());
        assertEquals(3, state("revision", round));
        assertEquals(2, tally(round, "agree"));
        assertEquals(1, tally(round, "disagree"));
        assertEquals(3, word(round, "busy"));
        assertEquals(1, word(round, "quiet"));
        assertEquals(3, TestDatabase.count("select count(*) from processed_response where round_id = ?", round));
        AuthorityState published = second.toPublish().get(0);
        assertEquals(3, published.revision());
        assertFalse(published.indicators().isEmpty());

        BatchResult redelivered = apply(response(Events.newId(), round, "r3", "agree", "quiet"));
        assertEquals(0, redelivered.applied());
        assertEquals(published.indicators(), redelivered.toPublish().get(0).indicators(),
                "a response counted before re-publishes the current state");
        assertEquals(3, state("revision", round));
    }
}
