package uk.gov.local.healthcheck.benchmark.intake;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.benchmark.query.RoundSnapshots;
import uk.gov.local.healthcheck.benchmark.store.IndicatorStateStore;
import uk.gov.local.healthcheck.benchmark.store.PendingEvent;
import uk.gov.local.healthcheck.deadletters.DeadLetterReplay;
import uk.gov.local.healthcheck.deadletters.FailedRecord;

import java.util.List;

/**
 * Applies a dead letter again (POST /api/v1/admin/dead-letters/{id}/replay) exactly as the consumer would now:
 * decoded and validated, then written by revision (so a replay older than the stored state changes nothing) and
 * moved into this instance's snapshots. Still undecodable or invalid → fails (422, the entry stays open).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class IndicatorsReplay implements DeadLetterReplay {

    private final IndicatorStateStore store;
    private final RoundSnapshots snapshots;

    @Override
    public Uni<Void> replay(FailedRecord record) {
        DecodedEvent decoded = IndicatorEventDecoder.decode(record.valueAsString());
        if (decoded instanceof DecodedEvent.Poison poison) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "Still cannot be applied (" + poison.errorType() + "): " + poison.reason()));
        }
        if (!(decoded instanceof DecodedEvent.Indicators event)) {
            return Uni.createFrom().voidItem();   // an event of another type: nothing for this service to do
        }
        return store.applyAll(List.of(new PendingEvent(event.eventId(), event.payload())))
                .invoke(snapshots::applied)
                .replaceWithVoid();
    }
}
