package uk.gov.local.healthcheck.benchmark.store;

import uk.gov.local.healthcheck.events.AuthorityIndicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A decoded indicator event waiting to be written, with its CloudEvents id (stored for tracing). */
public record PendingEvent(String eventId, AuthorityIndicators event) {

    /** The (round, authority) an event replaces the state of. */
    record Key(String roundId, String authorityCode) {
    }

    Key key() {
        return new Key(event.roundId(), event.authorityCode());
    }

    /**
     * The newest event per (round, authority) of a batch, in batch order. One set-based upsert cannot touch a row
     * twice, and applying the events one by one would end in the same state: a higher revision wins, and on equal
     * revisions the first one applied stays (the store ignores anything not strictly newer).
     */
    static List<PendingEvent> newestPerAuthority(List<PendingEvent> batch) {
        Map<Key, PendingEvent> newest = new LinkedHashMap<>();
        for (PendingEvent e : batch) {
            newest.merge(e.key(), e, (kept, next) ->
                    next.event().sourceRevision() > kept.event().sourceRevision() ? next : kept);
        }
        return new ArrayList<>(newest.values());
    }
}
