package uk.gov.local.healthcheck.metrics.store;

/** What one incoming event asks the store to do: a return's new state, or one more practitioner response. */
public sealed interface Change permits StateChange, ResponseChange {

    String eventId();

    String roundId();

    String authorityCode();

    String instrument();
}
