package uk.gov.local.healthcheck.benchmark.query;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.benchmark.grouping.GroupCatalog;
import uk.gov.local.healthcheck.benchmark.instruments.Instrument;
import uk.gov.local.healthcheck.benchmark.instruments.InstrumentCatalog;
import uk.gov.local.healthcheck.benchmark.model.RoundData;
import uk.gov.local.healthcheck.benchmark.model.RoundInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Computes benchmarks on read from the current in-memory snapshot of a round (see {@link RoundSnapshots}): every
 * answer reflects the last committed batch this instance applied, and is computed once per snapshot.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class BenchmarkQuery {

    /** The comparison shows this round and the two before it. */
    public static final int PREVIOUS_ROUNDS = 2;
    static final String PRACTITIONER_SURVEY = "practitioner-survey";

    private final RoundSnapshots snapshots;
    private final GroupCatalog catalog;
    private final InstrumentCatalog instruments;

    /** A round and up to two previous rounds of its instrument, newest first. */
    public record RoundWithHistory(RoundData current, List<RoundData> previous) {
    }

    /** The current snapshot of a round; fails with {@link NoBenchmarkDataException} when the round is unknown. */
    public Uni<RoundData> round(String roundId) {
        return snapshots.info(roundId).chain(info -> {
            if (info == null) {
                return Uni.createFrom().failure(new NoBenchmarkDataException("No indicators have arrived for round '"
                        + roundId + "'"));
            }
            return snapshots.snapshot(info);
        });
    }

    public Uni<RoundWithHistory> roundWithHistory(String roundId) {
        return round(roundId).chain(current -> {
            List<RoundInfo> earlier = RoundSnapshots.previous(current.info(), snapshots.catalog());
            List<Uni<RoundData>> loads = earlier.stream().limit(PREVIOUS_ROUNDS).map(snapshots::snapshot).toList();
            if (loads.isEmpty()) {
                return Uni.createFrom().item(new RoundWithHistory(current, List.of()));
            }
            return Uni.join().all(loads).andFailFast()
                    .map(previous -> new RoundWithHistory(current, new ArrayList<>(previous)));
        });
    }

    /** One indicator of a round; fails with {@link NoBenchmarkDataException} when no authority has data for it. */
    public Uni<IndicatorView> indicator(String roundId, String indicatorId) {
        return round(roundId).chain(data -> derived(data, List.of("indicator", indicatorId), () -> {
            IndicatorView view = view(data, indicatorId);
            if (!view.hasData()) {
                throw new NoBenchmarkDataException(roundId, indicatorId);
            }
            return view;
        }));
    }

    /**
     * A figure derived from a snapshot, computed once per snapshot and key (an outcome that fails, fails the same
     * way for the snapshot's lifetime). A new snapshot's figures (~150 neighbour groups for an indicator) are
     * worked out on a worker thread, so the IO threads keep answering the reads already memoised meanwhile; once
     * computed, the answer comes back synchronously.
     */
    public <T> Uni<T> derived(RoundData data, Object key, Supplier<T> compute) {
        return data.memo(List.of("derived", key), () -> Uni.createFrom().item(compute)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .memoize().indefinitely());
    }

    /**
     * One indicator of a snapshot, with disclosure control applied (the same for every caller); memoised per
     * snapshot and indicator.
     */
    public IndicatorView view(RoundData data, String indicatorId) {
        return data.memo(List.of("view", indicatorId), () -> new IndicatorView(data, indicatorId, catalog,
                respondentBased(data.info())));
    }

    public Optional<Instrument> instrument(RoundInfo info) {
        return info.instrument() == null ? Optional.empty() : instruments.find(info.instrument(), info.instrumentVersion());
    }

    /** Practitioner-survey figures are based on respondents (the 10-respondent rule applies). */
    public boolean respondentBased(RoundInfo info) {
        return instrument(info).map(Instrument::respondentBased).orElse(PRACTITIONER_SURVEY.equals(info.instrument()));
    }

    public GroupCatalog catalog() {
        return catalog;
    }
}
