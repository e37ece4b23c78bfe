package uk.gov.local.healthcheck.survey.responses;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.api.problems.ProblemException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class BatchAdmissionTest {

    @Test
    void beyondTheCapABatchIsRefusedWith503WithoutRunningAndAFinishedBatchFreesItsPlace() {
        BatchAdmission admission = new BatchAdmission(1);
        CompletableFuture<String> first = new CompletableFuture<>();
        UniAssertSubscriber<String> running = admission.<String>admit(() -> Uni.createFrom().completionStage(first))
                .subscribe().withSubscriber(UniAssertSubscriber.create());

        AtomicBoolean secondRan = new AtomicBoolean();
        Throwable refused = admission.<String>admit(() -> {
            secondRan.set(true);
            return Uni.createFrom().item("second");
        }).subscribe().withSubscriber(UniAssertSubscriber.create()).assertFailed().getFailure();
        assertEquals(503, assertInstanceOf(ProblemException.class, refused).status());
        assertFalse(secondRan.get(), "a refused batch stores nothing");

        first.complete("first");
        running.assertCompleted().assertItem("first");
        admission.<String>admit(() -> Uni.createFrom().item("third")).subscribe()
                .withSubscriber(UniAssertSubscriber.create()).assertCompleted().assertItem("third");
    }

    @Test
    void aFailedBatchFreesItsPlaceToo() {
        BatchAdmission admission = new BatchAdmission(1);
        admission.<String>admit(() -> Uni.createFrom().failure(new IllegalStateException("database down")))
                .subscribe().withSubscriber(UniAssertSubscriber.create()).assertFailed();
        admission.<String>admit(() -> Uni.createFrom().item("next")).subscribe()
                .withSubscriber(UniAssertSubscriber.create()).assertCompleted().assertItem("next");
    }
}
