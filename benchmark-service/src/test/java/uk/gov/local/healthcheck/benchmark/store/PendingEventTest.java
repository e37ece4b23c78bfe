package uk.gov.local.healthcheck.benchmark.store;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.events.AuthorityIndicators;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PendingEventTest {

    static PendingEvent event(String id, String round, String authority, int revision) {
        return new PendingEvent(id, new AuthorityIndicators(round, "workforce", "2024", authority, revision, false,
                OffsetDateTime.now(), List.of()));
    }

    static List<String> ids(List<PendingEvent> events) {
        return events.stream().map(PendingEvent::eventId).toList();
    }

    @Test
    void theHighestRevisionPerRoundAndAuthorityWins() {
        List<PendingEvent> batch = List.of(event("a1", "r", "A", 1), event("b1", "r", "B", 1),
                event("a3", "r", "A", 3), event("a2", "r", "A", 2));
        assertEquals(List.of("a3", "b1"), ids(PendingEvent.newestPerAuthority(batch)));
    }

    @Test
    void onEqualRevisionsTheFirstStaysAsTheStoreWouldKeepIt() {
        List<PendingEvent> batch = List.of(event("first", "r", "A", 2), event("redelivery", "r", "A", 2));
        assertEquals(List.of("first"), ids(PendingEvent.newestPerAuthority(batch)));
    }

    @Test
    void theSameAuthorityInTwoRoundsIsTwoStates() {
        List<PendingEvent> batch = List.of(event("r1", "round-1", "A", 1), event("r2", "round-2", "A", 1));
        assertEquals(List.of("r1", "r2"), ids(PendingEvent.newestPerAuthority(batch)));
    }
}
