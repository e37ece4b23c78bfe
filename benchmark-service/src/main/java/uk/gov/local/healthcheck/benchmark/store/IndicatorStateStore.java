package uk.gov.local.healthcheck.benchmark.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.local.healthcheck.events.AuthorityIndicators;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest indicator set per (round, authority). Writes are one transaction per event; reads return one
 * indicator of one round for every authority still in it, which is all a benchmark needs.
 */
@ApplicationScoped
public class IndicatorStateStore {

    /**
     * Inserts the header or replaces it only when the event is strictly newer. The WHERE of ON CONFLICT makes the
     * revision check and the write one atomic statement, so two consumers racing (e.g. during a rebalance) cannot
     * let an older revision win. No row comes back when the stored revision is equal or higher.
     */
    private static final String UPSERT_HEADER = """
            insert into authority_round
                (round_id, authority_code, source_revision, withdrawn, instrument, period, computed_at, event_id, applied_at,
                 instrument_version, consent_named, answers)
            values ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9, $10, $11::text::jsonb)
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
            returning source_revision""";

    private static final String DELETE_VALUES =
            "delete from indicator_value where round_id = $1 and authority_code = $2";

    private static final String INSERT_VALUE = """
            insert into indicator_value (round_id, authority_code, indicator_id, value, numerator, denominator, scale,
                                         polarity, unit, missing_reason)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";

    /** Moves the round's version in the same transaction, so readers know their snapshot is stale. */
    private static final String BUMP_ROUND = """
            insert into round_catalog (round_id, instrument, instrument_version, period, version)
            values ($1, $2, $3, $4, 1)
            on conflict (round_id) do update set
                version = round_catalog.version + 1,
                instrument = coalesce(excluded.instrument, round_catalog.instrument),
                instrument_version = coalesce(excluded.instrument_version, round_catalog.instrument_version),
                period = coalesce(excluded.period, round_catalog.period)""";

    private static final String SELECT_INDICATOR = """
            select authority_code, value, numerator, denominator, scale, polarity, unit, missing_reason
            from indicator_value
            where round_id = $1 and indicator_id = $2""";

    private final Pool pool;

    public IndicatorStateStore(Pool pool) {
        this.pool = pool;
    }

    /** Applies one event in its own transaction; the Uni completes after the commit. */
    public Uni<ApplyOutcome> apply(AuthorityIndicators event, String eventId) {
        return pool.withTransaction(connection -> upsertHeader(connection, event, eventId)
                .chain(rows -> rows.size() == 0
                        ? Uni.createFrom().item(ApplyOutcome.IGNORED_NOT_NEWER)
                        : replaceValues(connection, event).call(outcome -> bumpRound(connection, event))));
    }

    private Uni<RowSet<Row>> bumpRound(SqlConnection connection, AuthorityIndicators event) {
        return connection.preparedQuery(BUMP_ROUND).execute(Tuple.of(event.roundId(), event.instrument(),
                event.instrumentVersion(), event.period()));
    }

    private Uni<RowSet<Row>> upsertHeader(SqlConnection connection, AuthorityIndicators event, String eventId) {
        Tuple header = Tuple.tuple()
                .addString(event.roundId())
                .addString(event.authorityCode())
                .addInteger(event.sourceRevision())
                .addBoolean(event.withdrawn())
                .addString(event.instrument())
                .addString(event.period())
                .addOffsetDateTime(event.computedAt())
                .addString(eventId)
                .addInteger(event.instrumentVersion())
                .addBoolean(event.consentToNamedPublication())
                .addString(event.answers() == null ? null : Json.write(event.answers()));
        return connection.preparedQuery(UPSERT_HEADER).execute(header);
    }

    private Uni<ApplyOutcome> replaceValues(SqlConnection connection, AuthorityIndicators event) {
        Uni<RowSet<Row>> deleted = connection.preparedQuery(DELETE_VALUES)
                .execute(Tuple.of(event.roundId(), event.authorityCode()));
        List<IndicatorValue> values = event.withdrawn() || event.indicators() == null ? List.of() : event.indicators();
        if (values.isEmpty()) {
            return deleted.replaceWith(event.withdrawn() ? ApplyOutcome.WITHDRAWN : ApplyOutcome.STORED);
        }
        List<Tuple> rows = values.stream().map(v -> Tuple.tuple()
                        .addString(event.roundId())
                        .addString(event.authorityCode())
                        .addString(v.indicatorId())
                        .addBigDecimal(v.value())
                        .addBigDecimal(v.numerator())
                        .addBigDecimal(v.denominator())
                        .addInteger(v.scale())
                        .addString(v.polarity())
                        .addString(v.unit())
                        .addString(v.missingReason()))
                .toList();
        return deleted.chain(() -> connection.preparedQuery(INSERT_VALUE).executeBatch(rows))
                .replaceWith(ApplyOutcome.STORED);
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
