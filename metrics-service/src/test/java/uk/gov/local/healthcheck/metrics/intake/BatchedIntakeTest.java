package uk.gov.local.healthcheck.metrics.intake;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.metrics.support.Events;
import uk.gov.local.healthcheck.metrics.support.IntakeTopics;
import uk.gov.local.healthcheck.metrics.support.TestDatabase;
import uk.gov.local.healthcheck.metrics.support.WithKafkaAndPostgres;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.local.healthcheck.metrics.support.IntakeTopics.WAIT;
import static uk.gov.local.healthcheck.metrics.support.IntakeTopics.published;

/**
 * The live consumer on the real broker when records of one authority arrive faster than they are applied, so that
 * batches hold several of them (wherever the batches happen to start and end): publications never go back to an
 * older revision, the newest one is published, and every event gets the outcome it would get one by one.
 */
@QuarkusTest
@WithKafkaAndPostgres
class BatchedIntakeTest {

    private static final int REVISIONS = 40;
    private static final IntakeTopics kafka = new IntakeTopics();

    private static int revision(ConsumerRecord<String, String> r) {
        return EventJson.read(r.value(), AuthorityIndicators.class).data().sourceRevision();
    }

    @Test
    void revisionsInQuickSuccessionArePublishedInOrderEndingWithTheNewest() {
        String code = "E09000201";
        String round = "batched-intake";
        for (int revision = 1; revision <= REVISIONS; revision++) {
            kafka.submit(code, Events.accepted(Events.newId(), round, Events.WORKFORCE, code,
                    revision, Events.answers("40")));
            if (revision % 10 == 0) {
                // An older revision in between: stale wherever it lands.
                kafka.submit(code, Events.accepted(Events.newId(), round, Events.WORKFORCE, code,
                        revision - 5, Events.answers("80")));
            }
        }
        kafka.awaitPublished(r -> published(round, code).test(r) && revision(r) == REVISIONS, 1);

        List<Integer> revisions = kafka.publications(published(round, code)).stream()
                .map(BatchedIntakeTest::revision).toList();
        for (int i = 1; i < revisions.size(); i++) {
            assertTrue(revisions.get(i) > revisions.get(i - 1), "publications go forward only: " + revisions);
        }
        assertEquals(REVISIONS, revisions.get(revisions.size() - 1));
        assertEquals(REVISIONS, TestDatabase.count("select count(*) from processed_event where round_id = ? "
                + "and authority_code = ? and outcome = 'APPLIED'", round, code));
        assertEquals(REVISIONS / 10, TestDatabase.count("select count(*) from processed_event where round_id = ? "
                + "and authority_code = ? and outcome = 'STALE'", round, code));
        assertEquals(REVISIONS, TestDatabase.single(
                "select revision from authority_round_state where round_id = ? and authority_code = ?", round, code));
    }
}
