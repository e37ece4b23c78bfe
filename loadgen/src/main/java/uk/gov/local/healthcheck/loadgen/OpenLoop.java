package uk.gov.local.healthcheck.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Starts calls at a fixed rate, open-loop: call {@code i} is due {@code i} intervals after the start whether or not
 * the earlier ones have been answered, so each call's latency, measured from its due time, includes any queueing a
 * slow server causes (no coordinated omission).
 */
final class OpenLoop {

    /** Starts the call that was due at {@code dueNanos} ({@link System#nanoTime()}); completes when it is answered. */
    interface Call {
        CompletableFuture<Void> start(long index, long dueNanos);
    }

    private OpenLoop() {
    }

    /** Starts calls at {@code perSecond} for the duration, at most {@code maxInFlight} unanswered; returns the seconds until all were answered. */
    static double drive(double perSecond, Duration duration, int maxInFlight, Call call) throws InterruptedException {
        long intervalNanos = (long) (1_000_000_000L / perSecond);
        long total = (long) (perSecond * duration.toSeconds());
        Semaphore inFlight = new Semaphore(maxInFlight);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            pending.add(call.start(i, due).whenComplete((r, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return (System.nanoTime() - start) / 1e9;
    }
}
