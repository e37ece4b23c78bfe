package uk.gov.local.healthcheck.benchmark.query;

import java.util.List;

/** An indicator in a round, for England and every region (in code order). */
public record IndicatorBenchmark(String roundId, String indicatorId, GroupResult national, List<GroupResult> regions) {
}
