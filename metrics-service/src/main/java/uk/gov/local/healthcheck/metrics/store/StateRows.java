package uk.gov.local.healthcheck.metrics.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import uk.gov.local.healthcheck.events.IndicatorValue;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Set-based statements on the state and indicator tables, shared by the return and response paths of a batch: one
 * statement for any number of (round, authority) keys, passed as parallel arrays and joined through {@code unnest}.
 */
final class StateRows {

    /** Joins a table aliased {@code t} with the keys passed as $1 (rounds) and $2 (authorities). */
    static final String KEYS = "unnest($1::varchar[], $2::varchar[]) as k(round_id, authority_code)";
    static final String KEY_MATCH = "t.round_id = k.round_id and t.authority_code = k.authority_code";

    private StateRows() {
    }

    static String[] rounds(Collection<StateKey> keys) {
        return keys.stream().map(k -> k.roundId).toArray(String[]::new);
    }

    static String[] authorities(Collection<StateKey> keys) {
        return keys.stream().map(k -> k.authorityCode).toArray(String[]::new);
    }

    static Tuple keys(Collection<StateKey> keys) {
        return Tuple.of(rounds(keys), authorities(keys));
    }

    /** Replaces the indicator rows of every key in {@code indicators} (an empty list deletes them: a withdrawal). */
    static Uni<Void> replaceIndicators(SqlConnection conn, Map<StateKey, List<IndicatorValue>> indicators) {
        if (indicators.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> rounds = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> numerators = new ArrayList<>();
        List<String> denominators = new ArrayList<>();
        List<Integer> scales = new ArrayList<>();
        List<String> missingInputs = new ArrayList<>();
        List<String> missingReasons = new ArrayList<>();
        indicators.forEach((key, results) -> results.forEach(r -> {
            rounds.add(key.roundId);
            codes.add(key.authorityCode);
            ids.add(r.indicatorId());
            positions.add(IndicatorDictionary.positionOf(r.indicatorId()));
            values.add(plain(r.value()));
            numerators.add(plain(r.numerator()));
            denominators.add(plain(r.denominator()));
            scales.add(r.scale());
            missingInputs.add(String.join(StoredIndicator.SEPARATOR, r.missingInputs()));
            missingReasons.add(r.missingReason());
        }));
        Uni<Void> delete = conn.preparedQuery("delete from authority_indicator t using " + KEYS + " where " + KEY_MATCH)
                .execute(keys(indicators.keySet())).replaceWithVoid();
        if (ids.isEmpty()) {
            return delete;
        }
        // Numbers travel as text: exact, and the same digits and scale as a numeric parameter would give. The
        // insert is sent right behind the delete (pipelined): the server runs them in that order.
        Uni<Void> insert = conn.preparedQuery("""
                        insert into authority_indicator (round_id, authority_code, indicator_id, position, value,
                            numerator, denominator, scale, missing_inputs, missing_reason)
                        select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::int[],
                            $5::text[]::numeric[], $6::text[]::numeric[], $7::text[]::numeric[], $8::int[],
                            $9::varchar[], $10::varchar[])""")
                .execute(Tuple.from(new Object[] {
                        rounds.toArray(String[]::new), codes.toArray(String[]::new), ids.toArray(String[]::new),
                        positions.toArray(Integer[]::new), values.toArray(String[]::new),
                        numerators.toArray(String[]::new), denominators.toArray(String[]::new),
                        scales.toArray(Integer[]::new), missingInputs.toArray(String[]::new),
                        missingReasons.toArray(String[]::new)}))
                .replaceWithVoid();
        return Uni.combine().all().unis(delete, insert).discardItems();
    }

    /** The current state of each key that has one, with its indicators in dictionary order. */
    static Uni<List<AuthorityState>> read(SqlConnection conn, Collection<StateKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.combine().all().unis(
                        conn.preparedQuery("select t.* from authority_round_state t join " + KEYS + " on " + KEY_MATCH)
                                .execute(keys(keys)),
                        conn.preparedQuery("select t.* from authority_indicator t join " + KEYS + " on " + KEY_MATCH
                                        + " order by t.position")
                                .execute(keys(keys)))
                .with((states, indicatorRows) -> {
                            Map<StateKey, List<IndicatorValue>> indicators = new HashMap<>();
                            for (Row r : indicatorRows) {
                                indicators.computeIfAbsent(keyOf(r), k -> new ArrayList<>()).add(indicator(r));
                            }
                            List<AuthorityState> result = new ArrayList<>();
                            for (Row s : states) {
                                result.add(state(s, indicators.getOrDefault(keyOf(s), List.of())));
                            }
                            return result;
                        });
    }

    /** The (round, authority) of a row that has both columns. */
    static StateKey keyOf(Row r) {
        return new StateKey(r.getString("round_id"), r.getString("authority_code"));
    }

    /** Each row's {@code revision} column by its (round, authority), in the rows' order. */
    static Map<StateKey, Integer> revisions(RowSet<Row> rows) {
        Map<StateKey, Integer> revisions = new LinkedHashMap<>();
        for (Row r : rows) {
            revisions.put(keyOf(r), r.getInteger("revision"));
        }
        return revisions;
    }

    private static AuthorityState state(Row s, List<IndicatorValue> indicators) {
        return new AuthorityState(s.getString("round_id"), s.getString("authority_code"), s.getString("instrument"),
                s.getInteger("instrument_version"), s.getString("period"), s.getInteger("revision"),
                s.getBoolean("withdrawn"), s.getOffsetDateTime("computed_at").toInstant(), indicators,
                s.getBoolean("consent_named"), JsonColumns.answers(s.getString("answers")),
                JsonColumns.words(s.getString("words")));
    }

    private static IndicatorValue indicator(Row r) {
        String missing = r.getString("missing_inputs");
        return new IndicatorValue(r.getString("indicator_id"), r.getBigDecimal("value"), r.getBigDecimal("numerator"),
                r.getBigDecimal("denominator"), r.getInteger("scale"),
                missing == null || missing.isEmpty() ? List.of() : Arrays.asList(missing.split(StoredIndicator.SEPARATOR)),
                r.getString("missing_reason"));
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }
}
