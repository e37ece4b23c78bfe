package uk.gov.local.healthcheck.benchmark.aggregation;

import uk.gov.local.healthcheck.benchmark.grouping.Group;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.util.Map;

/** Applies {@link Aggregation} to a group: picks the group's members out of one indicator's values in a round. */
public final class GroupBenchmarks {

    private GroupBenchmarks() {
    }

    /**
     * @param valuesByAuthority one indicator's values in one round, keyed by authority GSS code; authorities outside
     *                          the group are ignored
     */
    public static GroupStatistics forGroup(Group group, Map<String, IndicatorValue> valuesByAuthority) {
        return Aggregation.summarise(valuesByAuthority.entrySet().stream()
                .filter(e -> group.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList());
    }
}
