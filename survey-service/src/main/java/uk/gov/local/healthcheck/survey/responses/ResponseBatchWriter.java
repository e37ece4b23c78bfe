package uk.gov.local.healthcheck.survey.responses;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.events.ResponseAccepted;
import uk.gov.local.healthcheck.events.Topics;
import uk.gov.local.healthcheck.survey.admission.Admission;
import uk.gov.local.healthcheck.survey.outbox.OutboxEvent;
import uk.gov.local.healthcheck.survey.outbox.OutboxWriter;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.survey.rounds.Round;
import uk.gov.local.healthcheck.survey.rounds.RoundCalendar;
import uk.gov.local.healthcheck.survey.storage.AnswersJson;
import uk.gov.local.healthcheck.survey.storage.Columns;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores checked responses with one statement: the new practitioner_response rows and their outbox_event rows are
 * inserted together, and only if the round is still open and today (London time) is within its dates (it is locked
 * against closing meanwhile). One statement is atomic on its own, so a failure stores nothing, and a group of
 * responses costs one round trip to the database
 * instead of six (begin, round check, ids, two inserts, commit). Persisting two Hibernate entities per response had
 * been the largest single cost of intake; see README, Performance.
 *
 * <p>Whether a responseId is new is decided by the insert itself: one already stored, before or by a concurrent
 * request, is not inserted again ({@code on conflict do nothing}) and gets no event; only those are looked up
 * afterwards, and answered as a duplicate or a conflict. Ids come from {@link IdBlocks}, rising in line order.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class ResponseBatchWriter {

    private static final String SUBJECT = "rounds/%s/responses/%s";

    private static final String STORE = """
            with open_round as (
                select id from round where id = $1 and status = 'open' and $16::date between opens_on and closes_on for share
            ), stored as (
                insert into practitioner_response (id, round_id, response_id, authority_code, answers, content_hash, received_at)
                select t.id, $1, t.response_id, t.authority_code, t.answers, t.content_hash, $2
                from unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[])
                     as t(id, response_id, authority_code, answers, content_hash)
                where exists (select 1 from open_round)
                on conflict (round_id, response_id) do nothing
                returning response_id
            ), announced as (
                insert into outbox_event (id, event_id, topic, message_key, subject, event_type, payload, created_at, traceparent)
                select e.id, e.event_id, $8, e.message_key, e.subject, $9, e.payload, $2, e.traceparent
                from unnest($10::bigint[], $11::uuid[], $12::text[], $13::text[], $14::text[], $4::text[], $15::text[])
                     as e(id, event_id, message_key, subject, payload, response_id, traceparent)
                where e.response_id in (select response_id from stored)
            )
            select exists (select 1 from open_round), array(select response_id::text from stored)""";
    private static final String ROUND_OPEN = """
            select exists (select 1 from round where id = $1 and status = 'open' and $2::date between opens_on and closes_on)""";
    private static final String ROUND_STATE = "select status, opens_on, closes_on from round where id = $1";
    /*
     * Written so that every id probes the (round_id, response_id) key. The plain form "round_id = $1 and response_id
     * = any($2)" was planned, while a new round's rows were not yet in the statistics, as a scan of the whole round
     * through the (round_id, authority_code) index: 48 ms per call at 13,500 responses, the largest cost of intake.
     */
    private static final String STORED = """
            select response_id, content_hash from practitioner_response
            where (round_id, response_id) in (select $1::text, unnest($2::text[]))""";

    private final Pool pool;
    private final OutboxWriter outbox;
    private final Admission admission;
    private final IdBlocks idBlocks;
    private final RoundCalendar calendar;

    /** A line that passed every check, with its normalised answers and content hash. */
    record Accepted(ResponseSubmission submission, Map<String, Object> answers, String hash, String traceparent) {
    }

    /**
     * Stores the new ones among {@code candidates} (line number → checked line, in line order) and puts each line's
     * outcome into {@code results}: accepted, duplicate (stored before, or earlier in the batch, with the same
     * answers) or rejected (stored with other answers). The round must still be open, and today within its dates,
     * when they are stored; otherwise nothing is stored and the round's 409 is raised.
     */
    Uni<Void> store(Round round, Map<Integer, Accepted> candidates, Map<Integer, LineResult> results, OffsetDateTime now) {
        return store(pool, round, candidates, results, now).invoke(outbox::committed);
    }

    /**
     * As {@link #store(Round, Map, Map, OffsetDateTime)}, through {@code client}: a connection whose transaction the
     * caller commits (and then tells the outbox it has committed), so that what it writes besides commits or fails with the responses.
     */
    Uni<Void> store(SqlClient client, Round round, Map<Integer, Accepted> candidates, Map<Integer, LineResult> results,
                    OffsetDateTime now) {
        LocalDate today = calendar.today();
        Map<String, String> hashById = new HashMap<>();
        List<Accepted> fresh = new ArrayList<>();
        for (var entry : candidates.entrySet()) {
            Accepted a = entry.getValue();
            String id = a.submission().responseId();
            boolean isNew = !hashById.containsKey(id);
            if (isNew) {
                hashById.put(id, a.hash());     // a later line with the same id is then a repeat of this one
                fresh.add(a);
            }
            results.put(entry.getKey(), outcome(entry.getKey(), a, hashById.get(id), isNew));
        }
        if (fresh.isEmpty()) {
            return client.preparedQuery(ROUND_OPEN).execute(Tuple.of(round.id, today))
                    .flatMap(rows -> requireOpen(client, round, rows.iterator().next().getBoolean(0)));
        }
        return idBlocks.take(fresh.size(), client)
                .flatMap(ids -> client.preparedQuery(STORE).execute(parameters(round, fresh, ids, now, today)))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    return requireOpen(client, round, row.getBoolean(0)).replaceWith(row);
                })
                .flatMap(row -> {
                    Set<String> stored = new HashSet<>(Arrays.asList(row.getArrayOfStrings(1)));
                    String[] lost = fresh.stream().map(a -> a.submission().responseId()).filter(id -> !stored.contains(id))
                            .toArray(String[]::new);
                    return lost.length == 0 ? Uni.createFrom().voidItem() : stored(client, round.id, lost).map(winners -> {
                        if (winners.size() != lost.length) {   // rows are never deleted, so cannot happen
                            throw new IllegalStateException("Responses neither inserted nor found; batch not stored");
                        }
                        reclassify(candidates, results, winners);
                        return null;
                    });
                });
    }

    /**
     * Closed or past its dates since the responses were checked (or changed elsewhere): nothing was stored. The round
     * is read again so that the 409 says why (closed, not yet open, or closed at the end of which date).
     */
    private Uni<Void> requireOpen(SqlClient client, Round round, boolean open) {
        if (open) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(ROUND_STATE).execute(Tuple.of(round.id)).map(rows -> {
            Row row = rows.iterator().next();
            round.status = row.getString(0);
            round.opensOn = row.getLocalDate(1);
            round.closesOn = row.getLocalDate(2);
            admission.requireOpen(round);
            // Reopened or extended between the statement and this read: still nothing was stored.
            throw ProblemException.conflict(ProblemTypes.ROUND_CLOSED, "Round closed", "Round " + round.id
                    + " was closed while this was being stored; nothing was stored, send it again");
        });
    }

    /** The columns of the new rows, one array per column, in line order. */
    private Tuple parameters(Round round, List<Accepted> fresh, IdBlocks.Ids ids, OffsetDateTime now, LocalDate today) {
        int n = fresh.size();
        List<OutboxEvent> events = fresh.stream().map(a -> event(round, a, now)).toList();
        return Tuple.from(List.<Object>of(round.id, now, Columns.of(ids.responses(), n),
                Columns.of(fresh, String.class, a -> a.submission().responseId()),
                Columns.of(fresh, String.class, a -> a.submission().authorityCode()),
                Columns.of(fresh, String.class, a -> AnswersJson.write(a.answers())),
                Columns.of(fresh, String.class, Accepted::hash),
                Topics.SUBMISSIONS, ResponseAccepted.TYPE, Columns.of(ids.events(), n),
                Columns.of(events, UUID.class, e -> e.eventId),
                Columns.of(events, String.class, e -> e.messageKey),
                Columns.of(events, String.class, e -> e.subject),
                Columns.of(events, String.class, e -> e.payload),
                // the request's, not the group's: each single response has its own
                Columns.of(fresh, String.class, Accepted::traceparent),
                today));
    }

    private OutboxEvent event(Round round, Accepted a, OffsetDateTime now) {
        String code = a.submission().authorityCode();
        String responseId = a.submission().responseId();
        return outbox.event(Topics.SUBMISSIONS, code, ResponseAccepted.TYPE, SUBJECT.formatted(round.id, responseId), now,
                new ResponseAccepted(round.id, round.instrument, round.instrumentVersion, round.period, code, responseId,
                        now, a.answers()));
    }

    /** Lines whose responseId another request stored first: a duplicate of what it stored, or a conflict. */
    private static void reclassify(Map<Integer, Accepted> candidates, Map<Integer, LineResult> results, Map<String, String> winners) {
        for (var entry : candidates.entrySet()) {
            String winner = winners.get(entry.getValue().submission().responseId());
            if (winner != null) {
                results.put(entry.getKey(), outcome(entry.getKey(), entry.getValue(), winner, false));
            }
        }
    }

    private static LineResult outcome(int line, Accepted a, String storedHash, boolean isNew) {
        String id = a.submission().responseId();
        if (isNew) {
            return new LineResult(line, id, LineResult.ACCEPTED, List.of());
        }
        if (storedHash.equals(a.hash())) {
            return new LineResult(line, id, LineResult.DUPLICATE, List.of());
        }
        return LineResult.rejected(line, id, List.of(new Violation("responseId", "conflict",
                "response " + id + " was already received with different answers; send a new responseId")));
    }

    /** responseId → content hash of those among {@code ids} already stored in the round. */
    private static Uni<Map<String, String>> stored(SqlClient client, String roundId, String[] ids) {
        return client.preparedQuery(STORED).execute(Tuple.of(roundId, ids)).map(rows -> {
            Map<String, String> found = new LinkedHashMap<>();
            for (Row row : rows) {
                found.put(row.getString(0), row.getString(1));
            }
            return found;
        });
    }
}
