package uk.gov.local.healthcheck.metrics.rebuild;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * While a rebuild runs, records every {@code metrics.rebuild.heartbeat-interval} that its replica is alive, with its
 * progress, and renews its {@link RebuildLease}; a heartbeat that finds the rebuild no longer running (another replica
 * took it for abandoned) makes it stop.
 */
@ApplicationScoped
@Startup // a bad heartbeat configuration stops the start, not the first rebuild
public class RebuildHeartbeat {

    private static final Logger LOG = Logger.getLogger(RebuildHeartbeat.class);

    /** The beating of one rebuild; closing it stops the heartbeats. */
    public interface Beating extends AutoCloseable {
        @Override
        void close();
    }

    private final RebuildLedger ledger;
    private final Duration interval;
    private final Duration leaseValidity;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "metrics-rebuild-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public RebuildHeartbeat(
            @ConfigProperty(name = "metrics.rebuild.heartbeat-interval", defaultValue = "PT10S") Duration interval,
            @ConfigProperty(name = "metrics.rebuild.abandoned-after", defaultValue = "PT30S") Duration abandonedAfter,
            RebuildLedger ledger) {
        this.leaseValidity = RebuildLease.validity(interval, abandonedAfter);
        this.interval = interval;
        this.ledger = ledger;
    }

    /** A lease for a rebuild whose running record was asked for at {@code sentAt} ({@link System#nanoTime}). */
    RebuildLease lease(long sentAt) {
        return new RebuildLease(leaseValidity, sentAt, System::nanoTime);
    }

    Beating beat(String id, RebuildLease lease, LongSupplier records, LongSupplier skipped) {
        ScheduledFuture<?> beats = scheduler.scheduleWithFixedDelay(() -> beatOnce(id, lease, records, skipped),
                interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return () -> beats.cancel(false);
    }

    private void beatOnce(String id, RebuildLease lease, LongSupplier records, LongSupplier skipped) {
        long sentAt = System.nanoTime();
        try {
            if (ledger.heartbeat(id, records.getAsLong(), skipped.getAsLong()).await().atMost(interval)) {
                lease.renew(sentAt);
            } else {
                lease.lose("another replica took this rebuild for abandoned (no heartbeat recorded in time)");
            }
        } catch (RuntimeException e) {
            // Not renewed: the lease runs out unless a later heartbeat gets through (the rebuild's own writes meet
            // the same outage and wait it out, up to metrics.rebuild.transient-timeout).
            LOG.warnf("Rebuild %s: heartbeat not recorded: %s", id, e);
        }
    }

    void stop(@Observes ShutdownEvent e) {
        scheduler.shutdownNow();
    }
}
