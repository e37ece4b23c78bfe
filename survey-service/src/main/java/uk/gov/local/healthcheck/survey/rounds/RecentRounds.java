package uk.gov.local.healthcheck.survey.rounds;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rounds as read in the last moments, for the practitioner-response path, where reading the round for every
 * request was a database round trip and a Hibernate session per response. What a round collects never changes once
 * created; only its status does, and a copy at most {@code survey.rounds.cache-ttl} old is good enough for that here
 * because the writers check the status again, under a lock, in the transaction that stores anything. This instance
 * forgets a round as soon as it closes or reopens it.
 */
@ApplicationScoped
public class RecentRounds {

    private record Read(Round round, Instant at) {
    }

    private final Map<String, Read> rounds = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    public RecentRounds(Clock clock, @ConfigProperty(name = "survey.rounds.cache-ttl") Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A copy of the round (callers may change it), or a 404 naming it; reads it in a session of its own when due. */
    public Uni<Round> find(String id) {
        Read read = rounds.get(id);
        Instant now = clock.instant();
        if (read != null && read.at().plus(ttl).isAfter(now)) {
            return Uni.createFrom().item(copy(read.round()));
        }
        return Panache.withSession(() -> RoundService.require(id)).map(round -> {
            Round kept = copy(round);
            rounds.put(id, new Read(kept, now));
            return copy(kept);
        });
    }

    /** Called once a change of the round's status has committed. */
    void forget(String id) {
        rounds.remove(id);
    }

    private static Round copy(Round r) {
        Round c = new Round();
        c.id = r.id;
        c.instrument = r.instrument;
        c.instrumentVersion = r.instrumentVersion;
        c.title = r.title;
        c.period = r.period;
        c.instrumentSha256 = r.instrumentSha256;
        c.opensOn = r.opensOn;
        c.closesOn = r.closesOn;
        c.status = r.status;
        c.createdAt = r.createdAt;
        c.createdBy = r.createdBy;
        return c;
    }
}
