package uk.gov.local.healthcheck.metrics.store;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The in-memory decision of a batch's return events: the same outcomes as applying them one by one. */
class ReturnPlanTest {

    private static final StateKey KEY = new StateKey("round", "E09000001");
    private static final StateKey OTHER = new StateKey("round", "E09000002");

    private static StateChange accepted(String id, StateKey key, int revision) {
        return new StateChange(id, "accepted", key.roundId, key.authorityCode, "workforce-return", 1, "2024",
                revision, false, List.of(), null, Map.of());
    }

    private static List<String> outcomes(ReturnPlan plan) {
        return plan.recorded().stream().map(d -> d.change().eventId() + ":" + d.outcome()).toList();
    }

    @Test
    void newestRevisionOfEachKeyBecomesItsStateAndEveryEventIsRecordedInOrder() {
        ReturnPlan plan = ReturnPlan.of(List.of(accepted("a", KEY, 1), accepted("b", OTHER, 1),
                accepted("c", KEY, 3), accepted("d", KEY, 2)), Set.of(), Map.of());
        // a was the newest when it came (APPLIED, as one by one), then c; d came after c and is older.
        assertEquals(List.of("a:APPLIED", "b:APPLIED", "c:APPLIED", "d:STALE"), outcomes(plan));
        assertEquals("c", plan.newest().get(KEY).eventId());
        assertEquals("b", plan.newest().get(OTHER).eventId());
        assertEquals(Set.of(), plan.duplicates());
    }

    @Test
    void revisionNotAboveTheStoredOneIsStaleAndWritesNothing() {
        ReturnPlan plan = ReturnPlan.of(List.of(accepted("a", KEY, 2), accepted("b", KEY, 1)), Set.of(),
                Map.of(KEY, 2));
        assertEquals(List.of("a:STALE", "b:STALE"), outcomes(plan));
        assertEquals(Map.of(), plan.newest());
    }

    @Test
    void eventProcessedBeforeOrTwiceInTheBatchIsADuplicateRecordedOnce() {
        ReturnPlan plan = ReturnPlan.of(List.of(accepted("a", KEY, 1), accepted("a", KEY, 1),
                accepted("old", OTHER, 5)), Set.of("old"), Map.of(OTHER, 5));
        assertEquals(List.of("a:APPLIED"), outcomes(plan));
        assertEquals(Set.of(KEY, OTHER), plan.duplicates());
        assertEquals(Set.of(KEY), plan.newest().keySet());
    }
}
