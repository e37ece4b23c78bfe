package uk.gov.local.healthcheck.benchmark.store;

/** What applying an event did to the stored state. */
public enum ApplyOutcome {
    /** The event's indicators are now the authority's state in the round. */
    STORED,
    /** The authority was withdrawn from the round; it no longer contributes. */
    WITHDRAWN,
    /** The stored revision is the same or newer: a redelivery or a stale event, nothing changed. */
    IGNORED_NOT_NEWER
}
