package uk.gov.local.healthcheck.metrics.intake;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.local.healthcheck.deadletters.DeadLetterReplay;
import uk.gov.local.healthcheck.deadletters.FailedRecord;

import java.util.List;

/**
 * Replays a dead letter (POST /api/v1/admin/dead-letters/{id}/replay) exactly as the consumer would apply it now:
 * decoded, applied in its own transaction and published. Fails when it still cannot be decoded or stored.
 */
@ApplicationScoped
public class SubmissionReplay implements DeadLetterReplay {

    private final SubmissionHandler handler;
    private final SubmissionsConsumer consumer;

    public SubmissionReplay(SubmissionHandler handler, SubmissionsConsumer consumer) {
        this.handler = handler;
        this.consumer = consumer;
    }

    @Override
    public Uni<Void> replay(FailedRecord record) {
        return Uni.createFrom().deferred(() -> handler.changeOf(record.valueAsString())
                .<Uni<Void>>map(change -> consumer.apply(List.of(new SubmissionsConsumer.Item(change, record,
                        record.header("traceparent").orElse(null)))).replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem()));
    }
}
