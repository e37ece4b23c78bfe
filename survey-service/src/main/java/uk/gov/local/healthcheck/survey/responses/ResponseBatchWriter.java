package uk.gov.local.healthcheck.survey.responses;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.local.healthcheck.events.ResponseAccepted;
import uk.gov.local.healthcheck.events.Topics;
import uk.gov.local.healthcheck.survey.admission.Admission;
import uk.gov.local.healthcheck.survey.outbox.OutboxEvent;
import uk.gov.local.healthcheck.survey.outbox.OutboxWriter;
import uk.gov.local.healthcheck.survey.rounds.Round;
import uk.gov.local.healthcheck.survey.storage.AnswersJson;
import uk.gov.local.healthcheck.survey.validation.Violation;

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
 * Stores a batch's checked lines with set-based SQL: one statement for every new practitioner_response row and one
 * for their outbox_event rows, in one transaction on the reactive pool, so a failure stores nothing. (Persisting
 * two Hibernate entities per line was the largest single cost of a batch in the service; see README, Performance.)
 *
 * <p>Ids come from the same sequences Hibernate uses, and are taken the way Hibernate Reactive takes them: each
 * {@code nextval} reserves the block {@code [v, v + 49]} (the sequences step by 50, the entities' allocationSize),
 * so ids written here never collide with ids Hibernate hands out for single responses and returns. Within a batch
 * the ids follow line order, so the relay publishes the batch's events in line order.
 *
 * <p>Whether a responseId is new is decided by the insert itself: one already stored, before or by a concurrent
 * request, is not inserted again ({@code on conflict do nothing}) and gets no event; only those are looked up, and
 * answered as a duplicate or a conflict.
 */
@ApplicationScoped
public class ResponseBatchWriter {

    /** Must equal the sequences' INCREMENT and the entities' allocationSize (V1 migration, PractitionerResponse, OutboxEvent). */
    static final int ID_BLOCK = 50;
    private static final String SUBJECT = "rounds/%s/responses/%s";

    private static final String ROUND_STATUS = "select status from round where id = $1 for share";
    /*
     * Written so that every id probes the (round_id, response_id) key. The plain form "round_id = $1 and response_id
     * = any($2)" was planned, while a new round's rows were not yet in the statistics, as a scan of the whole round
     * through the (round_id, authority_code) index: 48 ms per call at 13,500 responses, the largest cost of intake.
     */
    private static final String STORED = """
            select response_id, content_hash from practitioner_response
            where (round_id, response_id) in (select $1::text, unnest($2::text[]))""";
    private static final String ID_BLOCKS = """
            select nextval('practitioner_response_seq'), nextval('outbox_event_seq') from generate_series(1, $1)""";
    private static final String INSERT_RESPONSES = """
            insert into practitioner_response (id, round_id, response_id, authority_code, answers, content_hash, received_at)
            select t.id, $1, t.response_id, t.authority_code, t.answers, t.content_hash, $2
            from unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[])
                 as t(id, response_id, authority_code, answers, content_hash)
            on conflict (round_id, response_id) do nothing
            returning response_id""";
    private static final String INSERT_EVENTS = """
            insert into outbox_event (id, event_id, topic, message_key, subject, event_type, payload, created_at)
            select t.id, t.event_id, $1, t.message_key, t.subject, $2, t.payload, $3
            from unnest($4::bigint[], $5::uuid[], $6::text[], $7::text[], $8::text[])
                 as t(id, event_id, message_key, subject, payload)""";

    private final Pool pool;
    private final OutboxWriter outbox;
    private final Admission admission;

    public ResponseBatchWriter(Pool pool, OutboxWriter outbox, Admission admission) {
        this.pool = pool;
        this.outbox = outbox;
        this.admission = admission;
    }

    /** A line that passed every check, with its normalised answers and content hash. */
    record Accepted(ResponseSubmission submission, Map<String, Object> answers, String hash) {
    }

    /**
     * Stores the new ones among {@code candidates} (line number → checked line, in line order) and puts each line's
     * outcome into {@code results}: accepted, duplicate (stored before, or earlier in the batch, with the same
     * answers) or rejected (stored with other answers). The round must still be open when the batch commits.
     */
    Uni<Void> store(Round round, Map<Integer, Accepted> candidates, Map<Integer, LineResult> results, OffsetDateTime now) {
        return pool.withTransaction(connection -> connection.preparedQuery(ROUND_STATUS).execute(Tuple.of(round.id))
                .flatMap(status -> {
                    round.status = status.iterator().hasNext() ? status.iterator().next().getString(0) : Round.CLOSED;
                    admission.requireOpen(round);   // closed since the batch was checked: nothing stored
                    if (candidates.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return insert(connection, round, candidates, results, now);
                }));
    }

    /**
     * Inserts the first line of each responseId; the database's unique key decides which are new, so no look-up
     * precedes the insert. Ids that were stored before (or meanwhile) are looked up afterwards, which only repeats
     * and conflicts pay for.
     */
    private Uni<Void> insert(SqlConnection connection, Round round, Map<Integer, Accepted> candidates,
                             Map<Integer, LineResult> results, OffsetDateTime now) {
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
        int n = fresh.size();
        return connection.preparedQuery(ID_BLOCKS).execute(Tuple.of((n + ID_BLOCK - 1) / ID_BLOCK)).flatMap(blocks -> {
            long[] responseIds = ids(blocks, 0, n);
            long[] eventIds = ids(blocks, 1, n);
            Long[] rowIds = new Long[n];
            String[] responseId = new String[n];
            String[] authority = new String[n];
            String[] answers = new String[n];
            String[] hash = new String[n];
            for (int i = 0; i < n; i++) {
                Accepted a = fresh.get(i);
                rowIds[i] = responseIds[i];
                responseId[i] = a.submission().responseId();
                authority[i] = a.submission().authorityCode();
                answers[i] = AnswersJson.write(a.answers());
                hash[i] = a.hash();
            }
            return connection.preparedQuery(INSERT_RESPONSES)
                    .execute(Tuple.from(List.<Object>of(round.id, now, rowIds, responseId, authority, answers, hash)))
                    .flatMap(inserted -> {
                        Set<String> stored = new HashSet<>(inserted.size());
                        inserted.forEach(row -> stored.add(row.getString(0)));
                        List<Accepted> events = fresh.stream().filter(a -> stored.contains(a.submission().responseId())).toList();
                        String[] lost = fresh.stream().map(a -> a.submission().responseId()).filter(id -> !stored.contains(id))
                                .toArray(String[]::new);
                        return insertEvents(connection, round, events, eventIds, now)
                                .flatMap(x -> lost.length == 0 ? Uni.createFrom().voidItem()
                                        : stored(connection, round.id, lost).map(winners -> {
                                            if (winners.size() != lost.length) {   // rows are never deleted, so cannot happen
                                                throw new IllegalStateException("Responses neither inserted nor found; batch not stored");
                                            }
                                            reclassify(candidates, results, winners);
                                            return null;
                                        }));
                    });
        });
    }

    /** The event ids are the first of the allocated ids, in line order: the relay publishes by id. */
    private Uni<Void> insertEvents(SqlConnection connection, Round round, List<Accepted> events, long[] eventIds,
                                   OffsetDateTime now) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        Long[] ids = new Long[n];
        UUID[] eventId = new UUID[n];
        String[] key = new String[n];
        String[] subject = new String[n];
        String[] payload = new String[n];
        for (int i = 0; i < n; i++) {
            Accepted a = events.get(i);
            String authority = a.submission().authorityCode();
            OutboxEvent event = outbox.event(Topics.SUBMISSIONS, authority, ResponseAccepted.TYPE,
                    SUBJECT.formatted(round.id, a.submission().responseId()), now,
                    new ResponseAccepted(round.id, round.instrument, round.instrumentVersion, round.period, authority,
                            a.submission().responseId(), now, a.answers()));
            ids[i] = eventIds[i];
            eventId[i] = event.eventId;
            key[i] = event.messageKey;
            subject[i] = event.subject;
            payload[i] = event.payload;
        }
        return connection.preparedQuery(INSERT_EVENTS)
                .execute(Tuple.from(List.<Object>of(Topics.SUBMISSIONS, ResponseAccepted.TYPE, now, ids, eventId, key, subject, payload)))
                .replaceWithVoid();
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
    private static Uni<Map<String, String>> stored(SqlConnection connection, String roundId, String[] ids) {
        return connection.preparedQuery(STORED).execute(Tuple.of(roundId, ids)).map(rows -> {
            Map<String, String> found = new LinkedHashMap<>();
            for (Row row : rows) {
                found.put(row.getString(0), row.getString(1));
            }
            return found;
        });
    }

    /**
     * {@code n} ids from the block starts in column {@code column}: each start {@code v} gives {@code v .. v+49},
     * as Hibernate Reactive's generator uses them. Starts are sorted so that ids rise with line order.
     */
    static long[] ids(Iterable<Row> blocks, int column, int n) {
        List<Long> starts = new ArrayList<>();
        for (Row row : blocks) {
            starts.add(row.getLong(column));
        }
        return ids(starts.stream().mapToLong(Long::longValue).toArray(), n);
    }

    static long[] ids(long[] starts, int n) {
        long[] sorted = starts.clone();
        Arrays.sort(sorted);
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = sorted[i / ID_BLOCK] + i % ID_BLOCK;
        }
        return ids;
    }
}
