package uk.gov.local.healthcheck.deadletters;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service's {@code dead_letter} table (its own Flyway migration creates it; see dead-letters/README.md), through the
 * service's reactive pool. Unique on (topic, partition, offset_): a record redelivered after a crash is not listed twice.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class DeadLetterStore {

    static final String COLUMNS = "id, consumer, topic, partition, offset_, record_key, value, error, error_type, "
            + "failed_at, status, resolved_at, headers";

    private final Pool pool;
    private final ConsumerName consumer;

    /** {@code healthcheck.dead-letters.consumer}, else {@code quarkus.application.name} ({@link ConsumerName}). */
    public String consumer() {
        return consumer.value();
    }

    /** Inserts the dead letter unless that (topic, partition, offset) is listed already; its id if it was new. */
    public Uni<Optional<Long>> insert(FailedRecord record, String error, String errorType, OffsetDateTime failedAt) {
        JsonObject headers = new JsonObject();
        record.headers().forEach((k, v) -> headers.put(clean(k), v == null ? null : Base64.getEncoder().encodeToString(v)));
        return pool.preparedQuery("insert into dead_letter (consumer, topic, partition, offset_, record_key, value, "
                        + "headers, error, error_type, failed_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                        + "on conflict (topic, partition, offset_) do nothing returning id")
                .execute(Tuple.from(new Object[]{consumer(), record.topic(), record.partition(), record.offset(),
                        clean(record.key()), record.value() == null ? null : io.vertx.core.buffer.Buffer.buffer(record.value()), headers,
                        clean(error), errorType, failedAt}))
                .map(rows -> rows.rowCount() == 0 || !rows.iterator().hasNext()
                        ? Optional.<Long>empty() : Optional.of(rows.iterator().next().getLong(0)));
    }

    public Uni<Optional<DeadLetterEntry>> find(long id) {
        return pool.preparedQuery("select " + COLUMNS + " from dead_letter where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(entry(rows.iterator().next())) : Optional.empty());
    }

    /** The stored record of a dead letter, as it was consumed. */
    public Uni<Optional<FailedRecord>> record(long id) {
        return pool.preparedQuery("select " + COLUMNS + " from dead_letter where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(record(rows.iterator().next())) : Optional.empty());
    }

    /** Whether (topic, partition, offset) is listed already (any status). */
    public Uni<Boolean> exists(String topic, int partition, long offset) {
        return pool.preparedQuery("select 1 from dead_letter where topic = $1 and partition = $2 and offset_ = $3")
                .execute(Tuple.of(topic, partition, offset)).map(rows -> rows.iterator().hasNext());
    }

    /** Matching entries, oldest first, at most {@code limit}; and how many match in all. */
    public Uni<DeadLetterList> list(String status, int limit) {
        String where = status == null ? "" : " where status = $2";
        Tuple params = status == null ? Tuple.of(limit) : Tuple.of(limit, status);
        Uni<List<DeadLetterEntry>> entries = pool.preparedQuery("select " + COLUMNS + " from dead_letter" + where
                + " order by id limit $1").execute(params).map(DeadLetterStore::entries);
        Uni<Long> count = (status == null
                ? pool.query("select count(*) from dead_letter").execute()
                : pool.preparedQuery("select count(*) from dead_letter where status = $1").execute(Tuple.of(status)))
                .map(rows -> rows.iterator().next().getLong(0));
        return Uni.combine().all().unis(count, entries).with(DeadLetterList::new);
    }

    /** Moves an open entry to {@code status}; empty when it was not open (or does not exist). */
    public Uni<Optional<DeadLetterEntry>> resolve(long id, String status) {
        return pool.preparedQuery("update dead_letter set status = $2, resolved_at = now() where id = $1 "
                        + "and status = 'open' returning " + COLUMNS)
                .execute(Tuple.of(id, status))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(entry(rows.iterator().next())) : Optional.empty());
    }

    /** Records the latest failure of a replay on an open entry. */
    public Uni<Optional<DeadLetterEntry>> updateError(long id, String error, String errorType) {
        return pool.preparedQuery("update dead_letter set error = $2, error_type = $3 where id = $1 returning " + COLUMNS)
                .execute(Tuple.of(id, clean(error), errorType))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(entry(rows.iterator().next())) : Optional.empty());
    }

    /** Entries not yet replayed or dismissed. */
    public Uni<Long> countOpen() {
        return pool.preparedQuery("select count(*) from dead_letter where status = 'open'").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static List<DeadLetterEntry> entries(RowSet<Row> rows) {
        List<DeadLetterEntry> out = new ArrayList<>();
        rows.forEach(r -> out.add(entry(r)));
        return out;
    }

    static DeadLetterEntry entry(Row r) {
        FailedRecord record = record(r);
        Optional<String> text = record.valueText();
        return new DeadLetterEntry(r.getLong("id"), r.getString("consumer"), record.topic(), record.partition(),
                record.offset(), record.key(), text.orElse(null),
                text.isPresent() || record.value() == null ? null : Base64.getEncoder().encodeToString(record.value()),
                r.getString("error"), r.getString("error_type"), utc(r.getOffsetDateTime("failed_at")),
                r.getString("status"), utc(r.getOffsetDateTime("resolved_at")));
    }

    static FailedRecord record(Row r) {
        Buffer value = r.getBuffer("value");
        Map<String, byte[]> headers = new LinkedHashMap<>();
        JsonObject h = r.getJsonObject("headers");
        if (h != null) {
            h.forEach(e -> headers.put(e.getKey(), e.getValue() == null ? null : Base64.getDecoder().decode((String) e.getValue())));
        }
        return new FailedRecord(r.getString("topic"), r.getInteger("partition"), r.getLong("offset_"),
                r.getString("record_key"), value == null ? null : value.getBytes(), headers);
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** PostgreSQL text cannot hold U+0000. */
    static String clean(String s) {
        return s == null ? null : s.replace('\u0000', '\uFFFD');
    }
}
