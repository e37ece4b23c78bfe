package uk.gov.local.healthcheck.metrics.intake;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Lets a rebuild hold the live consumer off for the short end of its run (the last catch-up and the swap of the
 * rebuilt tables): while held, a batch waits before it starts; {@link #hold} returns once no batch is in flight.
 */
@ApplicationScoped
public class IntakeGate {

    private boolean held;
    private int inFlight;
    private CompletableFuture<Void> opened = CompletableFuture.completedFuture(null);

    /** Runs {@code work} once the gate is open, counted as in flight until it ends. */
    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> wait = tryEnter();
            if (wait == null) {
                return Uni.createFrom().deferred(() -> work.get()).eventually(this::exit);
            }
            return Uni.createFrom().completionStage(wait).chain(() -> run(work));
        });
    }

    private synchronized CompletableFuture<Void> tryEnter() {
        if (held) {
            return opened;
        }
        inFlight++;
        return null;
    }

    private synchronized void exit() {
        inFlight--;
        notifyAll();
    }

    /** Closes the gate and waits (at most {@code timeout}) until no batch is in flight. */
    public synchronized void hold(Duration timeout) throws InterruptedException {
        held = true;
        opened = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("the live consumer's batch did not finish within " + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Opens the gate: waiting batches go on. */
    public void release() {
        CompletableFuture<Void> toComplete;
        synchronized (this) {
            held = false;
            toComplete = opened;
        }
        toComplete.complete(null);
    }
}
