package uk.gov.local.healthcheck.survey.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import uk.gov.local.healthcheck.survey.testing.WithKafkaAndPostgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only events published before the cutoff leave the outbox; nothing unpublished ever does, however old. */
@QuarkusTest
@WithKafkaAndPostgres
class OutboxSweepTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxSweeper sweeper;

    @Test
    void eventsPublishedBeforeTheCutoffAreDeletedInChunksAndNothingElse() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime longAgo = now.minusDays(40);
        for (int i = 0; i < 25; i++) {   // more than one chunk of 10 (the test profile's sweep-chunk)
            insert("old-published-" + i, longAgo, longAgo);
        }
        insert("recent-published", longAgo, now.minusDays(1));
        insert("old-unpublished", longAgo, null);

        int deleted = sweeper.sweepPublishedBefore(now.minusDays(30)).await().indefinitely();

        assertEquals(25, deleted, "three chunks: 10, 10 and 5");
        List<String> left = subjects();
        assertTrue(left.stream().noneMatch(s -> s.contains("old-published")), left.toString());
        assertTrue(left.contains("rounds/sweep-test/responses/recent-published"), left.toString());
        // The relay may have published it meanwhile (just now): either way it is not old-published, so it stays.
        assertTrue(left.contains("rounds/sweep-test/responses/old-unpublished"), left.toString());
        assertEquals(0, sweeper.sweepPublishedBefore(now.minusDays(30)).await().indefinitely(), "a second sweep finds nothing");
    }

    private void insert(String name, OffsetDateTime created, OffsetDateTime published) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into outbox_event (id, event_id, topic, message_key, subject, event_type, payload, created_at, published_at) "
                        + "values (nextval('outbox_event_seq'), gen_random_uuid(), 'survey.submissions.v1', 'E10000031', ?, 'test', '{}', ?, ?)")) {
            s.setString(1, "rounds/sweep-test/responses/" + name);
            s.setObject(2, created);
            s.setObject(3, published);
            s.executeUpdate();
        }
    }

    private List<String> subjects() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select subject from outbox_event where subject like 'rounds/sweep-test/%'");
             ResultSet rs = s.executeQuery()) {
            List<String> subjects = new ArrayList<>();
            while (rs.next()) {
                subjects.add(rs.getString(1));
            }
            return subjects;
        }
    }
}
