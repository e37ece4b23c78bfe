package uk.gov.local.healthcheck.survey.tracker;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where a round's collection stands, authority by authority, for the authorities the caller may see.
 *
 * @param kind        {@code returns} or {@code responses}, as the round's
 * @param asAt        when this was read
 * @param authorities one row per authority in scope (after the filter)
 * @param regions     per region in scope, whatever the filter
 * @param totals      over the whole scope, whatever the filter
 */
public record Tracker(String roundId, String kind, OffsetDateTime asAt, List<AuthorityRow> authorities,
                      List<RegionRow> regions, Totals totals) {

    /**
     * @param status      {@code not-started}, {@code draft}, {@code submitted} or {@code withdrawn}: the current return's
     *                    (practitioner rounds: {@code submitted} once at least one response came, else {@code not-started})
     * @param revision    the current return's revision; null when none, and in practitioner rounds
     * @param savedAt     when the current revision was stored (practitioner rounds: the latest response)
     * @param submittedAt when the current revision was submitted, null unless it is (practitioner rounds: the latest response)
     * @param responses   practitioner responses received for the authority; 0 in return rounds
     * @param invitations the authority's invitations that can take a response today
     */
    public record AuthorityRow(String authorityCode, String authorityName, String regionCode, String regionName, String status,
                               Integer revision, OffsetDateTime savedAt, OffsetDateTime submittedAt, long responses,
                               long invitations) {
    }

    /** Withdrawn returns count in {@code authorities} only: they are neither submitted, drafts nor not started. */
    public record RegionRow(String regionCode, String regionName, long authorities, long submitted, long drafts,
                            long notStarted, long responses) {
    }

    public record Totals(long authorities, long submitted, long drafts, long notStarted, long responses) {
    }
}
