package uk.gov.local.healthcheck.metrics.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import uk.gov.local.healthcheck.events.IndicatorValue;
import uk.gov.local.healthcheck.metrics.indicators.PractitionerScores;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The practitioner responses of one batch, inside the batch's transaction. A response counts once per
 * (round, responseId), whatever its event id and however often it is delivered: {@code processed_response} is
 * inserted with {@code on conflict do nothing returning}, which tells which responses are new. Their choices and
 * words are added to the tallies as one increment per (round, authority, statement, option) and per word, the state
 * row's revision (the responses counted) goes up by the number of new responses, and each authority's indicators
 * and word counts are recomputed once from the tallies.
 */
final class ResponseWriter {

    /**
     * What the responses of a batch changed: how many were counted, the keys they changed, the keys of responses
     * counted before (to re-publish) and the recomputed indicators.
     */
    record Result(int responses, Set<StateKey> counted, Set<StateKey> duplicates,
                  Map<StateKey, List<IndicatorValue>> indicators) {

        static final Result NONE = new Result(0, Set.of(), Set.of(), Map.of());
    }

    /** One tally row: a (round, authority) and the statement and option, or the word. */
    private record Tally(StateKey key, String first, String second) {
    }

    private ResponseWriter() {
    }

    static Uni<Result> apply(SqlConnection conn, List<ResponseChange> changes, OffsetDateTime now,
                             PractitionerScores scores) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(Result.NONE);
        }
        // The first delivery of a response in the batch is the one that counts (and whose event id is kept).
        Map<List<String>, ResponseChange> candidates = new LinkedHashMap<>();
        changes.forEach(c -> candidates.putIfAbsent(List.of(c.roundId(), c.responseId()), c));
        List<ResponseChange> unique = List.copyOf(candidates.values());
        return conn.preparedQuery("""
                        insert into processed_response (round_id, response_id, authority_code, event_id, processed_at)
                        select u.*, $5::timestamptz from unnest($1::varchar[], $2::varchar[], $3::varchar[],
                            $4::varchar[]) as u
                        on conflict do nothing returning round_id, response_id""")
                .execute(Tuple.from(new Object[] {
                        unique.stream().map(ResponseChange::roundId).toArray(String[]::new),
                        unique.stream().map(ResponseChange::responseId).toArray(String[]::new),
                        unique.stream().map(ResponseChange::authorityCode).toArray(String[]::new),
                        unique.stream().map(ResponseChange::eventId).toArray(String[]::new),
                        now}))
                .flatMap(inserted -> {
                    Set<List<String>> fresh = new HashSet<>();
                    inserted.forEach(r -> fresh.add(List.of(r.getString("round_id"), r.getString("response_id"))));
                    List<ResponseChange> counted = unique.stream()
                            .filter(c -> fresh.contains(List.of(c.roundId(), c.responseId())))
                            .toList();
                    Set<StateKey> duplicates = new LinkedHashSet<>();
                    Set<StateKey> countedKeys = new LinkedHashSet<>();
                    counted.forEach(c -> countedKeys.add(ReturnPlan.key(c)));
                    changes.stream().map(ReturnPlan::key).filter(k -> !countedKeys.contains(k)).forEach(duplicates::add);
                    if (counted.isEmpty()) {
                        return Uni.createFrom().item(new Result(0, Set.of(), duplicates, Map.of()));
                    }
                    return count(conn, counted, now, scores)
                            .map(indicators -> new Result(counted.size(), countedKeys, duplicates, indicators));
                });
    }

    /**
     * Adds the new responses to the state rows and tallies, reads the tallies back and recomputes each key's
     * indicators and word counts; returns the indicators to store. The upserts and the reads are sent at once
     * (pipelined): the server runs them in order, so the reads see the increments.
     */
    private static Uni<Map<StateKey, List<IndicatorValue>>> count(SqlConnection conn, List<ResponseChange> counted,
                                                                   OffsetDateTime now, PractitionerScores scores) {
        Map<StateKey, ResponseChange> first = new LinkedHashMap<>();
        Map<StateKey, ResponseChange> last = new HashMap<>();
        Map<StateKey, Integer> added = new HashMap<>();
        Map<Tally, Long> options = new LinkedHashMap<>();
        Map<Tally, Long> words = new LinkedHashMap<>();
        for (ResponseChange c : counted) {
            StateKey key = ReturnPlan.key(c);
            first.putIfAbsent(key, c);
            last.put(key, c);
            added.merge(key, 1, Integer::sum);
            c.choices().forEach((question, option) -> options.merge(new Tally(key, question, option), 1L, Long::sum));
            c.words().forEach(w -> words.merge(new Tally(key, w, null), 1L, Long::sum));
        }
        List<StateKey> keys = List.copyOf(first.keySet());
        // A new state takes the instrument, version and period of its first response (as when counting one by one);
        // source_event_id is the last response counted.
        Uni<Map<StateKey, Integer>> countedSoFar = conn.preparedQuery("""
                        insert into authority_round_state as t (round_id, authority_code, instrument,
                            instrument_version, period, revision, withdrawn, computed_at, source_event_id)
                        select u.round_id, u.authority_code, u.instrument, u.instrument_version, u.period, u.added,
                            false, $8::timestamptz, u.source_event_id
                        from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::int[], $5::varchar[], $6::int[],
                            $7::varchar[])
                            as u(round_id, authority_code, instrument, instrument_version, period, added, source_event_id)
                        order by u.round_id, u.authority_code
                        on conflict (round_id, authority_code) do update set revision = t.revision + excluded.revision,
                            computed_at = excluded.computed_at, source_event_id = excluded.source_event_id
                        returning round_id, authority_code, revision""")
                .execute(Tuple.from(new Object[] {
                        StateRows.rounds(keys), StateRows.authorities(keys),
                        keys.stream().map(k -> first.get(k).instrument()).toArray(String[]::new),
                        keys.stream().map(k -> first.get(k).instrumentVersion()).toArray(Integer[]::new),
                        keys.stream().map(k -> first.get(k).period()).toArray(String[]::new),
                        keys.stream().map(added::get).toArray(Integer[]::new),
                        keys.stream().map(k -> last.get(k).eventId()).toArray(String[]::new),
                        now}))
                .map(StateRows::revisions);
        return Uni.combine().all().unis(countedSoFar,
                        addTallies(conn, "practitioner_tally", "question_id, option_id", options),
                        addTallies(conn, "practitioner_word", "word", words),
                        conn.preparedQuery("select t.round_id, t.authority_code, t.question_id, t.option_id, "
                                        + "t.responses from practitioner_tally t join " + StateRows.KEYS + " on "
                                        + StateRows.KEY_MATCH)
                                .execute(StateRows.keys(keys)),
                        conn.preparedQuery("select t.round_id, t.authority_code, t.word, t.responses "
                                        + "from practitioner_word t join " + StateRows.KEYS + " on " + StateRows.KEY_MATCH)
                                .execute(StateRows.keys(keys)))
                .with((n, o, w, tallyRows, wordRows) -> recompute(conn, n, tallyRows, wordRows, scores))
                .flatMap(x -> x);
    }

    /** One upsert for all the increments of a batch; each (key, tally) appears once, so no row is hit twice. */
    private static Uni<Void> addTallies(SqlConnection conn, String table, String columns, Map<Tally, Long> tallies) {
        if (tallies.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        boolean options = columns.contains(",");
        List<Tally> rows = List.copyOf(tallies.keySet());
        List<Object> arrays = new ArrayList<>(List.of(
                rows.stream().map(t -> t.key().roundId).toArray(String[]::new),
                rows.stream().map(t -> t.key().authorityCode).toArray(String[]::new),
                rows.stream().map(Tally::first).toArray(String[]::new)));
        if (options) {
            arrays.add(rows.stream().map(Tally::second).toArray(String[]::new));
        }
        arrays.add(rows.stream().map(tallies::get).toArray(Long[]::new));
        String params = options
                ? "$1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::bigint[]"
                : "$1::varchar[], $2::varchar[], $3::varchar[], $4::bigint[]";
        return conn.preparedQuery("insert into " + table + " as t (round_id, authority_code, " + columns
                        + ", responses) select * from unnest(" + params + ") order by 1, 2"
                        + " on conflict (round_id, authority_code, " + columns + ")"
                        + " do update set responses = t.responses + excluded.responses")
                .execute(Tuple.from(arrays))
                .replaceWithVoid();
    }

    /** Recomputes each key's indicators and word counts from its tallies; stores the words, returns the indicators. */
    private static Uni<Map<StateKey, List<IndicatorValue>>> recompute(SqlConnection conn,
                                                                       Map<StateKey, Integer> respondents,
                                                                       RowSet<Row> tallyRows, RowSet<Row> wordRows,
                                                                       PractitionerScores scores) {
        Map<StateKey, Map<String, Map<String, Long>>> tallies = new HashMap<>();
        for (Row r : tallyRows) {
            tallies.computeIfAbsent(StateRows.keyOf(r), k -> new HashMap<>())
                    .computeIfAbsent(r.getString("question_id"), q -> new HashMap<>())
                    .put(r.getString("option_id"), r.getLong("responses"));
        }
        Map<StateKey, List<Map.Entry<String, Integer>>> words = new HashMap<>();
        for (Row r : wordRows) {
            words.computeIfAbsent(StateRows.keyOf(r), k -> new ArrayList<>())
                    .add(Map.entry(r.getString("word"), r.getLong("responses").intValue()));
        }
        Map<StateKey, List<IndicatorValue>> indicators = new LinkedHashMap<>();
        respondents.forEach((key, n) -> indicators.put(key, scores.compute(tallies.getOrDefault(key, Map.of()), n)));
        List<StateKey> keys = List.copyOf(respondents.keySet());
        return conn.preparedQuery("update authority_round_state t set words = u.words from "
                        + "unnest($1::varchar[], $2::varchar[], $3::text[]) as u(round_id, authority_code, words) "
                        + "where t.round_id = u.round_id and t.authority_code = u.authority_code")
                .execute(Tuple.of(StateRows.rounds(keys), StateRows.authorities(keys), keys.stream()
                        .map(k -> JsonColumns.write(wordCounts(words.getOrDefault(k, List.of()))))
                        .toArray(String[]::new)))
                .replaceWith(indicators);
    }

    /** Word counts, most frequent first, then alphabetically. */
    private static Map<String, Integer> wordCounts(List<Map.Entry<String, Integer>> entries) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        Map<String, Integer> words = new LinkedHashMap<>();
        sorted.forEach(e -> words.put(e.getKey(), e.getValue()));
        return words;
    }
}
