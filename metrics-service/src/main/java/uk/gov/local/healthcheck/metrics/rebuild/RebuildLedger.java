package uk.gov.local.healthcheck.metrics.rebuild;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The rebuilds of every replica, in metrics' database (table {@code rebuild_run}): which one runs, how far it got, how
 * it ended. At most one row is {@code running} (a partial unique index), so a rebuild started on any replica while
 * another runs is refused; a running row whose replica sent no heartbeat for longer than
 * {@code metrics.rebuild.abandoned-after} is marked failed by the next replica that looks, naming the replica.
 * The Vert.x SQL client, not Panache: the guard is an {@code on conflict} insert and every change is conditional on
 * the row still running, decided by the row count.
 */
@ApplicationScoped
public class RebuildLedger {

    private static final Logger LOG = Logger.getLogger(RebuildLedger.class);
    private static final String COLUMNS = "id, state, replica, started_at, heartbeat_at, finished_at, records, "
            + "skipped, replay_seconds, events_per_second, published, error";

    private final Pool pool;
    private final Duration abandonedAfter;

    public RebuildLedger(Pool pool,
                         @ConfigProperty(name = "metrics.rebuild.abandoned-after", defaultValue = "PT30S")
                         Duration abandonedAfter) {
        this.pool = pool;
        this.abandonedAfter = abandonedAfter;
    }

    /** Records a new running rebuild of {@code replica}, after failing an abandoned one; empty when another runs. */
    public Uni<Optional<RebuildStatus>> begin(String replica) {
        return failAbandoned().chain(() -> pool.preparedQuery("insert into rebuild_run (id, state, replica, "
                        + "started_at, heartbeat_at) values ($1, 'running', $2, now(), now()) on conflict do nothing "
                        + "returning " + COLUMNS)
                .execute(Tuple.of(UUID.randomUUID(), replica)))
                .map(RebuildLedger::first);
    }

    /** The latest rebuild of any replica (an abandoned one marked failed first); empty when none was ever recorded. */
    public Uni<Optional<RebuildStatus>> latest() {
        return failAbandoned().chain(() -> pool.query("select " + COLUMNS
                        + " from rebuild_run order by started_at desc limit 1").execute())
                .map(RebuildLedger::first);
    }

    /**
     * Renews the heartbeat of a running rebuild and records its progress; false when it is no longer running (another
     * replica took it for abandoned).
     */
    public Uni<Boolean> heartbeat(String id, long records, long skipped) {
        return pool.preparedQuery("update rebuild_run set heartbeat_at = now(), records = $2, skipped = $3 "
                        + "where id = $1 and state = 'running'")
                .execute(Tuple.of(UUID.fromString(id), records, skipped))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * In the swap's transaction, before anything is moved: claims the rebuild's row (held until the commit) and marks
     * it swapped; fails when it is no longer running, so a rebuild another replica took for abandoned never swaps.
     */
    public Uni<Void> swapping(SqlConnection conn, String id) {
        return conn.preparedQuery("update rebuild_run set swapped_at = now(), heartbeat_at = now() "
                        + "where id = $1 and state = 'running'")
                .execute(Tuple.of(UUID.fromString(id)))
                .invoke(rows -> {
                    if (rows.rowCount() != 1) {
                        throw new RebuildLease.LeaseLost("another replica took this rebuild for abandoned before "
                                + "its swap");
                    }
                })
                .replaceWithVoid();
    }

    /** Records a completed rebuild (also after another replica took it for abandoned: it did complete). */
    public Uni<Void> completed(RebuildStatus done) {
        return pool.preparedQuery("update rebuild_run set state = 'completed', finished_at = now(), records = $2, "
                        + "skipped = $3, replay_seconds = $4, events_per_second = $5, published = $6, error = null "
                        + "where id = $1")
                .execute(Tuple.from(new Object[]{UUID.fromString(done.id()), done.records(), done.skipped(),
                        done.replaySeconds(), done.eventsPerSecond(), done.published()}))
                .replaceWithVoid();
    }

    /**
     * Records a failed rebuild in the caller's transaction if it is still running; false when it no longer is (another
     * replica took it for abandoned, and the shadow schema may be that replica's own by now).
     */
    public Uni<Boolean> failed(SqlConnection conn, RebuildStatus failed) {
        return conn.preparedQuery("update rebuild_run set state = 'failed', finished_at = now(), records = $2, "
                        + "skipped = $3, error = $4 where id = $1 and state = 'running'")
                .execute(Tuple.of(UUID.fromString(failed.id()), failed.records(), failed.skipped(), failed.error()))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Marks the running rebuild failed when its replica has sent no heartbeat for longer than the abandonment time. */
    private Uni<Void> failAbandoned() {
        return pool.query("select id, replica, heartbeat_at, swapped_at is not null as swapped, now() as now "
                        + "from rebuild_run where state = 'running'").execute()
                .chain(rows -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Row r : rows) {
                        OffsetDateTime beat = r.getOffsetDateTime("heartbeat_at");
                        if (Abandonment.isAbandoned(beat.toInstant(), r.getOffsetDateTime("now").toInstant(),
                                abandonedAfter)) {
                            chain = chain.chain(() -> fail(r.getUUID("id"), beat, Abandonment.reason(
                                    r.getString("replica"), beat.toInstant(), abandonedAfter, r.getBoolean("swapped"))));
                        }
                    }
                    return chain;
                });
    }

    /** Only if the heartbeat is still the one seen: a replica that beat meanwhile is alive after all. */
    private Uni<Void> fail(UUID id, OffsetDateTime heartbeat, String reason) {
        return pool.preparedQuery("update rebuild_run set state = 'failed', finished_at = now(), error = $3 "
                        + "where id = $1 and state = 'running' and heartbeat_at = $2")
                .execute(Tuple.of(id, heartbeat, reason))
                .invoke(rows -> {
                    if (rows.rowCount() == 1) {
                        LOG.warnf("Rebuild %s marked failed: %s", id, reason);
                    }
                })
                .replaceWithVoid();
    }

    private static Optional<RebuildStatus> first(RowSet<Row> rows) {
        for (Row r : rows) {
            return Optional.of(new RebuildStatus(r.getUUID("id").toString(), r.getString("state"),
                    instant(r, "started_at"), instant(r, "finished_at"), r.getLong("records"), r.getLong("skipped"),
                    r.getDouble("replay_seconds"), r.getDouble("events_per_second"), r.getLong("published"),
                    r.getString("error"), r.getString("replica"), instant(r, "heartbeat_at")));
        }
        return Optional.empty();
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
