package uk.gov.local.healthcheck.benchmark.query;

import uk.gov.local.healthcheck.benchmark.aggregation.GroupStatistics;
import uk.gov.local.healthcheck.benchmark.grouping.Group;

/** One group's statistics for one indicator in one round. */
public record GroupResult(Group group, GroupStatistics statistics) {
}
