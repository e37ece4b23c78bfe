package uk.gov.local.healthcheck.metrics.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The return events (accepted, withdrawn) of one batch, inside the batch's transaction, in two steps of pipelined
 * statements whatever the batch size: {@link #plan} (which events were processed before, lock the existing states),
 * then {@link #write} (record the new events, write the new states). The indicator rows are replaced by the caller,
 * together with the practitioner ones.
 */
final class ReturnWriter {

    private ReturnWriter() {
    }

    static Uni<ReturnPlan> plan(SqlConnection conn, List<StateChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(ReturnPlan.of(List.of(), Set.of(), Map.of()));
        }
        String[] ids = changes.stream().map(StateChange::eventId).distinct().toArray(String[]::new);
        // Every key of the batch is locked, even one whose events all turn out to be duplicates: that costs nothing
        // and lets both statements go to the server together (pipelined, one round trip).
        Set<StateKey> keys = new LinkedHashSet<>();
        changes.forEach(c -> keys.add(ReturnPlan.key(c)));
        return Uni.combine().all().unis(
                        conn.preparedQuery("select event_id from processed_event where event_id = any($1::varchar[])")
                                .execute(Tuple.of(ids)),
                        lock(conn, keys))
                .with((rows, stored) -> {
                    Set<String> seen = new HashSet<>();
                    rows.forEach(r -> seen.add(r.getString("event_id")));
                    return ReturnPlan.of(changes, seen, stored);
                });
    }

    /** Records the new events and writes the new states; both statements are sent at once. */
    static Uni<Void> write(SqlConnection conn, ReturnPlan plan, OffsetDateTime now) {
        return Uni.combine().all().unis(record(conn, plan.recorded(), now), writeStates(conn, plan.newest(), now))
                .discardItems();
    }

    /**
     * Locks the existing states of {@code keys} and returns their revisions. The lock serialises this batch with any
     * other writer of the same keys (another instance during a rebalance, a rebuild); rows are locked in key order
     * so that two such batches cannot deadlock.
     */
    private static Uni<Map<StateKey, Integer>> lock(SqlConnection conn, Set<StateKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return conn.preparedQuery("select t.round_id, t.authority_code, t.revision from authority_round_state t join "
                        + StateRows.KEYS + " on " + StateRows.KEY_MATCH
                        + " order by t.round_id, t.authority_code for update of t")
                .execute(StateRows.keys(keys))
                .map(StateRows::revisions);
    }

    /** Every new event with its outcome, in the same transaction as its effect: a redelivery changes nothing. */
    private static Uni<Void> record(SqlConnection conn, List<ReturnPlan.Decision> decisions, OffsetDateTime now) {
        if (decisions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("""
                        insert into processed_event (event_id, event_type, round_id, authority_code, revision, outcome,
                            processed_at)
                        select e.*, $7::timestamptz from unnest($1::varchar[], $2::varchar[], $3::varchar[],
                            $4::varchar[], $5::int[], $6::varchar[]) as e""")
                .execute(Tuple.from(new Object[] {
                        decisions.stream().map(d -> d.change().eventId()).toArray(String[]::new),
                        decisions.stream().map(d -> d.change().eventType()).toArray(String[]::new),
                        decisions.stream().map(d -> d.change().roundId()).toArray(String[]::new),
                        decisions.stream().map(d -> d.change().authorityCode()).toArray(String[]::new),
                        decisions.stream().map(d -> d.change().revision()).toArray(Integer[]::new),
                        decisions.stream().map(d -> d.outcome().name()).toArray(String[]::new),
                        now}))
                .replaceWithVoid();
    }

    /**
     * Inserts or overwrites the state row of each key with its newest change. A state that did not exist when the
     * keys were locked may have been inserted since by another writer; the {@code where} then keeps a revision at
     * least as high, the row count tells, and the batch fails and is retried (it then sees and locks that row).
     */
    private static Uni<Void> writeStates(SqlConnection conn, Map<StateKey, StateChange> newest, OffsetDateTime now) {
        if (newest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<StateChange> changes = List.copyOf(newest.values());
        return conn.preparedQuery("""
                        insert into authority_round_state as t (round_id, authority_code, instrument, instrument_version,
                            period, revision, withdrawn, computed_at, source_event_id, consent_named, answers, words)
                        select u.round_id, u.authority_code, u.instrument, u.instrument_version, u.period, u.revision,
                            u.withdrawn, $11::timestamptz, u.source_event_id, u.consent_named, u.answers, null
                        from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::int[], $5::varchar[], $6::int[],
                            $7::bool[], $8::varchar[], $9::bool[], $10::text[])
                            as u(round_id, authority_code, instrument, instrument_version, period, revision, withdrawn,
                                 source_event_id, consent_named, answers)
                        order by u.round_id, u.authority_code
                        on conflict (round_id, authority_code) do update set instrument = excluded.instrument,
                            instrument_version = excluded.instrument_version, period = excluded.period,
                            revision = excluded.revision, withdrawn = excluded.withdrawn,
                            computed_at = excluded.computed_at, source_event_id = excluded.source_event_id,
                            consent_named = excluded.consent_named, answers = excluded.answers, words = null
                        where t.revision < excluded.revision""")
                .execute(Tuple.from(new Object[] {
                        changes.stream().map(StateChange::roundId).toArray(String[]::new),
                        changes.stream().map(StateChange::authorityCode).toArray(String[]::new),
                        changes.stream().map(StateChange::instrument).toArray(String[]::new),
                        changes.stream().map(StateChange::instrumentVersion).toArray(Integer[]::new),
                        changes.stream().map(StateChange::period).toArray(String[]::new),
                        changes.stream().map(StateChange::revision).toArray(Integer[]::new),
                        changes.stream().map(StateChange::withdrawn).toArray(Boolean[]::new),
                        changes.stream().map(StateChange::eventId).toArray(String[]::new),
                        changes.stream().map(c -> c.withdrawn() ? null : c.consent()).toArray(Boolean[]::new),
                        changes.stream().map(c -> c.withdrawn() ? null : JsonColumns.write(c.answers()))
                                .toArray(String[]::new),
                        now}))
                .invoke(written -> {
                    if (written.rowCount() != changes.size()) {
                        throw new IllegalStateException("a state of this batch was written concurrently with a "
                                + "revision at least as high; the batch is retried");
                    }
                })
                .replaceWithVoid();
    }
}
