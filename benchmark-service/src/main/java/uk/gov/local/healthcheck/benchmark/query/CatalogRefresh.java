package uk.gov.local.healthcheck.benchmark.query;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Fills {@link RoundSnapshots} from the database at start-up, then re-reads the round catalog periodically. This
 * instance's own consumer updates its snapshots directly; the refresh is for versions written elsewhere (another
 * replica consuming other partitions), which would otherwise only be noticed when a read names an unknown round.
 */
@ApplicationScoped
public class CatalogRefresh {

    private static final Logger LOG = Logger.getLogger(CatalogRefresh.class);

    private final RoundSnapshots snapshots;
    private final Duration interval;
    private final boolean preload;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private volatile boolean loaded;
    private int failures;

    public CatalogRefresh(RoundSnapshots snapshots,
                          @ConfigProperty(name = "benchmark.snapshots.catalog-refresh-interval") Duration interval,
                          @ConfigProperty(name = "benchmark.snapshots.preload") boolean preload) {
        this.snapshots = snapshots;
        this.interval = interval;
        this.preload = preload;
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        // Not awaited: start-up must not depend on the database being up; reads load whatever is not here yet, and
        // the rebuild is tried again at every refresh until it succeeds (readiness waits for it).
        rebuild();
        vertx.setPeriodic(interval.toMillis(), id -> {
            if (!loaded) {
                rebuild();
                return;
            }
            snapshots.refresh().subscribe().with(
                    rounds -> { },
                    failure -> LOG.debugf("Round catalog refresh failed, retrying in %s: %s", interval, failure));
        });
    }

    /** Whether the snapshots have been rebuilt from the database since start (readiness needs it). */
    public boolean loaded() {
        return loaded;
    }

    private void rebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            return;
        }
        // One round at a time, so the rebuild never takes the whole connection pool from requests.
        Uni<?> first = !preload ? snapshots.refresh() : snapshots.refresh().chain(rounds -> Multi.createFrom()
                .iterable(rounds.values())
                .onItem().transformToUniAndConcatenate(snapshots::snapshot)
                .collect().with(Collectors.counting()));
        first.subscribe().with(done -> {
            loaded = true;
            rebuilding.set(false);
            LOG.debugf("Round snapshots rebuilt from the database: %s", done);
        }, failure -> {
            rebuilding.set(false);
            if (failures++ % 30 == 0) {
                LOG.warnf("Could not rebuild the round snapshots at start-up, retrying every %s (reads will load "
                        + "what they need): %s", interval, failure.toString());
            }
        });
    }
}
