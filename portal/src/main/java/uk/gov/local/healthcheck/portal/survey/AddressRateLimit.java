package uk.gov.local.healthcheck.portal.survey;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A per-address limit on the anonymous survey pages against abuse (with each link's own maxResponses). Held in memory
 * only, for one window at a time: addresses are never logged or stored, and a restart forgets them.
 */
@ApplicationScoped
public class AddressRateLimit {

    private record Window(long start, AtomicInteger count) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final int limit;
    private final long windowMillis;
    private final Clock clock;

    @jakarta.inject.Inject
    public AddressRateLimit(@ConfigProperty(name = "portal.survey.rate-limit.requests") int limit,
                            @ConfigProperty(name = "portal.survey.rate-limit.window") Duration window) {
        this(limit, window, Clock.systemUTC());
    }

    AddressRateLimit(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Counts this request; false when the address has used up its window. */
    public boolean admit(String address) {
        long now = clock.millis();
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> now - w.start() >= windowMillis);
        }
        Window w = windows.compute(address, (a, old) -> old == null || now - old.start() >= windowMillis
                ? new Window(now, new AtomicInteger()) : old);
        return w.count().incrementAndGet() <= limit;
    }
}
