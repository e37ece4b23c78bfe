package uk.gov.local.healthcheck.metrics.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the return events of one batch do, decided in memory so that the batch needs a handful of statements instead
 * of several per event. The outcome of each event is exactly what applying the events one by one, in order, would
 * give, so it does not depend on where a batch starts or ends (the rebuild, in large chunks, must end with the same
 * rows as the live consumer): an event is {@code APPLIED} when its revision is higher than the stored one and than
 * every earlier event of the batch for its (round, authority), otherwise {@code STALE}. Only the last applied event
 * of each key is written as its state; the earlier ones are recorded, their state was never seen by anyone.
 *
 * @param recorded   every new event with its outcome, in batch order (each event id once)
 * @param newest     per (round, authority) the change that becomes its state
 * @param duplicates keys of events processed before (in an earlier batch or earlier in this one): their current
 *                   state is re-published, as a crash may have come between a commit and its publication
 */
record ReturnPlan(List<Decision> recorded, Map<StateKey, StateChange> newest, Set<StateKey> duplicates) {

    record Decision(StateChange change, ProcessedEvent.Outcome outcome) {
    }

    /**
     * @param changes         the batch's return events in the order of their partition (one key, one partition)
     * @param processedBefore ids of those events already in {@code processed_event}
     * @param storedRevisions the stored revision per (round, authority), for the keys that have a state
     */
    static ReturnPlan of(List<StateChange> changes, Set<String> processedBefore,
                         Map<StateKey, Integer> storedRevisions) {
        List<Decision> recorded = new ArrayList<>();
        Map<StateKey, StateChange> newest = new LinkedHashMap<>();
        Set<StateKey> duplicates = new LinkedHashSet<>();
        Map<StateKey, Integer> revisions = new HashMap<>(storedRevisions);
        Set<String> seen = new HashSet<>(processedBefore);
        for (StateChange change : changes) {
            StateKey key = key(change);
            if (!seen.add(change.eventId())) {
                duplicates.add(key);
                continue;
            }
            Integer current = revisions.get(key);
            if (current != null && change.revision() <= current) {
                recorded.add(new Decision(change, ProcessedEvent.Outcome.STALE));
                continue;
            }
            revisions.put(key, change.revision());
            newest.put(key, change);
            recorded.add(new Decision(change, ProcessedEvent.Outcome.APPLIED));
        }
        return new ReturnPlan(List.copyOf(recorded), newest, duplicates);
    }

    static StateKey key(Change change) {
        return new StateKey(change.roundId(), change.authorityCode());
    }
}
