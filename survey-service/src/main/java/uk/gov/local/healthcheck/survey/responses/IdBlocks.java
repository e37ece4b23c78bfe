package uk.gov.local.healthcheck.survey.responses;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;

import java.util.Arrays;

/**
 * Ids for new practitioner_response rows and their outbox_event rows, taken the way Hibernate Reactive's pooled
 * generator takes them: each {@code nextval} of a sequence stepping by {@value #ID_BLOCK} reserves the block
 * {@code [v, v + 49]}, so ids handed out here never collide with those Hibernate hands out for returns' events.
 * Like Hibernate, the unused rest of a block is kept for the next caller: a single response costs a round trip for
 * ids once in fifty, not every time. The ids of one call rise in order, so the relay publishes a batch in line order.
 */
@ApplicationScoped
@RequiredArgsConstructor
class IdBlocks {

    /** Must equal the sequences' INCREMENT and the entities' allocationSize (V1 migration, OutboxEvent). */
    static final int ID_BLOCK = 50;
    private static final String NEXT_BLOCKS = """
            select nextval('practitioner_response_seq'), nextval('outbox_event_seq') from generate_series(1, $1)""";

    /** {@code n} ids for responses and {@code n} for their events, each rising. */
    record Ids(long[] responses, long[] events) {
    }

    private final Pool pool;
    // The spare ids of the last blocks taken: responses from nextResponse, events from nextEvent, `spare` of each.
    private long nextResponse;
    private long nextEvent;
    private int spare;

    Uni<Ids> take(int n) {
        return take(n, pool);
    }

    /**
     * As {@link #take(int)}, asking {@code client} when a new block is due: a writer inside a transaction takes its
     * ids through its own connection, so it never waits for a second one from the pool while holding locks (under
     * load every holder could be waiting for a connection another holder's lock keeps busy).
     */
    Uni<Ids> take(int n, SqlClient client) {
        synchronized (this) {
            if (spare >= n) {
                Ids ids = new Ids(range(nextResponse, n), range(nextEvent, n));
                nextResponse += n;
                nextEvent += n;
                spare -= n;
                return Uni.createFrom().item(ids);
            }
        }
        int blocks = (n + ID_BLOCK - 1) / ID_BLOCK;
        return client.preparedQuery(NEXT_BLOCKS).execute(Tuple.of(blocks)).map(rows -> {
            long[] responseStarts = new long[blocks];
            long[] eventStarts = new long[blocks];
            int i = 0;
            for (Row row : rows) {
                responseStarts[i] = row.getLong(0);
                eventStarts[i++] = row.getLong(1);
            }
            Ids ids = new Ids(ids(responseStarts, n), ids(eventStarts, n));
            keepSpare(ids, blocks * ID_BLOCK - n);
            return ids;
        });
    }

    /** The rest of the last block just taken, if it is more than is kept already (the smaller rest is never used). */
    private synchronized void keepSpare(Ids taken, int rest) {
        if (rest > spare) {
            int n = taken.responses().length;
            nextResponse = taken.responses()[n - 1] + 1;
            nextEvent = taken.events()[n - 1] + 1;
            spare = rest;
        }
    }

    /**
     * {@code n} ids from the blocks starting at {@code starts}: each start {@code v} gives {@code v .. v+49}.
     * Starts are sorted so that ids rise.
     */
    static long[] ids(long[] starts, int n) {
        long[] sorted = starts.clone();
        Arrays.sort(sorted);
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = sorted[i / ID_BLOCK] + i % ID_BLOCK;
        }
        return ids;
    }

    private static long[] range(long first, int n) {
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = first + i;
        }
        return ids;
    }
}
