package uk.gov.local.healthcheck.survey.storage;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grouping without a server: each flush is held open by the test until it says the transaction committed. */
class GroupCommitTest {

    /** Records each group it is given and lets the test finish the flushes one by one. */
    static final class HeldFlushes {
        final List<List<String>> groups = new ArrayList<>();
        final List<CompletableFuture<List<String>>> pending = new ArrayList<>();

        Uni<List<String>> flush(List<String> group) {
            groups.add(List.copyOf(group));
            CompletableFuture<List<String>> done = new CompletableFuture<>();
            pending.add(done);
            return Uni.createFrom().completionStage(done);
        }

        void commit(int flush) {
            pending.get(flush).complete(groups.get(flush).stream().map(item -> item + ":stored").toList());
        }
    }

    /** A new test instance, so new held flushes, for each test. */
    private final HeldFlushes flushes = new HeldFlushes();
    /** The grouping most tests use: groups of up to 100 items, one flush at a time. */
    private final GroupCommit<String, String> commit = new GroupCommit<>(flushes::flush, 100, 1);

    private static CompletableFuture<String> submit(GroupCommit<String, String> commit, String item) {
        return commit.submit(item).subscribeAsCompletionStage();
    }

    @Test
    void aLoneWriteIsFlushedAtOnce() throws Exception {
        CompletableFuture<String> a = submit(commit, "a");
        assertEquals(List.of(List.of("a")), flushes.groups);
        flushes.commit(0);
        assertEquals("a:stored", a.get());
    }

    @Test
    void writesArrivingDuringAFlushGoTogetherInTheNextInArrivalOrder() throws Exception {
        CompletableFuture<String> a = submit(commit, "a");
        CompletableFuture<String> b = submit(commit, "b");
        CompletableFuture<String> c = submit(commit, "c");
        assertEquals(List.of(List.of("a")), flushes.groups, "b and c wait while a is being written");
        assertEquals(2, commit.waiting());
        flushes.commit(0);
        assertEquals("a:stored", a.get());
        assertFalse(b.isDone());
        assertEquals(List.of(List.of("a"), List.of("b", "c")), flushes.groups);
        flushes.commit(1);
        assertEquals("b:stored", b.get());
        assertEquals("c:stored", c.get());
        assertEquals(0, commit.waiting());
    }

    @Test
    void aGroupNeverExceedsItsSizeAndFlushesRunUpToTheLimitAtOnce() {
        GroupCommit<String, String> twoFlushesOfTwo = new GroupCommit<>(flushes::flush, 2, 2);
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (String item : List.of("a", "b", "c", "d", "e", "f")) {
            all.add(submit(twoFlushesOfTwo, item));
        }
        assertEquals(List.of(List.of("a"), List.of("b")), flushes.groups, "two flushes at once, one item each");
        flushes.commit(0);
        assertEquals(List.of("c", "d"), flushes.groups.get(2), "the freed slot takes the next two");
        flushes.commit(1);
        assertEquals(List.of("e", "f"), flushes.groups.get(3));
        flushes.commit(2);
        flushes.commit(3);
        assertEquals(List.of("a:stored", "b:stored", "c:stored", "d:stored", "e:stored", "f:stored"),
                all.stream().map(CompletableFuture::join).toList());
    }

    @Test
    void aFailedFlushFailsEveryWriteOfItsGroupAndOnlyThose() throws Exception {
        CompletableFuture<String> a = submit(commit, "a");
        CompletableFuture<String> b = submit(commit, "b");
        CompletableFuture<String> c = submit(commit, "c");
        flushes.commit(0);
        flushes.pending.get(1).completeExceptionally(new IllegalStateException("round closed"));
        for (CompletableFuture<String> failed : List.of(b, c)) {
            ExecutionException e = assertThrows(ExecutionException.class, failed::get);
            assertEquals("round closed", e.getCause().getMessage());
        }
        assertEquals("a:stored", a.get());
        CompletableFuture<String> d = submit(commit, "d");
        assertEquals(List.of("d"), flushes.groups.get(2), "the next write is flushed: a failure does not block the queue");
        flushes.commit(2);
        assertEquals("d:stored", d.get());
    }

    @Test
    void aFlushThatThrowsOrAnswersTheWrongNumberOfOutcomesFailsItsGroup() {
        GroupCommit<String, String> throwing = new GroupCommit<>(group -> {
            throw new IllegalArgumentException("bad group");
        }, 10, 1);
        assertTrue(assertThrows(ExecutionException.class, () -> submit(throwing, "a").get())
                .getCause() instanceof IllegalArgumentException);
        GroupCommit<String, String> short_ = new GroupCommit<>(group -> Uni.createFrom().item(List.of()), 10, 1);
        assertTrue(assertThrows(ExecutionException.class, () -> submit(short_, "a").get()).getCause().getMessage()
                .contains("0 outcomes"));
    }
}
