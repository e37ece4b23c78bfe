package uk.gov.local.healthcheck.metrics.store;

import java.util.Optional;

/**
 * The effect of {@link IndicatorStateStore#apply}: the change became the current state, was older than it, or the
 * very same event had been processed before. {@code current} is the state after the call (empty if there is none).
 */
public record ApplyResult(Kind kind, Optional<AuthorityState> current) {

    public enum Kind {
        APPLIED,
        STALE,
        DUPLICATE
    }
}
