package uk.gov.local.healthcheck.benchmark.query;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.benchmark.model.AuthorityEntry;
import uk.gov.local.healthcheck.benchmark.model.RoundData;
import uk.gov.local.healthcheck.benchmark.model.RoundInfo;
import uk.gov.local.healthcheck.benchmark.store.AppliedRound;
import uk.gov.local.healthcheck.benchmark.store.AuthorityEntries;
import uk.gov.local.healthcheck.benchmark.store.RoundStore;
import uk.gov.local.healthcheck.events.AuthorityIndicators;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This instance's current, immutable snapshot of each round and the catalog of rounds, held in memory so a read
 * costs no database round trip. PostgreSQL stays the durable state:
 * <ul>
 *   <li>after each committed batch the consumer hands over what it applied, and the round's snapshot moves to the
 *       batch's version by replacing just those authorities ({@link #applied}); the next read sees it;</li>
 *   <li>a snapshot that cannot be moved forward that way (not loaded yet, or a version written elsewhere, e.g. by
 *       another replica, in between) is reloaded from the database by the next read of the round;</li>
 *   <li>the catalog is read from the database at start-up, periodically ({@link CatalogRefresh}) and whenever a
 *       read names a round not known here, so other replicas' writes show up within the refresh interval.</li>
 * </ul>
 * Versions only move forward, so a late or repeated update never replaces a newer snapshot with an older one.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class RoundSnapshots {

    private static final Logger LOG = Logger.getLogger(RoundSnapshots.class);

    /** A round's snapshot, loaded or being loaded. */
    private static final class Cached {
        private final long requested;
        private volatile RoundData ready;
        private Uni<RoundData> loading;

        private Cached(long requested) {
            this.requested = requested;
        }

        static Cached of(RoundData data) {
            Cached cached = new Cached(data.info().version());
            cached.ready = data;
            cached.loading = Uni.createFrom().item(data);
            return cached;
        }

        /** Concurrent readers share one load; the rows read may be newer than requested (see version()). */
        static Cached load(RoundInfo info, RoundStore store) {
            Cached cached = new Cached(info.version());
            cached.loading = store.load(info.roundId())
                    .map(d -> d == null ? RoundData.empty(info) : d)
                    .invoke(d -> cached.ready = d)
                    .memoize().indefinitely();
            return cached;
        }

        long version() {
            RoundData data = ready;
            return data != null ? data.info().version() : requested;
        }
    }

    private final RoundStore store;
    private final AtomicReference<Map<String, RoundInfo>> catalog = new AtomicReference<>(Map.of());
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** Every round known to this instance, by id; an immutable map. */
    public Map<String, RoundInfo> catalog() {
        return catalog.get();
    }

    /** A round's catalog entry, or null when the database does not know it either. */
    public Uni<RoundInfo> info(String roundId) {
        RoundInfo known = catalog.get().get(roundId);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return refresh().map(rounds -> rounds.get(roundId));
    }

    /** Reads the catalog from the database and merges it in; returns the merged catalog. */
    public Uni<Map<String, RoundInfo>> refresh() {
        return store.catalog().map(rounds -> merge(rounds.values()));
    }

    /** Keeps, per round, the entry with the highest version. */
    private Map<String, RoundInfo> merge(Collection<RoundInfo> rounds) {
        return catalog.updateAndGet(current -> {
            Map<String, RoundInfo> merged = null;
            for (RoundInfo info : rounds) {
                RoundInfo known = current.get(info.roundId());
                if (known == null || known.version() < info.version()) {
                    merged = merged == null ? new HashMap<>(current) : merged;
                    merged.put(info.roundId(), info);
                }
            }
            return merged == null ? current : Map.copyOf(merged);
        });
    }

    /** The snapshot of a round at least as new as {@code info}: from memory, else loaded once from the database. */
    public Uni<RoundData> snapshot(RoundInfo info) {
        Cached cached = cache.compute(info.roundId(), (id, old) -> old != null && old.version() >= info.version()
                ? old
                : Cached.load(info, store));
        RoundData ready = cached.ready;
        if (ready != null) {
            return Uni.createFrom().item(ready);
        }
        return cached.loading.onFailure().invoke(() -> cache.remove(info.roundId(), cached));
    }

    /** Called after a batch has committed: moves each round it touched to the batch's version. */
    public void applied(List<AppliedRound> rounds) {
        for (AppliedRound round : rounds) {
            merge(List.of(round.info()));
            try {
                cache.compute(round.info().roundId(), (id, old) -> advance(old, round));
            } catch (RuntimeException e) {
                // Never fail intake over the cache: without an entry the next read reloads from the database.
                cache.remove(round.info().roundId());
                LOG.warnf(e, "Could not update the snapshot of %s in memory; it will be reloaded", round.info().roundId());
            }
        }
    }

    /**
     * The batch moved the round from version v - 1 to v. The snapshot can be moved forward only from exactly v - 1
     * (or from nothing when the batch created the round, v = 1); a snapshot already at v or beyond (reloaded in the
     * meantime) is kept; anything else stays as it is and is reloaded by the next read, since the catalog now says v.
     */
    private static Cached advance(Cached old, AppliedRound round) {
        RoundInfo next = round.info();
        if (old != null && old.version() >= next.version()) {
            return old;
        }
        RoundData base = old != null ? old.ready : next.version() == 1 ? RoundData.empty(new RoundInfo(
                next.roundId(), next.instrument(), next.instrumentVersion(), next.period(), 0)) : null;
        if (base == null || base.info().version() != next.version() - 1) {
            return old;
        }
        Map<String, AuthorityEntry> replaced = new HashMap<>();
        Set<String> removed = new HashSet<>();
        for (AuthorityIndicators event : round.applied()) {
            AuthorityEntry entry = AuthorityEntries.of(event);
            if (entry == null) {
                removed.add(event.authorityCode());
            } else {
                replaced.put(event.authorityCode(), entry);
            }
        }
        return Cached.of(base.with(next, replaced, removed));
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
