package uk.gov.local.healthcheck.benchmark.query;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.local.healthcheck.benchmark.aggregation.GroupBenchmarks;
import uk.gov.local.healthcheck.benchmark.grouping.Group;
import uk.gov.local.healthcheck.benchmark.grouping.GroupCatalog;
import uk.gov.local.healthcheck.benchmark.store.IndicatorStateStore;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.util.List;
import java.util.Map;

/**
 * Computes benchmarks on read from the stored state. One indicator of one round is at most ~150 small rows, read
 * through an index, so every answer reflects the last committed event with no derived state to keep in step.
 */
@ApplicationScoped
public class BenchmarkQuery {

    private final IndicatorStateStore store;
    private final GroupCatalog catalog;

    public BenchmarkQuery(IndicatorStateStore store, GroupCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** England and every region; fails with {@link NoBenchmarkDataException} when England has no value at all. */
    public Uni<IndicatorBenchmark> allGroups(String roundId, String indicatorId) {
        return store.indicator(roundId, indicatorId).map(values -> {
            GroupResult national = requireData(roundId, indicatorId, values);
            List<GroupResult> regions = catalog.regions().stream().map(region -> summarise(region, values)).toList();
            return new IndicatorBenchmark(roundId, indicatorId, national, regions);
        });
    }

    /** One group, which must come from the catalog. */
    public Uni<GroupResult> group(String roundId, String indicatorId, Group group) {
        return store.indicator(roundId, indicatorId).map(values -> {
            requireData(roundId, indicatorId, values);
            return summarise(group, values);
        });
    }

    private GroupResult requireData(String roundId, String indicatorId, Map<String, IndicatorValue> values) {
        GroupResult national = summarise(catalog.national(), values);
        if (national.statistics().isEmpty()) {
            throw new NoBenchmarkDataException(roundId, indicatorId);
        }
        return national;
    }

    private static GroupResult summarise(Group group, Map<String, IndicatorValue> values) {
        return new GroupResult(group, GroupBenchmarks.forGroup(group, values));
    }
}
