package uk.gov.local.healthcheck.benchmark.query;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.local.healthcheck.benchmark.model.RoundData;
import uk.gov.local.healthcheck.benchmark.model.RoundInfo;
import uk.gov.local.healthcheck.benchmark.store.RoundStore;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Current snapshots of rounds. Every request reads the round catalog (one small query), and reuses a round's
 * snapshot while its version is unchanged; an applied event moves the version in its own transaction, so the next
 * request after the commit loads the new state. Concurrent requests share one load. The state stays in PostgreSQL,
 * so any number of replicas answer the same.
 */
@ApplicationScoped
public class RoundSnapshots {

    private record Cached(long version, Uni<RoundData> data) {
    }

    private final RoundStore store;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public RoundSnapshots(RoundStore store) {
        this.store = store;
    }

    public Uni<Map<String, RoundInfo>> catalog() {
        return store.catalog();
    }

    /** The current snapshot of a round known to the catalog. */
    public Uni<RoundData> snapshot(RoundInfo info) {
        Cached cached = cache.compute(info.roundId(), (id, old) -> old != null && old.version() >= info.version()
                ? old
                : new Cached(info.version(), store.load(id)
                        .map(d -> d == null ? RoundData.empty(info) : d)
                        .memoize().indefinitely()));
        return cached.data().onFailure().invoke(() -> cache.remove(info.roundId(), cached));
    }

    /**
     * The rounds of the same instrument with an earlier period, newest first: periods order as text ("2023" <
     * "2024", "2024-Q1" < "2024-Q2"). A round without a period has no previous rounds.
     */
    public static List<RoundInfo> previous(RoundInfo round, Map<String, RoundInfo> catalog) {
        if (round.period() == null) {
            return List.of();
        }
        return catalog.values().stream()
                .filter(r -> Objects.equals(r.instrument(), round.instrument()))
                .filter(r -> r.period() != null && r.period().compareTo(round.period()) < 0)
                .sorted(Comparator.comparing(RoundInfo::period).thenComparing(RoundInfo::roundId).reversed())
                .toList();
    }
}
