package uk.gov.local.healthcheck.benchmark.query;

import uk.gov.local.healthcheck.benchmark.aggregation.GroupStatistics;
import uk.gov.local.healthcheck.benchmark.grouping.Group;

/**
 * One group's statistics for one indicator in one round.
 *
 * @param suppression why the group's figures are withheld (disclosure control), or null when they may be shown
 */
public record GroupResult(Group group, GroupStatistics statistics, String suppression) {

    public GroupResult(Group group, GroupStatistics statistics) {
        this(group, statistics, null);
    }

    public boolean suppressed() {
        return suppression != null;
    }
}
