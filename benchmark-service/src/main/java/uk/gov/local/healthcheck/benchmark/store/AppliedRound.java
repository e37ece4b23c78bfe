package uk.gov.local.healthcheck.benchmark.store;

import uk.gov.local.healthcheck.benchmark.model.RoundInfo;
import uk.gov.local.healthcheck.events.AuthorityIndicators;

import java.util.List;

/**
 * What one committed batch did to one round: the round's catalog row after the commit (its version moved by exactly
 * one) and the events that replaced an authority's state, so readers can update their snapshot without a re-read.
 */
public record AppliedRound(RoundInfo info, List<AuthorityIndicators> applied) {

    public AppliedRound {
        applied = List.copyOf(applied);
    }
}
