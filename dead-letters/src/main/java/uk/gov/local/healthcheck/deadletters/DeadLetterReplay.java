package uk.gov.local.healthcheck.deadletters;

import io.smallrye.mutiny.Uni;

/**
 * How a service applies a dead letter again (POST /api/v1/admin/dead-letters/{id}/replay): exactly as its consumer
 * would apply the record now, through its own handler, including what it publishes. Each service using this module
 * provides one {@code @ApplicationScoped} bean implementing it.
 */
public interface DeadLetterReplay {

    /**
     * Applies {@code record}. Completes when it has been applied (or was found to need nothing); fails with the
     * reason when it still cannot be applied. A {@link FailureKind#TRANSIENT transient} failure is answered 503
     * (nothing changes), any other 422 (the entry stays open with its error updated).
     */
    Uni<Void> replay(FailedRecord record);
}
