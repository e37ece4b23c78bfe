package uk.gov.local.healthcheck.metrics.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.events.IndicatorValue;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;
import uk.gov.local.healthcheck.metrics.indicators.PractitionerScores;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only writer of the state tables: applies a batch of changes in ONE transaction of set-based statements (the
 * reactive SQL client, arrays through {@code unnest}), so the cost per event is a few array elements rather than
 * several round trips. Returns and practitioner responses of the batch are written by {@link ReturnWriter} and
 * {@link ResponseWriter}; all their indicator rows are then replaced at once. The processed-event and
 * processed-response records are written in the same transaction, so a batch is applied entirely or not at all and
 * a redelivered event changes nothing.
 *
 * <p>Changes must be in the order of their partition; changes of one (round, authority) come from one partition.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class BatchStore {

    private final Pool pool;
    private final PractitionerScores scores;
    Clock clock = Clock.systemUTC();

    /**
     * @param readStates whether to read back the states to publish: every (round, authority) that changed, or whose
     *                   event was a duplicate (its publication may have been lost in a crash after the commit)
     */
    public Uni<BatchResult> apply(List<Change> changes, boolean readStates) {
        return apply(changes, readStates, null);
    }

    /**
     * As {@link #apply(List, boolean)}, to the tables of {@code schema} when not null (a rebuild's shadow schema,
     * holding tables like the live ones): the transaction's search path is that schema alone, so a statement can
     * never touch the live tables by mistake.
     */
    public Uni<BatchResult> apply(List<Change> changes, boolean readStates, String schema) {
        // Microseconds: what PostgreSQL keeps.
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        List<StateChange> returns = changes.stream()
                .filter(StateChange.class::isInstance).map(StateChange.class::cast).toList();
        List<ResponseChange> responses = changes.stream()
                .filter(ResponseChange.class::isInstance).map(ResponseChange.class::cast).toList();
        return pool.withTransaction(conn -> searchPath(conn, schema).chain(() -> ReturnWriter.plan(conn, returns))
                .flatMap(plan -> ResponseWriter.apply(conn, responses, now, scores).flatMap(counted -> {
                    Map<StateKey, List<IndicatorValue>> indicators = new LinkedHashMap<>();
                    plan.newest().forEach((key, c) -> indicators.put(key, c.withdrawn() ? List.of() : c.indicators()));
                    indicators.putAll(counted.indicators());
                    Set<StateKey> toPublish = new LinkedHashSet<>(plan.newest().keySet());
                    toPublish.addAll(plan.duplicates());
                    toPublish.addAll(counted.counted());
                    toPublish.addAll(counted.duplicates());
                    int stale = (int) plan.recorded().stream()
                            .filter(d -> d.outcome() == ProcessedEvent.Outcome.STALE).count();
                    int applied = plan.recorded().size() - stale + counted.responses();
                    int duplicates = changes.size() - applied - stale;
                    // The remaining statements depend on nothing they return, so they are all sent at once and the
                    // server runs them in this order (states before the indicator rows that reference them).
                    Uni<Void> write = ReturnWriter.write(conn, plan, now);
                    Uni<Void> replace = StateRows.replaceIndicators(conn, indicators);
                    Uni<List<AuthorityState>> read = readStates
                            ? StateRows.read(conn, toPublish)
                            : Uni.createFrom().item(List.<AuthorityState>of());
                    return Uni.combine().all().unis(write, replace, read).with((w, r, states) ->
                            new BatchResult(applied, stale, duplicates, states.stream()
                                    // Instruments without indicators are stored but not published.
                                    .filter(s -> IndicatorDictionary.hasIndicators(s.instrument()))
                                    .toList()));
                })));
    }

    private static Uni<Void> searchPath(io.vertx.mutiny.sqlclient.SqlConnection conn, String schema) {
        if (schema == null) {
            return Uni.createFrom().voidItem();
        }
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        return conn.query("set local search_path to " + schema).execute().replaceWithVoid();
    }

    /** The current states of {@code keys} whose instrument has indicators, in one read (the rebuild's publication). */
    public Uni<List<AuthorityState>> read(Collection<StateKey> keys) {
        return pool.withConnection(conn -> StateRows.read(conn, keys))
                .map(states -> states.stream().filter(s -> IndicatorDictionary.hasIndicators(s.instrument())).toList());
    }
}
