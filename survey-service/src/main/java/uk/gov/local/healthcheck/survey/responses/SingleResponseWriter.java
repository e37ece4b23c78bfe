package uk.gov.local.healthcheck.survey.responses;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.local.healthcheck.survey.responses.ResponseBatchWriter.Accepted;
import uk.gov.local.healthcheck.survey.rounds.Round;
import uk.gov.local.healthcheck.survey.storage.GroupCommit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores single responses that arrive together in one transaction, through the same set-based writer as a batch
 * ({@link ResponseBatchWriter}), so each request no longer pays for a transaction of its own. Each request still
 * gets its own outcome: stored, a repeat of a stored response, or a conflict with one; if the round has closed
 * meanwhile, every response of that group is refused with the round's 409 and nothing of it is stored.
 */
@ApplicationScoped
public class SingleResponseWriter {

    /** What one request's response became, and when responses of its group were received. */
    record Stored(LineResult result, OffsetDateTime receivedAt) {
    }

    private record Single(Round round, Accepted accepted) {
    }

    private final ResponseBatchWriter writer;
    private final Clock clock;
    private final int maxGroup;
    private final int maxInFlight;
    /** One group commit per round: a group is stored under its round's lock and refused together if it closed. */
    private final Map<String, GroupCommit<Single, Stored>> byRound = new ConcurrentHashMap<>();

    public SingleResponseWriter(ResponseBatchWriter writer, Clock clock,
                                @ConfigProperty(name = "survey.responses.group.max-size") int maxGroup,
                                @ConfigProperty(name = "survey.responses.group.max-in-flight") int maxInFlight) {
        this.writer = writer;
        this.clock = clock;
        this.maxGroup = maxGroup;
        this.maxInFlight = maxInFlight;
    }

    /** Stores {@code accepted} (already validated for {@code round}) with whatever else is waiting for the round. */
    Uni<Stored> write(Round round, Accepted accepted) {
        return byRound.computeIfAbsent(round.id, id -> new GroupCommit<>(this::store, maxGroup, maxInFlight))
                .submit(new Single(round, accepted));
    }

    private Uni<List<Stored>> store(List<Single> group) {
        Map<Integer, Accepted> candidates = new LinkedHashMap<>();
        for (int i = 0; i < group.size(); i++) {
            candidates.put(i, group.get(i).accepted());
        }
        Map<Integer, LineResult> results = new HashMap<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return writer.store(group.get(0).round(), candidates, results, now).map(x -> {
            List<Stored> stored = new ArrayList<>(group.size());
            for (int i = 0; i < group.size(); i++) {
                stored.add(new Stored(results.get(i), now));
            }
            return stored;
        });
    }
}
