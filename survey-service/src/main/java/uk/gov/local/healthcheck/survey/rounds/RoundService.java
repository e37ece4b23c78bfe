package uk.gov.local.healthcheck.survey.rounds;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.reference.instruments.Instrument;
import uk.gov.local.healthcheck.survey.instruments.InstrumentCatalog;
import uk.gov.local.healthcheck.survey.intake.ReturnRevision;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.survey.access.AccessPolicy;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Creates rounds and answers questions about them. */
@ApplicationScoped
@RequiredArgsConstructor
public class RoundService {

    /** Current (highest) revision per authority, counted by status, per round. */
    private static final String RETURN_COUNTS = """
            select r.roundId, r.status, count(r) from ReturnRevision r
            where r.revision = (select max(x.revision) from ReturnRevision x
                                where x.roundId = r.roundId and x.authorityCode = r.authorityCode)
              %s
            group by r.roundId, r.status""";
    private static final String RESPONSE_COUNTS = """
            select r.roundId, count(r) from PractitionerResponse r where 1 = 1 %s group by r.roundId""";
    private static final String ONE_ROUND = "and r.roundId = :round";

    private final InstrumentCatalog instruments;
    private final Clock clock;
    private final RecentRounds recent;
    private final RoundCalendar calendar;

    public Uni<RoundView> create(RoundRequest request, AccessPolicy access) {
        Instrument instrument = instrumentFor(request);
        return Panache.withTransaction(() -> Round.<Round>findById(request.id()).flatMap(existing -> {
            if (existing != null) {
                throw ProblemException.conflict(ProblemTypes.ROUND_EXISTS, "Round already exists",
                        "A round with id " + request.id() + " already exists (" + existing.title + ")");
            }
            Round round = new Round();
            round.id = request.id();
            round.instrument = instrument.id();
            round.instrumentVersion = instrument.version();
            round.instrumentSha256 = instruments.fingerprint(instrument);
            round.title = request.title() != null ? request.title() : defaultTitle(instrument, request.period());
            round.period = request.period();
            round.opensOn = request.opensOn();
            round.closesOn = request.closesOn();
            round.status = Round.OPEN;
            round.createdAt = OffsetDateTime.now(clock);
            round.createdBy = access.caller().subject();
            return round.persist().map(r -> view(round, RoundView.RoundCounts.NONE));
        }));
    }

    /**
     * Closes or reopens a round (the LGA may reopen one for a late return). Setting the status it has is a no-op.
     * Reopening does not move the dates: a round past its closing date still takes nothing until it is extended.
     */
    public Uni<RoundView> setStatus(String id, String status) {
        return Panache.withTransaction(() -> require(id).flatMap(round -> {
            round.status = status;
            return view(round);
        })).invoke(committed -> recent.forget(id));
    }

    /**
     * Sets a new closing date and opens the round: the LGA's way to take late submissions. The date may not be before
     * the round opens, nor before today (London time): a round cannot be extended into the past.
     */
    public Uni<RoundView> extend(String id, LocalDate closesOn) {
        return Panache.withTransaction(() -> require(id).flatMap(round -> {
            List<Violation> violations = new ArrayList<>();
            if (closesOn.isBefore(round.opensOn)) {
                violations.add(new Violation("closesOn", "range", "closesOn (" + closesOn + ") is before the round opens (" + round.opensOn + ")"));
            }
            LocalDate today = calendar.today();
            if (closesOn.isBefore(today)) {
                violations.add(new Violation("closesOn", "range", "closesOn (" + closesOn + ") is before today (" + today
                        + ", " + calendar.zone().getId() + ")"));
            }
            if (!violations.isEmpty()) {
                throw ProblemException.invalid("Round " + id + " cannot be extended to " + closesOn, violations);
            }
            round.closesOn = closesOn;
            round.status = Round.OPEN;
            return view(round);
        })).invoke(committed -> recent.forget(id));
    }

    public Uni<List<RoundView>> list() {
        return Panache.withSession(() -> Round.<Round>list("order by instrument, period, id")
                .flatMap(rounds -> counts(null).map(counts -> rounds.stream()
                        .map(r -> view(r, counts.getOrDefault(r.id, RoundView.RoundCounts.NONE))).toList())));
    }

    public Uni<RoundView> get(String id) {
        return Panache.withSession(() -> require(id).flatMap(this::view));
    }

    /** The round, or a 404 naming it. Call inside a session. */
    public static Uni<Round> require(String id) {
        return Round.<Round>findById(id).map(r -> {
            if (r == null) {
                throw ProblemException.notFound(ProblemTypes.UNKNOWN_ROUND, "Unknown round", "There is no round " + id);
            }
            return r;
        });
    }

    private Uni<RoundView> view(Round round) {
        return counts(round.id).map(counts -> view(round, counts.getOrDefault(round.id, RoundView.RoundCounts.NONE)));
    }

    private RoundView view(Round round, RoundView.RoundCounts counts) {
        return RoundView.of(round, counts, kind(round), calendar);
    }

    /** {@code returns} for an instrument answered once per authority, {@code responses} for the practitioner survey. */
    public String kind(Round round) {
        return instruments.find(round.instrument, round.instrumentVersion)
                .map(i -> i.isPerAuthority() ? RoundView.RETURNS : RoundView.RESPONSES).orElse(null);
    }

    /** Progress of one round, or of all when {@code roundId} is null, in two grouped queries (a session runs one at a time). */
    private static Uni<Map<String, RoundView.RoundCounts>> counts(String roundId) {
        String filter = roundId == null ? "" : ONE_ROUND;
        return Panache.getSession().flatMap(s -> {
            var returnCounts = s.createQuery(RETURN_COUNTS.formatted(filter), Object[].class);
            var responseCounts = s.createQuery(RESPONSE_COUNTS.formatted(filter), Object[].class);
            if (roundId != null) {
                returnCounts.setParameter("round", roundId);
                responseCounts.setParameter("round", roundId);
            }
            return returnCounts.getResultList().flatMap(returns -> responseCounts.getResultList()
                        .map(responses -> {
                            Map<String, long[]> tally = new HashMap<>();
                            for (Object[] row : returns) {
                                long[] t = tally.computeIfAbsent((String) row[0], k -> new long[3]);
                                if (ReturnRevision.SUBMITTED.equals(row[1])) {
                                    t[0] = (Long) row[2];
                                } else if (ReturnRevision.DRAFT.equals(row[1])) {
                                    t[1] = (Long) row[2];
                                }
                            }
                            for (Object[] row : responses) {
                                tally.computeIfAbsent((String) row[0], k -> new long[3])[2] = (Long) row[1];
                            }
                            Map<String, RoundView.RoundCounts> counts = new HashMap<>();
                            tally.forEach((id, t) -> counts.put(id, new RoundView.RoundCounts(t[0], t[1], t[2])));
                            return counts;
                        }));
        });
    }

    private Instrument instrumentFor(RoundRequest request) {
        var found = request.version() == null ? instruments.latest(request.instrument())
                : instruments.find(request.instrument(), request.version());
        return found.orElseThrow(() -> ProblemException.invalid("Unknown instrument", List.of(new Violation(
                request.version() == null ? "instrument" : "version", "unknown",
                "no instrument " + request.instrument() + (request.version() == null ? "" : " version " + request.version())
                        + "; instruments are " + instruments.all().stream().map(i -> i.id() + " v" + i.version()).toList()))));
    }

    private static String defaultTitle(Instrument instrument, String period) {
        return (instrument.title() != null ? instrument.title() : instrument.id()) + " " + period;
    }
}
