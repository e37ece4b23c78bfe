package uk.gov.local.healthcheck.metrics.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the per-(round, authority) indicator state in PostgreSQL for the REST API, through Hibernate Reactive.
 * The only writer is {@link BatchStore}.
 */
@ApplicationScoped
public class IndicatorStateStore {

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

    private static AuthorityState toSnapshot(AuthorityRoundState s, List<StoredIndicator> rows) {
        List<IndicatorValue> indicators = rows.stream()
                .map(r -> new IndicatorValue(r.indicatorId, r.value, r.numerator, r.denominator, r.scale,
                        r.missingInputs == null || r.missingInputs.isEmpty()
                                ? List.of()
                                : Arrays.asList(r.missingInputs.split(StoredIndicator.SEPARATOR)),
                        r.missingReason))
                .toList();
        return new AuthorityState(s.roundId, s.authorityCode, s.instrument, s.instrumentVersion, s.period, s.revision,
                s.withdrawn, s.computedAt, indicators, s.consentNamed, JsonColumns.answers(s.answers),
                JsonColumns.words(s.words));
    }
}
