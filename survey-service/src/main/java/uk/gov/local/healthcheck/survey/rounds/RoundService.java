package uk.gov.local.healthcheck.survey.rounds;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.local.healthcheck.survey.instruments.Instrument;
import uk.gov.local.healthcheck.survey.instruments.InstrumentCatalog;
import uk.gov.local.healthcheck.survey.problems.ProblemException;
import uk.gov.local.healthcheck.survey.security.Caller;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Creates rounds and answers questions about them. */
@ApplicationScoped
public class RoundService {

    private static final String COUNTS = """
            select r.status, count(r) from ReturnRevision r
            where r.roundId = ?1 and r.revision = (select max(x.revision) from ReturnRevision x
                                                     where x.roundId = r.roundId and x.authorityCode = r.authorityCode)
            group by r.status""";

    private final InstrumentCatalog instruments;
    private final Clock clock;

    public RoundService(InstrumentCatalog instruments, Clock clock) {
        this.instruments = instruments;
        this.clock = clock;
    }

    public Uni<RoundView> create(RoundRequest request, Caller caller) {
        Instrument instrument = instrumentFor(request);
        return Panache.withTransaction(() -> Round.<Round>findById(request.id()).flatMap(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("round-exists", "Round already exists",
                        "A round with id " + request.id() + " already exists (" + existing.title + ")");
            }
            Round round = new Round();
            round.id = request.id();
            round.instrument = instrument.id();
            round.instrumentVersion = instrument.version();
            round.title = request.title() != null ? request.title() : defaultTitle(instrument, request.period());
            round.period = request.period();
            round.opensOn = request.opensOn();
            round.closesOn = request.closesOn();
            round.status = Round.OPEN;
            round.createdAt = OffsetDateTime.now(clock);
            round.createdBy = caller.subject();
            return round.persist().map(r -> RoundView.of(round, new RoundView.RoundCounts(0, 0)));
        }));
    }

    public Uni<List<RoundView>> list() {
        return Panache.withSession(() -> Round.<Round>list("order by instrument, period, id"))
                .flatMap(rounds -> rounds.isEmpty() ? Uni.createFrom().item(List.<RoundView>of())
                        : Uni.join().all(rounds.stream().map(this::view).toList()).andFailFast());
    }

    public Uni<RoundView> get(String id) {
        return Panache.withSession(() -> require(id).flatMap(this::view));
    }

    /** The round, or a 404 naming it. Call inside a session. */
    public static Uni<Round> require(String id) {
        return Round.<Round>findById(id).map(r -> {
            if (r == null) {
                throw ProblemException.notFound("unknown-round", "Unknown round", "There is no round " + id);
            }
            return r;
        });
    }

    private Uni<RoundView> view(Round round) {
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createQuery(COUNTS, Object[].class)
                .setParameter(1, round.id).getResultList())).map(rows -> {
                    long submitted = 0;
                    long drafts = 0;
                    for (Object[] row : rows) {
                        if ("submitted".equals(row[0])) {
                            submitted = (Long) row[1];
                        } else if ("draft".equals(row[0])) {
                            drafts = (Long) row[1];
                        }
                    }
                    return RoundView.of(round, new RoundView.RoundCounts(submitted, drafts));
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
