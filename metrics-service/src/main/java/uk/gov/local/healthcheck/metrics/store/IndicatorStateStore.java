package uk.gov.local.healthcheck.metrics.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorResult;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Per-(round, authority) indicator state in PostgreSQL. {@link #apply} is the only writer: one transaction checks
 * the event id, compares revisions and replaces the indicators, so a crash leaves either all of it or none.
 */
@ApplicationScoped
public class IndicatorStateStore {

    private static final String SEPARATOR = ",";

    private final Clock clock;

    public IndicatorStateStore() {
        this(Clock.systemUTC());
    }

    IndicatorStateStore(Clock clock) {
        this.clock = clock;
    }

    /** Applies {@code change} unless its event was processed already or a revision at least as high is in place. */
    public Uni<ApplyResult> apply(StateChange change) {
        return Panache.withTransaction(() -> ProcessedEvent.<ProcessedEvent>findById(change.eventId())
                .flatMap(seen -> seen != null
                        ? current(change.roundId(), change.authorityCode())
                                .map(state -> new ApplyResult(ApplyResult.Kind.DUPLICATE, state))
                        : applyNew(change)));
    }

    /** The current state of one (round, authority), with its indicators in dictionary order. */
    public Uni<Optional<AuthorityState>> current(String roundId, String authorityCode) {
        return AuthorityRoundState.<AuthorityRoundState>findById(new StateKey(roundId, authorityCode))
                .flatMap(state -> state == null
                        ? Uni.createFrom().item(Optional.<AuthorityState>empty())
                        : indicatorsOf(roundId, authorityCode).map(list -> Optional.of(toSnapshot(state, list))));
    }

    /** Like {@link #current} in its own read-only session, for callers outside any session (the REST API). */
    public Uni<Optional<AuthorityState>> read(String roundId, String authorityCode) {
        return Panache.withSession(() -> current(roundId, authorityCode));
    }

    private Uni<ApplyResult> applyNew(StateChange change) {
        // The row lock serialises two instances racing on the same (round, authority) during a rebalance; a race on
        // a state that does not exist yet ends in a primary-key violation and the loser retries.
        return AuthorityRoundState.<AuthorityRoundState>findById(
                        new StateKey(change.roundId(), change.authorityCode()), LockModeType.PESSIMISTIC_WRITE)
                .flatMap(existing -> {
                    if (existing != null && change.revision() <= existing.revision) {
                        return record(change, ProcessedEvent.Outcome.STALE)
                                .flatMap(v -> current(change.roundId(), change.authorityCode()))
                                .map(state -> new ApplyResult(ApplyResult.Kind.STALE, state));
                    }
                    return replace(existing, change)
                            .flatMap(state -> record(change, ProcessedEvent.Outcome.APPLIED)
                                    .map(v -> new ApplyResult(ApplyResult.Kind.APPLIED, Optional.of(state))));
                });
    }

    private Uni<AuthorityState> replace(AuthorityRoundState existing, StateChange change) {
        // Microseconds: what PostgreSQL keeps, so the returned snapshot equals what a later read gives.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuthorityRoundState state = existing != null ? existing : new AuthorityRoundState();
        state.roundId = change.roundId();
        state.authorityCode = change.authorityCode();
        state.instrument = change.instrument();
        state.period = change.period();
        state.revision = change.revision();
        state.withdrawn = change.withdrawn();
        state.computedAt = now;
        state.sourceEventId = change.eventId();
        state.instrumentVersion = change.instrumentVersion();
        state.consentNamed = change.withdrawn() ? null : change.consent();
        state.answers = change.withdrawn() ? null : JsonColumns.write(change.answers());
        state.words = null;
        List<StoredIndicator> rows = change.withdrawn() ? List.of() : change.indicators().stream()
                .map(r -> toRow(change, r))
                .toList();
        Uni<Void> saveState = existing != null ? Uni.createFrom().voidItem() : state.persist().replaceWithVoid();
        return saveState
                // Flush first: the indicator rows reference the state row.
                .flatMap(v -> Panache.flush())
                .flatMap(v -> StoredIndicator.delete("roundId = ?1 and authorityCode = ?2",
                        change.roundId(), change.authorityCode()))
                .flatMap(deleted -> rows.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : StoredIndicator.persist(rows))
                .map(v -> new AuthorityState(state.roundId, state.authorityCode, state.instrument,
                        state.instrumentVersion, state.period, state.revision, state.withdrawn, state.computedAt,
                        change.withdrawn() ? List.of() : change.indicators(), state.consentNamed,
                        // Through JSON, so the snapshot equals what a later read of the row gives.
                        JsonColumns.answers(state.answers), null));
    }

    private Uni<Void> record(StateChange change, ProcessedEvent.Outcome outcome) {
        ProcessedEvent e = new ProcessedEvent();
        e.eventId = change.eventId();
        e.eventType = change.eventType();
        e.roundId = change.roundId();
        e.authorityCode = change.authorityCode();
        e.revision = change.revision();
        e.outcome = outcome;
        e.processedAt = clock.instant();
        return e.persist().replaceWithVoid();
    }

    /**
     * Every (round, authority) of {@code instrument} for one authority that still stands, with its indicators, for a
     * series across rounds (ordered by period, then round).
     */
    public Uni<List<AuthorityState>> series(String authorityCode, String instrument) {
        return Panache.withSession(() -> AuthorityRoundState.<AuthorityRoundState>list(
                        "authorityCode = ?1 and instrument = ?2 and withdrawn = false order by period, roundId",
                        authorityCode, instrument)
                .flatMap(states -> StoredIndicator.<StoredIndicator>list(
                                "authorityCode = ?1 and roundId in ?2", authorityCode,
                                states.stream().map(st -> st.roundId).toList().isEmpty()
                                        ? List.of("") : states.stream().map(st -> st.roundId).toList())
                        .map(rows -> states.stream()
                                .map(st -> toSnapshot(st, rows.stream()
                                        .filter(r -> r.roundId.equals(st.roundId))
                                        .sorted(Comparator.comparingInt(r -> r.position))
                                        .toList()))
                                .toList())));
    }

    private static Uni<List<StoredIndicator>> indicatorsOf(String roundId, String authorityCode) {
        return StoredIndicator.<StoredIndicator>list("roundId = ?1 and authorityCode = ?2", roundId, authorityCode)
                .map(list -> list.stream().sorted(Comparator.comparingInt(i -> i.position)).toList());
    }

    private static StoredIndicator toRow(StateChange change, IndicatorResult r) {
        StoredIndicator row = new StoredIndicator();
        row.roundId = change.roundId();
        row.authorityCode = change.authorityCode();
        row.indicatorId = r.indicatorId();
        row.position = IndicatorDictionary.positionOf(r.indicatorId());
        row.value = r.value();
        row.numerator = r.numerator();
        row.denominator = r.denominator();
        row.scale = r.scale();
        row.missingInputs = String.join(SEPARATOR, r.missingInputs());
        row.missingReason = r.missingReason();
        return row;
    }

    private static AuthorityState toSnapshot(AuthorityRoundState s, List<StoredIndicator> rows) {
        List<IndicatorResult> indicators = rows.stream()
                .map(r -> new IndicatorResult(r.indicatorId, r.value, r.numerator, r.denominator, r.scale,
                        r.missingInputs == null || r.missingInputs.isEmpty()
                                ? List.of()
                                : Arrays.asList(r.missingInputs.split(SEPARATOR)),
                        r.missingReason))
                .toList();
        return new AuthorityState(s.roundId, s.authorityCode, s.instrument, s.instrumentVersion, s.period, s.revision,
                s.withdrawn, s.computedAt, indicators, s.consentNamed, JsonColumns.answers(s.answers),
                JsonColumns.words(s.words));
    }
}
