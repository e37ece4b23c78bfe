package uk.gov.local.healthcheck.metrics.store;

import java.util.List;

/**
 * What one batch did: events applied (returns that became a state, responses counted), stale returns, duplicates,
 * and the states to publish (one per (round, authority) changed or re-delivered, when asked for).
 */
public record BatchResult(int applied, int stale, int duplicates, List<AuthorityState> toPublish) {

    public BatchResult {
        toPublish = List.copyOf(toPublish);
    }
}
