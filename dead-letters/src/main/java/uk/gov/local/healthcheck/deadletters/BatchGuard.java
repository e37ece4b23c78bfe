package uk.gov.local.healthcheck.deadletters;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.function.Function;

/**
 * What a consumer calls to apply a batch so that no record stops it: the batch is applied, transient failures retried
 * for as long as it takes ({@link TransientRetry}); on a permanent failure it is bisected ({@link PoisonIsolation}),
 * every other record applied, and each poison record set aside ({@link DeadLetterWriter}). When the returned
 * {@link Uni} completes, the whole batch may be acknowledged.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class BatchGuard {

    private static final Logger LOG = Logger.getLogger(BatchGuard.class);

    private final TransientRetry retry;
    private final DeadLetterWriter writer;

    /**
     * @param items    the batch's items, in order
     * @param recordOf the consumed record of an item (what is set aside if it is poison)
     * @param applier  applies a sub-list of items in one unit (transaction + publications)
     * @param what     names the batch in logs
     * @return the poison items (already dead-lettered), in order
     */
    public <T> Uni<List<Poison<T>>> apply(List<T> items, Function<T, FailedRecord> recordOf,
                                          Function<List<T>, Uni<?>> applier, String what) {
        return PoisonIsolation.<T>apply(items, part -> retry.retrying(() -> applier.apply(part),
                        part.size() == items.size() ? what : what + " (" + part.size() + " of its records)"))
                .call(poison -> {
                    if (poison.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.warnf("%s: %d of %d records can never be applied; the others were applied", what,
                            poison.size(), items.size());
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Poison<T> p : poison) {
                        chain = chain.chain(() -> writer.deadLetter(recordOf.apply(p.item()), p.failure()));
                    }
                    return chain;
                });
    }
}
