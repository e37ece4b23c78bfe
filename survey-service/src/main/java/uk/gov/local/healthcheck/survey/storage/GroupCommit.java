package uk.gov.local.healthcheck.survey.storage;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Gathers writes that arrive together into one transaction (group commit). A write starts a flush at once when
 * fewer than {@code maxInFlight} are running; otherwise it waits and goes with everything else that arrived
 * meanwhile, up to {@code maxGroup}, in the next flush. So a lone request is written alone and without delay, and
 * under load the cost of a transaction (round trips, commit, WAL flush) is shared by many requests instead of paid
 * by each: on two cores single responses were CPU-bound on one transaction each (see the survey README, Performance).
 *
 * <p>{@code flush} receives the items in arrival order and answers one outcome per item, in the same order; if it
 * fails, every item of that group fails with its error. Each caller is answered on the Vert.x context it submitted
 * from, so its request's CDI request context and Hibernate session are the ones in force when it continues.
 *
 * @param <I> what is written
 * @param <O> the outcome of one item
 */
public final class GroupCommit<I, O> {

    private final Function<List<I>, Uni<List<O>>> flush;
    private final int maxGroup;
    private final int maxInFlight;
    private final ArrayDeque<Waiting<I, O>> waiting = new ArrayDeque<>();
    private int inFlight;   // guarded by this

    public GroupCommit(Function<List<I>, Uni<List<O>>> flush, int maxGroup, int maxInFlight) {
        if (maxGroup < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("maxGroup and maxInFlight must be at least 1");
        }
        this.flush = flush;
        this.maxGroup = maxGroup;
        this.maxInFlight = maxInFlight;
    }

    /** Writes {@code item} in the next flush; completes with its outcome once that flush has committed. */
    public Uni<O> submit(I item) {
        return Uni.createFrom().emitter(emitter -> {
            boolean start;
            synchronized (this) {
                waiting.add(new Waiting<>(item, emitter, Vertx.currentContext()));
                start = inFlight < maxInFlight;
                if (start) {
                    inFlight++;
                }
            }
            if (start) {
                flushNext();
            }
        });
    }

    /** Items waiting for a flush (for tests and metrics). */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Runs one flush of what is waiting, then the next, until nothing waits; holds one of the in-flight slots. */
    private void flushNext() {
        List<Waiting<I, O>> group = new ArrayList<>();
        synchronized (this) {
            while (group.size() < maxGroup && !waiting.isEmpty()) {
                group.add(waiting.poll());
            }
            if (group.isEmpty()) {
                inFlight--;
                return;
            }
        }
        Uni<List<O>> written;
        try {
            written = flush.apply(group.stream().map(Waiting::item).toList());
        } catch (RuntimeException e) {
            written = Uni.createFrom().failure(e);
        }
        written.subscribe().with(outcomes -> {
            if (outcomes.size() != group.size()) {
                IllegalStateException e = new IllegalStateException(
                        "A group of " + group.size() + " was flushed with " + outcomes.size() + " outcomes");
                group.forEach(w -> w.fail(e));
            } else {
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).complete(outcomes.get(i));
                }
            }
            flushNext();
        }, failure -> {
            group.forEach(w -> w.fail(failure));
            flushNext();
        });
    }

    private record Waiting<I, O>(I item, UniEmitter<? super O> emitter, Context context) {

        void complete(O outcome) {
            onOwnContext(() -> emitter.complete(outcome));
        }

        void fail(Throwable failure) {
            onOwnContext(() -> emitter.fail(failure));
        }

        private void onOwnContext(Runnable action) {
            if (context == null || context == Vertx.currentContext()) {
                action.run();
            } else {
                context.runOnContext(x -> action.run());
            }
        }
    }
}
