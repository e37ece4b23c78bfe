package uk.gov.local.healthcheck.benchmark.intake;

import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.DeadLetter;

/** The outcome of reading one Kafka record: an event to apply, or a reason to skip the record. */
public sealed interface DecodedEvent {

    record Indicators(String eventId, AuthorityIndicators payload) implements DecodedEvent {
    }

    /** A well-formed event of a type this service does not consume (a newer version, say): skipped quietly. */
    record OtherType(String type) implements DecodedEvent {
    }

    /**
     * Unparseable ({@code errorType} {@link DeadLetter#UNDECODABLE}) or breaking the contract
     * ({@link DeadLetter#INVALID}): set aside on the dead-letter topic, so one bad record never blocks its partition.
     */
    record Poison(String reason, String errorType) implements DecodedEvent {
    }
}
