package uk.gov.local.healthcheck.survey.outbox;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Deletes events published longer ago than {@code survey.outbox.retention}, so the outbox holds what is still to be
 * sent plus a recent history for diagnosis, instead of growing by every event ever. Nothing is lost: the topics keep
 * every event for ever, and the returns and responses themselves stay in their tables. Unpublished events are never
 * deleted, however old. A delete of a chunk of rows is one SQL statement; loading them as entities would cost one
 * delete each.
 */
@ApplicationScoped
public class OutboxSweeper {

    private static final Logger LOG = Logger.getLogger(OutboxSweeper.class);
    /** Oldest first, a chunk at a time, so one sweep never holds many locks or a long transaction. */
    private static final String SWEEP = """
            delete from outbox_event where id in (
                select id from outbox_event where published_at < $1 order by id limit $2)""";

    private final Pool pool;
    private final Clock clock;
    private final Duration retention;
    private final int chunk;

    public OutboxSweeper(Pool pool, Clock clock, @ConfigProperty(name = "survey.outbox.retention") Duration retention,
                         @ConfigProperty(name = "survey.outbox.sweep-chunk") int chunk) {
        this.pool = pool;
        this.clock = clock;
        this.retention = retention;
        this.chunk = chunk;
    }

    @Scheduled(every = "${survey.outbox.sweep-interval}", delayed = "${survey.outbox.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "outbox-sweep")
    Uni<Void> sweep() {
        return sweepPublishedBefore(OffsetDateTime.now(clock).minus(retention))
                .invoke(deleted -> {
                    if (deleted > 0) {
                        LOG.infof("Outbox: deleted %d event(s) published more than %s ago", deleted, retention);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("Outbox sweep failed (%s); next time", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes every event published before {@code cutoff}, chunk by chunk; answers how many. */
    Uni<Integer> sweepPublishedBefore(OffsetDateTime cutoff) {
        return pool.preparedQuery(SWEEP).execute(Tuple.of(cutoff, chunk)).flatMap(rows -> rows.rowCount() < chunk
                ? Uni.createFrom().item(rows.rowCount())
                : sweepPublishedBefore(cutoff).map(more -> more + rows.rowCount()));
    }
}
