package uk.gov.local.healthcheck.benchmark.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.benchmark.model.AuthorityEntry;
import uk.gov.local.healthcheck.benchmark.model.RoundData;
import uk.gov.local.healthcheck.benchmark.model.RoundInfo;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads rounds: the catalog of rounds with their versions, and a consistent snapshot of one round. */
@ApplicationScoped
@RequiredArgsConstructor
public class RoundStore {

    private static final String SELECT_CATALOG =
            "select round_id, instrument, instrument_version, period, version from round_catalog";
    private static final String SELECT_ROUND =
            "select round_id, instrument, instrument_version, period, version from round_catalog where round_id = $1";
    private static final String SELECT_AUTHORITIES = """
            select authority_code, consent_named, answers::text as answers
            from authority_round where round_id = $1 and not withdrawn""";
    private static final String SELECT_VALUES = """
            select authority_code, indicator_id, value, numerator, denominator, scale, polarity, unit, missing_reason
            from indicator_value where round_id = $1""";

    private final Pool pool;

    /** Every round, by id (a handful of rows). */
    public Uni<Map<String, RoundInfo>> catalog() {
        return pool.query(SELECT_CATALOG).execute().map(rows -> {
            Map<String, RoundInfo> rounds = new HashMap<>();
            for (Row row : rows) {
                RoundInfo info = info(row);
                rounds.put(info.roundId(), info);
            }
            return rounds;
        });
    }

    /**
     * One round as of one committed state: the three reads run in a REPEATABLE READ transaction, so the version
     * stamped on the snapshot is the version its rows belong to. Null when the round is unknown.
     */
    public Uni<RoundData> load(String roundId) {
        return pool.withTransaction(c -> c.query("set transaction isolation level repeatable read").execute()
                .chain(() -> c.preparedQuery(SELECT_ROUND).execute(Tuple.of(roundId)))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().nullItem() : loadRows(c, info(rows.iterator().next()))));
    }

    private Uni<RoundData> loadRows(SqlConnection c, RoundInfo info) {
        return c.preparedQuery(SELECT_AUTHORITIES).execute(Tuple.of(info.roundId())).chain(headers -> {
            Map<String, Boolean> consent = new HashMap<>();
            Map<String, Map<String, Object>> answers = new HashMap<>();
            Map<String, Map<String, IndicatorValue>> indicators = new LinkedHashMap<>();
            for (Row row : headers) {
                String code = row.getString("authority_code");
                consent.put(code, row.getBoolean("consent_named"));
                answers.put(code, Json.readMap(row.getString("answers")));
                indicators.put(code, new HashMap<>());
            }
            return c.preparedQuery(SELECT_VALUES).execute(Tuple.of(info.roundId())).map(values -> {
                for (Row row : values) {
                    Map<String, IndicatorValue> own = indicators.get(row.getString("authority_code"));
                    if (own != null) {
                        String id = row.getString("indicator_id");
                        own.put(id, new IndicatorValue(id, row.getBigDecimal("value"), row.getBigDecimal("numerator"),
                                row.getBigDecimal("denominator"), row.getInteger("scale"), null,
                                row.getString("missing_reason"), row.getString("polarity"), row.getString("unit")));
                    }
                }
                Map<String, AuthorityEntry> entries = new LinkedHashMap<>();
                indicators.forEach((code, own) -> entries.put(code,
                        new AuthorityEntry(code, consent.get(code), answers.get(code), own)));
                return new RoundData(info, entries);
            });
        });
    }

    private static RoundInfo info(Row row) {
        return new RoundInfo(row.getString("round_id"), row.getString("instrument"), row.getInteger("instrument_version"),
                row.getString("period"), row.getLong("version"));
    }
}
