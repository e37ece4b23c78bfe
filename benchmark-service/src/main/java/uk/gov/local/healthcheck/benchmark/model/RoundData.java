package uk.gov.local.healthcheck.benchmark.model;

import uk.gov.local.healthcheck.events.IndicatorValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A consistent snapshot of a round: every authority still in it, as of {@code info.version()}. Immutable; figures
 * derived from it (an indicator's groups, a comparison) are memoised in {@code derived} for as long as the snapshot
 * is current, so a burst of requests computes each answer once.
 */
public record RoundData(RoundInfo info, Map<String, AuthorityEntry> authorities, Map<Object, Object> derived) {

    public RoundData {
        authorities = Map.copyOf(authorities);
    }

    public RoundData(RoundInfo info, Map<String, AuthorityEntry> authorities) {
        this(info, authorities, new java.util.concurrent.ConcurrentHashMap<>());
    }

    /** Computes a figure derived from this snapshot once. */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, java.util.function.Supplier<T> compute) {
        Object known = derived.get(key);
        if (known == null) {
            known = compute.get();
            Object raced = derived.putIfAbsent(key, known);
            known = raced != null ? raced : known;
        }
        return (T) known;
    }

    /** One indicator's values by authority (authorities without that indicator are absent). */
    public Map<String, IndicatorValue> indicator(String indicatorId) {
        Map<String, IndicatorValue> values = new LinkedHashMap<>();
        authorities.forEach((code, entry) -> {
            IndicatorValue v = entry.indicators().get(indicatorId);
            if (v != null) {
                values.put(code, v);
            }
        });
        return values;
    }

    /** Every indicator id in the round, sorted. */
    public List<String> indicatorIds() {
        TreeSet<String> ids = new TreeSet<>();
        authorities.values().forEach(a -> ids.addAll(a.indicators().keySet()));
        return new ArrayList<>(ids);
    }

    /**
     * The snapshot one committed batch leads to: the given authorities' entries replaced (or added), the removed
     * ones (withdrawn) gone, stamped with the batch's version. Derived figures start afresh.
     */
    public RoundData with(RoundInfo next, Map<String, AuthorityEntry> replaced, java.util.Set<String> removed) {
        Map<String, AuthorityEntry> entries = new java.util.HashMap<>(authorities);
        entries.putAll(replaced);
        entries.keySet().removeAll(removed);
        return new RoundData(next, entries);
    }

    public static RoundData empty(RoundInfo info) {
        return new RoundData(info, Map.of());
    }
}
