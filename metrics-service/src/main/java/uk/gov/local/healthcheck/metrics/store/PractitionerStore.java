package uk.gov.local.healthcheck.metrics.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorResult;
import uk.gov.local.healthcheck.metrics.indicators.PractitionerScores;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Practitioner-survey tallies per (round, authority). {@link #apply} counts one response in one transaction: the
 * processed-response record (a response delivered twice counts once), the state row (its revision = responses
 * counted), the option and word tallies, and the recomputed indicators. Plain SQL: upserts that add one to a count
 * are what this needs, and they serialise concurrent responses of one authority on the state row.
 */
@ApplicationScoped
public class PractitionerStore {

    private static final String SEPARATOR = ",";

    @Inject
    Pool pool;

    @Inject
    PractitionerScores scores;

    Clock clock = Clock.systemUTC();

    public Uni<ApplyResult> apply(ResponseChange change) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        insert into processed_response (round_id, response_id, authority_code, event_id, processed_at)
                        values ($1, $2, $3, $4, $5) on conflict do nothing""")
                .execute(Tuple.of(change.roundId(), change.responseId(), change.authorityCode(), change.eventId(), at))
                .flatMap(inserted -> inserted.rowCount() == 0
                        ? Uni.createFrom().item(new ApplyResult(ApplyResult.Kind.DUPLICATE, Optional.empty()))
                        : count(conn, change, now)
                        .map(state -> new ApplyResult(ApplyResult.Kind.APPLIED, Optional.of(state)))));
    }

    private Uni<AuthorityState> count(SqlConnection conn, ResponseChange change, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        String round = change.roundId();
        String code = change.authorityCode();
        return conn.preparedQuery("""
                        insert into authority_round_state (round_id, authority_code, instrument, instrument_version, period,
                            revision, withdrawn, computed_at, source_event_id)
                        values ($1, $2, $3, $4, $5, 1, false, $6, $7)
                        on conflict (round_id, authority_code) do update set revision = authority_round_state.revision + 1,
                            computed_at = excluded.computed_at, source_event_id = excluded.source_event_id
                        returning revision, instrument, instrument_version, period""")
                .execute(Tuple.from(List.of(round, code, change.instrument(), change.instrumentVersion(), change.period(),
                        at, change.eventId())))
                .flatMap(stateRows -> {
                    Row state = stateRows.iterator().next();
                    int respondents = state.getInteger("revision");
                    return tally(conn, change)
                            .flatMap(v -> tallies(conn, round, code))
                            .flatMap(tallies -> words(conn, round, code).flatMap(words -> {
                                List<IndicatorResult> indicators = scores.compute(tallies, respondents);
                                String wordsJson = JsonColumns.write(words);
                                return conn.preparedQuery("update authority_round_state set words = $3 "
                                                + "where round_id = $1 and authority_code = $2")
                                        .execute(Tuple.of(round, code, wordsJson))
                                        .flatMap(x -> replaceIndicators(conn, round, code, indicators))
                                        .map(x -> new AuthorityState(round, code, state.getString("instrument"),
                                                state.getInteger("instrument_version"), state.getString("period"),
                                                respondents, false, now, indicators, null, null,
                                                JsonColumns.words(wordsJson)));
                            }));
                });
    }

    private static Uni<Void> tally(SqlConnection conn, ResponseChange change) {
        List<Tuple> options = new ArrayList<>();
        change.choices().forEach((question, option) -> options.add(
                Tuple.of(change.roundId(), change.authorityCode(), question, option)));
        List<Tuple> words = change.words().stream()
                .map(w -> Tuple.of(change.roundId(), change.authorityCode(), w))
                .toList();
        Uni<Void> countOptions = options.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery("""
                        insert into practitioner_tally (round_id, authority_code, question_id, option_id, responses)
                        values ($1, $2, $3, $4, 1)
                        on conflict (round_id, authority_code, question_id, option_id)
                        do update set responses = practitioner_tally.responses + 1""")
                .executeBatch(options).replaceWithVoid();
        return countOptions.flatMap(v -> words.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery("""
                        insert into practitioner_word (round_id, authority_code, word, responses) values ($1, $2, $3, 1)
                        on conflict (round_id, authority_code, word)
                        do update set responses = practitioner_word.responses + 1""")
                .executeBatch(words).replaceWithVoid());
    }

    private static Uni<Map<String, Map<String, Long>>> tallies(SqlConnection conn, String round, String code) {
        return conn.preparedQuery("select question_id, option_id, responses from practitioner_tally "
                        + "where round_id = $1 and authority_code = $2")
                .execute(Tuple.of(round, code))
                .map(rows -> {
                    Map<String, Map<String, Long>> tallies = new HashMap<>();
                    for (Row r : rows) {
                        tallies.computeIfAbsent(r.getString("question_id"), q -> new HashMap<>())
                                .put(r.getString("option_id"), r.getLong("responses"));
                    }
                    return tallies;
                });
    }

    /** Word counts, most frequent first, then alphabetically. */
    private static Uni<Map<String, Integer>> words(SqlConnection conn, String round, String code) {
        return conn.preparedQuery("select word, responses from practitioner_word "
                        + "where round_id = $1 and authority_code = $2")
                .execute(Tuple.of(round, code))
                .map(rows -> {
                    List<Map.Entry<String, Integer>> entries = new ArrayList<>();
                    for (Row r : rows) {
                        entries.add(Map.entry(r.getString("word"), r.getLong("responses").intValue()));
                    }
                    entries.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                            .thenComparing(Map.Entry::getKey));
                    Map<String, Integer> words = new LinkedHashMap<>();
                    entries.forEach(e -> words.put(e.getKey(), e.getValue()));
                    return words;
                });
    }

    private static Uni<Void> replaceIndicators(SqlConnection conn, String round, String code,
                                               List<IndicatorResult> indicators) {
        List<Tuple> rows = indicators.stream().map(r -> Tuple.from(java.util.Arrays.asList(round, code,
                r.indicatorId(), IndicatorDictionary.positionOf(r.indicatorId()), r.value(), r.numerator(),
                r.denominator(), r.scale(), String.join(SEPARATOR, r.missingInputs()), r.missingReason()))).toList();
        return conn.preparedQuery("delete from authority_indicator where round_id = $1 and authority_code = $2")
                .execute(Tuple.of(round, code))
                .flatMap(v -> conn.preparedQuery("""
                                insert into authority_indicator (round_id, authority_code, indicator_id, position, value,
                                    numerator, denominator, scale, missing_inputs, missing_reason)
                                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                        .executeBatch(rows))
                .replaceWithVoid();
    }
}
