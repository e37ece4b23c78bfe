package uk.gov.local.healthcheck.survey.responses;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Caps how many NDJSON batches are validated and stored at once. A batch of 10,000 lines holds its parsed answers
 * in memory until it commits; without a cap, a burst of batches from many councils' systems exhausts the heap and
 * the service dies, losing every request in flight. Beyond the cap a batch is refused at once with 503 (nothing
 * stored; the caller retries), which a council's system can act on, unlike a timeout.
 */
@ApplicationScoped
public class BatchAdmission {

    private final Semaphore permits;
    private final int maxConcurrent;

    public BatchAdmission(@ConfigProperty(name = "survey.responses.batch.max-concurrent") int maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
        this.permits = new Semaphore(maxConcurrent);
    }

    /** Runs {@code batch} if a permit is free, releasing it however the batch ends; otherwise refuses with 503. */
    public <T> Uni<T> admit(Supplier<Uni<? extends T>> batch) {
        if (!permits.tryAcquire()) {
            return Uni.createFrom().failure(new ProblemException(503, ProblemTypes.BUSY, "Too many batches in progress",
                    maxConcurrent + " batches are being stored already; nothing of this one was stored. "
                            + "Send it again in a few seconds."));
        }
        return Uni.createFrom().<T>deferred(batch).onTermination().invoke(permits::release);
    }
}
