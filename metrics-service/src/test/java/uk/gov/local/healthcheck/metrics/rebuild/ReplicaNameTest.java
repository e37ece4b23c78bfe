package uk.gov.local.healthcheck.metrics.rebuild;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A rebuild is recorded under the replica's instance id, or, without one, its process and host. */
class ReplicaNameTest {

    @Test
    void theInstanceIdWhenSetOtherwiseProcessAtHost() {
        assertEquals("metrics-service-2", ReplicaName.of(Optional.of("metrics-service-2"), "box", 42));
        assertEquals("metrics-service-2", ReplicaName.of(Optional.of(" metrics-service-2 "), "box", 42));
        assertEquals("42@box", ReplicaName.of(Optional.of(""), "box", 42));
        assertEquals("42@box", ReplicaName.of(Optional.of("  "), "box", 42));
        assertEquals("42@box", ReplicaName.of(Optional.empty(), "box", 42));
    }
}
