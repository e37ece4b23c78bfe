package uk.gov.local.healthcheck.deadletters;

import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the items of a batch that can never be applied, applying all the others: the batch is applied whole; if that
 * fails permanently it is split in two halves, each applied (and, failing permanently, split) in turn, the first half
 * before the second so that the order of the items is kept; an item that fails permanently on its own is a poison.
 * A transient failure is not a verdict on the items: it fails the returned {@link Uni} (the applier is expected to
 * retry transient failures itself, e.g. with {@link TransientRetry}, so this is rare). Pure: no I/O of its own.
 *
 * <p>For k poison items among n, about 2·k·log2(n) applications are made; with none, one.
 */
public final class PoisonIsolation {

    private PoisonIsolation() {
    }

    /**
     * @param items   the batch, in order
     * @param applier applies a sub-list in one unit (one transaction); fails when it cannot
     * @return the poison items, in order (empty when the whole batch applied)
     */
    public static <T> Uni<List<Poison<T>>> apply(List<T> items, Function<List<T>, Uni<?>> applier) {
        return apply(items, applier, FailureKind::of);
    }

    /** As {@link #apply(List, Function)} with the classifier given (for tests). */
    public static <T> Uni<List<Poison<T>>> apply(List<T> items, Function<List<T>, Uni<?>> applier,
                                                 Function<Throwable, FailureKind> classifier) {
        List<Poison<T>> poison = new ArrayList<>();
        return applyPart(List.copyOf(items), applier, classifier, poison).replaceWith(() -> List.copyOf(poison));
    }

    private static <T> Uni<Void> applyPart(List<T> part, Function<List<T>, Uni<?>> applier,
                                           Function<Throwable, FailureKind> classifier, List<Poison<T>> poison) {
        if (part.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> applier.apply(part)).replaceWithVoid()
                .onFailure(f -> classifier.apply(f) == FailureKind.PERMANENT).recoverWithUni(failure -> {
                    if (part.size() == 1) {
                        poison.add(new Poison<>(part.get(0), failure));
                        return Uni.createFrom().voidItem();
                    }
                    int half = part.size() / 2;
                    return applyPart(part.subList(0, half), applier, classifier, poison)
                            .chain(() -> applyPart(part.subList(half, part.size()), applier, classifier, poison));
                });
    }
}
