package uk.gov.local.healthcheck.deadletters;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoisonIsolationTest {

    /** A fake store: applies a sub-list atomically unless it holds a poison item. */
    static final class Store {
        final Set<Integer> poison;
        final List<Integer> applied = new ArrayList<>();
        int calls;

        Store(Set<Integer> poison) {
            this.poison = poison;
        }

        Uni<Void> apply(List<Integer> part) {
            calls++;
            if (part.stream().anyMatch(poison::contains)) {
                return Uni.createFrom().failure(new IllegalArgumentException("poison in " + part));
            }
            applied.addAll(part);
            return Uni.createFrom().voidItem();
        }
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void aCleanBatchIsAppliedOnce() {
        Store store = new Store(Set.of());
        var poison = PoisonIsolation.apply(range(100), store::apply).await().indefinitely();
        assertTrue(poison.isEmpty());
        assertEquals(range(100), store.applied);
        assertEquals(1, store.calls);
    }

    @Test
    void onePoisonIsIsolatedAndEveryOtherItemAppliedInOrder() {
        Store store = new Store(Set.of(37));
        var poison = PoisonIsolation.apply(range(100), store::apply).await().indefinitely();
        assertEquals(List.of(37), poison.stream().map(Poison::item).toList());
        List<Integer> expected = new ArrayList<>(range(100));
        expected.remove(Integer.valueOf(37));
        assertEquals(expected, store.applied, "every other item, in the original order");
        assertTrue(store.calls <= 2 * 7 + 1, "about 2 log2(n) applications: " + store.calls);
        assertTrue(poison.get(0).failure().getMessage().contains("poison"));
    }

    @Test
    void severalPoisonsIncludingFirstAndLast() {
        Store store = new Store(Set.of(0, 1, 50, 99));
        var poison = PoisonIsolation.apply(range(100), store::apply).await().indefinitely();
        assertEquals(List.of(0, 1, 50, 99), poison.stream().map(Poison::item).toList());
        assertEquals(96, store.applied.size());
        assertEquals(store.applied.stream().sorted().toList(), store.applied);
    }

    @Test
    void aSinglePoisonItem() {
        Store store = new Store(Set.of(7));
        var poison = PoisonIsolation.apply(List.of(7), store::apply).await().indefinitely();
        assertEquals(List.of(7), poison.stream().map(Poison::item).toList());
        assertEquals(List.of(), PoisonIsolation.apply(List.<Integer>of(), store::apply).await().indefinitely());
    }

    @Test
    void aTransientFailureIsNotAVerdictOnTheItems() {
        Store store = new Store(Set.of());
        assertThrows(RuntimeException.class, () -> PoisonIsolation.<Integer>apply(range(10),
                part -> Uni.createFrom().failure(new ConnectException("refused"))).await().indefinitely());
        assertTrue(store.applied.isEmpty());
    }

    @Test
    void withTransientRetryAnOutageIsWaitedOutThenThePoisonIsolated() {
        Store store = new Store(Set.of(3));
        int[] outage = {3};
        TransientRetry retry = retryWithDefaults();
        var poison = PoisonIsolation.<Integer>apply(range(8), part -> retry.retrying(() -> {
            if (outage[0]-- > 0) {
                return Uni.createFrom().failure(new ConnectException("Connection refused"));
            }
            return store.apply(part);
        }, "test", Duration.ofMillis(1), Duration.ofMillis(5))).await().atMost(Duration.ofSeconds(10));
        assertEquals(List.of(3), poison.stream().map(Poison::item).toList());
        assertEquals(List.of(0, 1, 2, 4, 5, 6, 7), store.applied);
    }

    @Test
    void transientRetryNeverGivesUpButPassesPermanentFailuresOn() {
        TransientRetry retry = retryWithDefaults();
        int[] attempts = {0};
        String result = retry.<String>retrying(() -> ++attempts[0] < 50
                        ? Uni.createFrom().failure(new ConnectException("refused")) : Uni.createFrom().item("ok"),
                "test", Duration.ofMillis(1), Duration.ofMillis(2)).await().atMost(Duration.ofSeconds(20));
        assertEquals("ok", result);
        assertEquals(50, attempts[0]);
        int[] permanent = {0};
        assertThrows(IllegalArgumentException.class, () -> retry.<String>retrying(() -> {
            permanent[0]++;
            return Uni.createFrom().failure(new IllegalArgumentException("bad"));
        }, "test", Duration.ofMillis(1), Duration.ofMillis(2)).await().indefinitely());
        assertEquals(1, permanent[0]);
    }

    /** As configured by default (healthcheck.retry.*); each test passes its own backoff to {@code retrying}. */
    private static TransientRetry retryWithDefaults() {
        return new TransientRetry(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    @Test
    void backoffIsExponentialAndCapped() {
        assertEquals(Duration.ofMillis(100), TransientRetry.backoff(0, Duration.ofMillis(100), Duration.ofSeconds(5)));
        assertEquals(Duration.ofMillis(800), TransientRetry.backoff(3, Duration.ofMillis(100), Duration.ofSeconds(5)));
        assertEquals(Duration.ofSeconds(5), TransientRetry.backoff(40, Duration.ofMillis(100), Duration.ofSeconds(5)));
    }
}
