package uk.gov.local.healthcheck.benchmark.intake;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.deadletters.ConsumerName;
import uk.gov.local.healthcheck.deadletters.ConsumerPartitions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readiness of the intake: partitions held, and caught up with what was published while the instance was away. */
class IntakeStateTest {

    static final TopicPartition P0 = new TopicPartition("metrics.indicators.v1", 0);
    static final TopicPartition P1 = new TopicPartition("metrics.indicators.v1", 1);

    /** The dead-letters module's listener as CDI would make it. */
    static ConsumerPartitions partitions() {
        return new ConsumerPartitions(new ConsumerName(Optional.of("benchmark-service"), "benchmark-service"),
                new SimpleMeterRegistry());
    }

    /** A consumer at offset 4 of 10 on P0 and at the end (0 of 0) of P1. */
    static MockConsumer<String, String> behindOnP0() {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, 10L, P1, 0L));
        consumer.seek(P0, 4);
        consumer.seek(P1, 0);
        return consumer;
    }

    @Test
    void notReadyBeforeTheFirstAssignmentThenUntilCaughtUp() throws Exception {
        IntakeState state = new IntakeState(true, Duration.ofMinutes(10), partitions());
        assertFalse(state.status().ready());
        assertTrue(state.status().reason().contains("not been given its partitions"));

        state.onPartitionsAssigned(behindOnP0(), List.of(P0, P1));
        assertFalse(state.status().ready(), "6 records of P0 were published while it was away");
        assertTrue(state.status().reason().contains("catching up"));
        assertEquals(2, state.status().partitions());

        state.applied(P0, 8);
        assertFalse(state.status().ready());
        state.applied(P1, 0);
        state.applied(P0, 10);
        assertTrue(state.status().ready());
    }

    @Test
    void notReadyBetweenRevokeAndAssignButNoSecondCatchUp() throws Exception {
        ConsumerPartitions partitions = partitions();
        IntakeState state = new IntakeState(true, Duration.ofMinutes(10), partitions);
        MockConsumer<String, String> consumer = behindOnP0();
        consumer.seek(P0, 10);
        state.onPartitionsAssigned(consumer, List.of(P0, P1));
        assertTrue(state.status().ready(), "nothing to catch up");
        assertTrue(partitions.holdsPartitions());

        state.onPartitionsRevoked(consumer, List.of(P0, P1));
        assertFalse(state.status().ready());
        assertFalse(partitions.holdsPartitions(), "the module's readiness sees the revocation too");

        // Another replica applied P0 meanwhile; this instance takes it back behind, without waiting again.
        consumer.seek(P0, 4);
        state.onPartitionsAssigned(consumer, List.of(P0));
        assertTrue(state.status().ready());
        assertEquals(1, state.status().partitions());
    }

    @Test
    void anAssignmentOfNoPartitionsIsReady() throws Exception {
        IntakeState state = new IntakeState(true, Duration.ofMinutes(10), partitions());
        state.onPartitionsAssigned(new MockConsumer<String, String>("earliest"), List.of());
        assertTrue(state.status().ready());
    }

    @Test
    void catchingUpCanBeSwitchedOffAndIsBounded() throws Exception {
        IntakeState off = new IntakeState(false, Duration.ofMinutes(10), partitions());
        off.onPartitionsAssigned(behindOnP0(), List.of(P0, P1));
        assertTrue(off.status().ready());

        IntakeState bounded = new IntakeState(true, Duration.ZERO, partitions());
        bounded.onPartitionsAssigned(behindOnP0(), List.of(P0, P1));
        assertTrue(bounded.status().ready(), "after the catch-up timeout it reports ready anyway");
    }

    @Test
    void staticMembershipOnlyWhenTheInstanceIsNamed() {
        assertEquals(Map.of("group.instance.id", "benchmark-service-1"),
                IntakeKafkaConfig.settings(Optional.of(" benchmark-service-1 ")));
        assertEquals(Map.of(), IntakeKafkaConfig.settings(Optional.of("  ")));
        assertEquals(Map.of(), IntakeKafkaConfig.settings(Optional.empty()));
    }
}
