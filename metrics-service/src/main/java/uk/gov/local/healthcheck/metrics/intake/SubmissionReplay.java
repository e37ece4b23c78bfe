package uk.gov.local.healthcheck.metrics.intake;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.deadletters.DeadLetterReplay;
import uk.gov.local.healthcheck.deadletters.FailedRecord;

import java.util.List;

/**
 * Replays a dead letter (POST /api/v1/admin/dead-letters/{id}/replay) exactly as the consumer would apply it now:
 * decoded, applied in its own transaction and published. Fails when it still cannot be decoded or stored.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class SubmissionReplay implements DeadLetterReplay {

    private final SubmissionsConsumer consumer;

    @Override
    public Uni<Void> replay(FailedRecord record) {
        return Uni.createFrom().deferred(() -> consumer.itemOf(record, record.valueAsString())
                .<Uni<Void>>map(item -> consumer.apply(List.of(item)).replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem()));
    }
}
