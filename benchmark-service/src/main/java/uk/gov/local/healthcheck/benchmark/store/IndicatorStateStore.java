package uk.gov.local.healthcheck.benchmark.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.benchmark.model.RoundInfo;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The latest indicator set per (round, authority). A batch of events is written in one transaction with one
 * set-based statement per table (arrays bound as parameters and expanded with {@code unnest}), so intake costs a
 * handful of round trips per poll rather than four per event. Reads return one indicator of one round for every
 * authority still in it.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class IndicatorStateStore {

    /**
     * Inserts each header or replaces it only when the event is strictly newer. The WHERE of ON CONFLICT makes the
     * revision check and the write one atomic statement, so two consumers racing (e.g. during a rebalance) cannot
     * let an older revision win. Only the rows actually written come back. A batch holds one event per
     * (round, authority) (see {@link PendingEvent#newestPerAuthority}): ON CONFLICT cannot touch a row twice.
     */
    private static final String UPSERT_HEADERS = """
            insert into authority_round
                (round_id, authority_code, source_revision, withdrawn, instrument, period, computed_at, event_id, applied_at,
                 instrument_version, consent_named, answers)
            select e.round_id, e.authority_code, e.source_revision, e.withdrawn, e.instrument, e.period, e.computed_at,
                   e.event_id, now(), e.instrument_version, e.consent_named, e.answers::jsonb
            from unnest($1::text[], $2::text[], $3::int[], $4::bool[], $5::text[], $6::text[], $7::timestamptz[],
                        $8::text[], $9::int[], $10::bool[], $11::text[])
                 as e(round_id, authority_code, source_revision, withdrawn, instrument, period, computed_at, event_id,
                      instrument_version, consent_named, answers)
            on conflict (round_id, authority_code) do update set
                source_revision = excluded.source_revision,
                withdrawn = excluded.withdrawn,
                instrument = excluded.instrument,
                period = excluded.period,
                computed_at = excluded.computed_at,
                event_id = excluded.event_id,
                applied_at = now(),
                instrument_version = excluded.instrument_version,
                consent_named = excluded.consent_named,
                answers = excluded.answers
            where authority_round.source_revision < excluded.source_revision
            returning round_id, authority_code""";

    private static final String DELETE_VALUES = """
            delete from indicator_value v
            using unnest($1::text[], $2::text[]) as k(round_id, authority_code)
            where v.round_id = k.round_id and v.authority_code = k.authority_code""";

    private static final String INSERT_VALUES = """
            insert into indicator_value (round_id, authority_code, indicator_id, value, numerator, denominator, scale,
                                         polarity, unit, missing_reason)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[],
                                 $7::int[], $8::text[], $9::text[], $10::text[])""";

    /**
     * Moves each touched round's version by one in the same transaction, so readers know their snapshot is stale;
     * the returned rows tell this instance's snapshots exactly which version the batch produced.
     */
    private static final String BUMP_ROUNDS = """
            insert into round_catalog (round_id, instrument, instrument_version, period, version)
            select r.round_id, r.instrument, r.instrument_version, r.period, 1
            from unnest($1::text[], $2::text[], $3::int[], $4::text[]) as r(round_id, instrument, instrument_version, period)
            on conflict (round_id) do update set
                version = round_catalog.version + 1,
                instrument = coalesce(excluded.instrument, round_catalog.instrument),
                instrument_version = coalesce(excluded.instrument_version, round_catalog.instrument_version),
                period = coalesce(excluded.period, round_catalog.period)
            returning round_id, instrument, instrument_version, period, version""";

    private static final String SELECT_INDICATOR = """
            select authority_code, value, numerator, denominator, scale, polarity, unit, missing_reason
            from indicator_value
            where round_id = $1 and indicator_id = $2""";

    private final Pool pool;

    /**
     * Applies a batch of events in one transaction; the Uni completes after the commit with, per round that
     * changed, its new catalog row and the events that won. Events not newer than the stored revision change
     * nothing and appear nowhere.
     */
    public Uni<List<AppliedRound>> applyAll(List<PendingEvent> batch) {
        List<PendingEvent> newest = PendingEvent.newestPerAuthority(batch);
        if (newest.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.withTransaction(connection -> connection.preparedQuery(UPSERT_HEADERS).execute(headers(newest))
                .chain(written -> {
                    Set<PendingEvent.Key> won = new HashSet<>();
                    for (Row row : written) {
                        won.add(new PendingEvent.Key(row.getString("round_id"), row.getString("authority_code")));
                    }
                    List<AuthorityIndicators> applied = newest.stream().filter(e -> won.contains(e.key()))
                            .map(PendingEvent::event).toList();
                    return applied.isEmpty() ? Uni.createFrom().item(List.<AppliedRound>of())
                            : replaceValues(connection, applied).chain(() -> bumpRounds(connection, applied));
                }));
    }

    private static Tuple headers(List<PendingEvent> events) {
        int n = events.size();
        String[] rounds = new String[n];
        String[] authorities = new String[n];
        Integer[] revisions = new Integer[n];
        Boolean[] withdrawn = new Boolean[n];
        String[] instruments = new String[n];
        String[] periods = new String[n];
        OffsetDateTime[] computedAt = new OffsetDateTime[n];
        String[] eventIds = new String[n];
        Integer[] instrumentVersions = new Integer[n];
        Boolean[] consent = new Boolean[n];
        String[] answers = new String[n];
        for (int i = 0; i < n; i++) {
            AuthorityIndicators e = events.get(i).event();
            rounds[i] = e.roundId();
            authorities[i] = e.authorityCode();
            revisions[i] = e.sourceRevision();
            withdrawn[i] = e.withdrawn();
            instruments[i] = e.instrument();
            periods[i] = e.period();
            computedAt[i] = e.computedAt();
            eventIds[i] = events.get(i).eventId();
            instrumentVersions[i] = e.instrumentVersion();
            consent[i] = e.consentToNamedPublication();
            answers[i] = e.answers() == null ? null : Json.write(e.answers());
        }
        return Tuple.tuple().addArrayOfString(rounds).addArrayOfString(authorities).addArrayOfInteger(revisions)
                .addArrayOfBoolean(withdrawn).addArrayOfString(instruments).addArrayOfString(periods)
                .addArrayOfOffsetDateTime(computedAt).addArrayOfString(eventIds).addArrayOfInteger(instrumentVersions)
                .addArrayOfBoolean(consent).addArrayOfString(answers);
    }

    /** Deletes the applied authorities' old values and inserts the new ones (none for a withdrawal). */
    private Uni<Void> replaceValues(SqlConnection connection, List<AuthorityIndicators> applied) {
        String[] rounds = applied.stream().map(AuthorityIndicators::roundId).toArray(String[]::new);
        String[] authorities = applied.stream().map(AuthorityIndicators::authorityCode).toArray(String[]::new);
        Uni<RowSet<Row>> deleted = connection.preparedQuery(DELETE_VALUES)
                .execute(Tuple.tuple().addArrayOfString(rounds).addArrayOfString(authorities));
        List<AuthorityIndicators> owners = new ArrayList<>();
        List<IndicatorValue> values = new ArrayList<>();
        for (AuthorityIndicators e : applied) {
            if (!e.withdrawn() && e.indicators() != null) {
                e.indicators().forEach(v -> {
                    owners.add(e);
                    values.add(v);
                });
            }
        }
        if (values.isEmpty()) {
            return deleted.replaceWithVoid();
        }
        Tuple rows = Tuple.tuple()
                .addArrayOfString(owners.stream().map(AuthorityIndicators::roundId).toArray(String[]::new))
                .addArrayOfString(owners.stream().map(AuthorityIndicators::authorityCode).toArray(String[]::new))
                .addArrayOfString(values.stream().map(IndicatorValue::indicatorId).toArray(String[]::new))
                .addArrayOfBigDecimal(values.stream().map(IndicatorValue::value).toArray(BigDecimal[]::new))
                .addArrayOfBigDecimal(values.stream().map(IndicatorValue::numerator).toArray(BigDecimal[]::new))
                .addArrayOfBigDecimal(values.stream().map(IndicatorValue::denominator).toArray(BigDecimal[]::new))
                .addArrayOfInteger(values.stream().map(IndicatorValue::scale).toArray(Integer[]::new))
                .addArrayOfString(values.stream().map(IndicatorValue::polarity).toArray(String[]::new))
                .addArrayOfString(values.stream().map(IndicatorValue::unit).toArray(String[]::new))
                .addArrayOfString(values.stream().map(IndicatorValue::missingReason).toArray(String[]::new));
        return deleted.chain(() -> connection.preparedQuery(INSERT_VALUES).execute(rows)).replaceWithVoid();
    }

    /**
     * One catalog row per touched round. Applying the events one by one would leave each of instrument, its version
     * and period at the last non-null value sent, so that is what the round's single row carries.
     */
    private Uni<List<AppliedRound>> bumpRounds(SqlConnection connection, List<AuthorityIndicators> applied) {
        Map<String, List<AuthorityIndicators>> byRound = new LinkedHashMap<>();
        applied.forEach(e -> byRound.computeIfAbsent(e.roundId(), r -> new ArrayList<>()).add(e));
        List<String> rounds = new ArrayList<>(byRound.keySet());
        String[] instruments = new String[rounds.size()];
        Integer[] instrumentVersions = new Integer[rounds.size()];
        String[] periods = new String[rounds.size()];
        for (int i = 0; i < rounds.size(); i++) {
            for (AuthorityIndicators e : byRound.get(rounds.get(i))) {
                instruments[i] = e.instrument() != null ? e.instrument() : instruments[i];
                instrumentVersions[i] = e.instrumentVersion() != null ? e.instrumentVersion() : instrumentVersions[i];
                periods[i] = e.period() != null ? e.period() : periods[i];
            }
        }
        Tuple args = Tuple.tuple().addArrayOfString(rounds.toArray(String[]::new)).addArrayOfString(instruments)
                .addArrayOfInteger(instrumentVersions).addArrayOfString(periods);
        return connection.preparedQuery(BUMP_ROUNDS).execute(args).map(rows -> {
            List<AppliedRound> result = new ArrayList<>();
            for (Row row : rows) {
                RoundInfo info = new RoundInfo(row.getString("round_id"), row.getString("instrument"),
                        row.getInteger("instrument_version"), row.getString("period"), row.getLong("version"));
                result.add(new AppliedRound(info, byRound.get(info.roundId())));
            }
            return result;
        });
    }

    /** One indicator of one round, keyed by authority GSS code; withdrawn authorities are absent. */
    public Uni<Map<String, IndicatorValue>> indicator(String roundId, String indicatorId) {
        return pool.preparedQuery(SELECT_INDICATOR).execute(Tuple.of(roundId, indicatorId)).map(rows -> {
            Map<String, IndicatorValue> byAuthority = new LinkedHashMap<>();
            for (Row row : rows) {
                byAuthority.put(row.getString("authority_code"), new IndicatorValue(
                        indicatorId,
                        decimal(row, "value"),
                        decimal(row, "numerator"),
                        decimal(row, "denominator"),
                        row.getInteger("scale"),
                        null, row.getString("missing_reason"), row.getString("polarity"), row.getString("unit")));
            }
            return byAuthority;
        });
    }

    private static BigDecimal decimal(Row row, String column) {
        return row.getBigDecimal(column);
    }
}
