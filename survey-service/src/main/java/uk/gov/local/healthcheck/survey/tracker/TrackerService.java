package uk.gov.local.healthcheck.survey.tracker;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.survey.intake.ReturnRevision;
import uk.gov.local.healthcheck.survey.invitations.InvitationStore;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.survey.reference.Authority;
import uk.gov.local.healthcheck.survey.reference.AuthorityRegister;
import uk.gov.local.healthcheck.survey.rounds.RecentRounds;
import uk.gov.local.healthcheck.survey.rounds.Round;
import uk.gov.local.healthcheck.survey.rounds.RoundCalendar;
import uk.gov.local.healthcheck.survey.rounds.RoundService;
import uk.gov.local.healthcheck.survey.rounds.RoundView;
import uk.gov.local.healthcheck.survey.access.AccessPolicy;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collection tracker: every authority in the caller's scope that existed in the round's year, with its current
 * return (the highest revision, as {@link RoundService} counts them) or its responses, and its active invitations.
 * Three grouped queries per call, whatever the number of authorities, in plain SQL: they are aggregates over the
 * round's rows, not entities to change.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class TrackerService {

    public static final String NOT_SUBMITTED = "not-submitted";
    static final String NOT_STARTED = "not-started";

    /** The current (highest) revision of each authority's return in the round. */
    private static final String CURRENT_RETURNS = """
            select distinct on (authority_code) authority_code, revision, status, created_at
            from return_revision where round_id = $1
            order by authority_code, revision desc""";
    private static final String RESPONSES = """
            select authority_code, count(*), max(received_at) from practitioner_response where round_id = $1
            group by authority_code""";

    private record Current(int revision, String status, OffsetDateTime at) {
    }

    private record Responses(long count, OffsetDateTime latest) {
    }

    private final Pool pool;
    private final RecentRounds rounds;
    private final RoundService roundService;
    private final AuthorityRegister register;
    private final InvitationStore invitations;
    private final RoundCalendar calendar;

    public Uni<Tracker> tracker(String roundId, String status, AccessPolicy access) {
        if (status != null && !NOT_SUBMITTED.equals(status)) {
            throw ProblemException.invalid("Unknown status filter", List.of(new Violation("status", "option",
                    "status may only be " + NOT_SUBMITTED + " (authorities whose return is not submitted)")));
        }
        OffsetDateTime asAt = calendar.now();
        return rounds.find(roundId).flatMap(round -> currentReturns(roundId).flatMap(returns -> responses(roundId)
                .flatMap(responses -> invitations.activeByAuthority(roundId, calendar.today())
                        .map(active -> build(round, asAt, status, access, returns, responses, active)))));
    }

    private Tracker build(Round round, OffsetDateTime asAt, String filter, AccessPolicy access, Map<String, Current> returns,
                          Map<String, Responses> responses, Map<String, Long> active) {
        String kind = roundService.kind(round);
        boolean practitioners = RoundView.RESPONSES.equals(kind);
        List<Tracker.AuthorityRow> rows = register.all().stream()
                .filter(a -> a.existedIn(round.year()) && access.mayRead(a))
                .sorted(Comparator.comparing(Authority::regionName).thenComparing(Authority::name))
                .map(a -> practitioners ? practitionerRow(a, responses.get(a.code()), active)
                        : returnRow(a, returns.get(a.code()), active))
                .toList();
        Map<String, long[]> byRegion = new LinkedHashMap<>();
        Map<String, String> regionNames = new HashMap<>();
        long[] totals = new long[5];
        for (Tracker.AuthorityRow row : rows) {
            regionNames.put(row.regionCode(), row.regionName());
            long[] region = byRegion.computeIfAbsent(row.regionCode(), k -> new long[5]);
            for (long[] t : List.of(region, totals)) {
                t[0]++;
                switch (row.status()) {
                    case ReturnRevision.SUBMITTED -> t[1]++;
                    case ReturnRevision.DRAFT -> t[2]++;
                    case NOT_STARTED -> t[3]++;
                    default -> {
                    }
                }
                t[4] += row.responses();
            }
        }
        List<Tracker.RegionRow> regions = new ArrayList<>();
        byRegion.forEach((code, t) -> regions.add(new Tracker.RegionRow(code, regionNames.get(code), t[0], t[1], t[2], t[3], t[4])));
        List<Tracker.AuthorityRow> shown = NOT_SUBMITTED.equals(filter)
                ? rows.stream().filter(r -> !ReturnRevision.SUBMITTED.equals(r.status())).toList() : rows;
        return new Tracker(round.id, kind, asAt, shown, regions,
                new Tracker.Totals(totals[0], totals[1], totals[2], totals[3], totals[4]));
    }

    private static Tracker.AuthorityRow returnRow(Authority a, Current current, Map<String, Long> active) {
        if (current == null) {
            return new Tracker.AuthorityRow(a.code(), a.name(), a.regionCode(), a.regionName(), NOT_STARTED, null, null, null,
                    0, active.getOrDefault(a.code(), 0L));
        }
        return new Tracker.AuthorityRow(a.code(), a.name(), a.regionCode(), a.regionName(), current.status(), current.revision(),
                current.at(), ReturnRevision.SUBMITTED.equals(current.status()) ? current.at() : null, 0,
                active.getOrDefault(a.code(), 0L));
    }

    private static Tracker.AuthorityRow practitionerRow(Authority a, Responses received, Map<String, Long> active) {
        long count = received == null ? 0 : received.count();
        OffsetDateTime latest = received == null ? null : received.latest();
        return new Tracker.AuthorityRow(a.code(), a.name(), a.regionCode(), a.regionName(),
                count > 0 ? ReturnRevision.SUBMITTED : NOT_STARTED, null, latest, latest, count, active.getOrDefault(a.code(), 0L));
    }

    private Uni<Map<String, Current>> currentReturns(String roundId) {
        return pool.preparedQuery(CURRENT_RETURNS).execute(Tuple.of(roundId)).map(rows -> {
            Map<String, Current> current = new HashMap<>();
            for (Row row : rows) {
                current.put(row.getString(0), new Current(row.getInteger(1), row.getString(2), row.getOffsetDateTime(3)));
            }
            return current;
        });
    }

    private Uni<Map<String, Responses>> responses(String roundId) {
        return pool.preparedQuery(RESPONSES).execute(Tuple.of(roundId)).map(rows -> {
            Map<String, Responses> counts = new HashMap<>();
            for (Row row : rows) {
                counts.put(row.getString(0), new Responses(row.getLong(1), row.getOffsetDateTime(2)));
            }
            return counts;
        });
    }
}
