package uk.gov.local.healthcheck.metrics.intake;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorCalculator;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorResult;
import uk.gov.local.healthcheck.metrics.indicators.InvalidAnswerException;
import uk.gov.local.healthcheck.metrics.publication.IndicatorsPublisher;
import uk.gov.local.healthcheck.metrics.store.ApplyResult;
import uk.gov.local.healthcheck.metrics.store.AuthorityState;
import uk.gov.local.healthcheck.metrics.store.IndicatorStateStore;
import uk.gov.local.healthcheck.metrics.store.StateChange;

import java.util.List;

/**
 * Applies one submission event: compute (pure), store (one transaction), then publish when the authority's
 * indicators changed, or re-publish when the event was already processed (a crash may have come between the commit
 * and the publication). The returned {@link Uni} completes only after the outgoing record is acknowledged.
 */
@ApplicationScoped
public class SubmissionHandler {

    private static final Logger LOG = Logger.getLogger(SubmissionHandler.class);

    @Inject
    IndicatorCalculator calculator;

    @Inject
    IndicatorStateStore store;

    @Inject
    IndicatorsPublisher publisher;

    /**
     * Computes the state change an event asks for. Runs before any I/O so that a contract-breaking answer is found
     * once and the record skipped, rather than failing a transaction again and again.
     */
    public StateChange changeFor(SubmissionEvent event) {
        if (event instanceof SubmissionEvent.Accepted a) {
            return new StateChange(a.eventId(), a.type(), a.roundId(), a.authorityCode(), a.instrument(),
                    a.period(), a.revision(), false, indicatorsOf(a));
        }
        var w = (SubmissionEvent.Withdrawn) event;
        return new StateChange(w.eventId(), w.type(), w.roundId(), w.authorityCode(), w.instrument(), w.period(),
                w.revision(), true, List.of());
    }

    public Uni<Void> handle(StateChange change) {
        return store.apply(change).flatMap(result -> afterStore(change, result));
    }

    private Uni<Void> afterStore(StateChange change, ApplyResult result) {
        String what = "event " + change.eventId() + " (" + change.roundId() + "/" + change.authorityCode()
                + " revision " + change.revision() + ")";
        switch (result.kind()) {
            case STALE -> {
                LOG.infof("Ignored %s: revision %d is already in place", what,
                        result.current().map(AuthorityState::revision).orElse(0));
                return Uni.createFrom().voidItem();
            }
            case DUPLICATE -> {
                LOG.infof("Already processed %s: re-publishing the current state", what);
                return result.current().filter(s -> IndicatorDictionary.hasIndicators(s.instrument()))
                        .map(publisher::publish)
                        .orElseGet(() -> Uni.createFrom().voidItem());
            }
            default -> {
                AuthorityState state = result.current().orElseThrow();
                if (!IndicatorDictionary.hasIndicators(state.instrument())) {
                    LOG.infof("Recorded %s: instrument %s has no indicators yet, nothing published", what,
                            state.instrument());
                    return Uni.createFrom().voidItem();
                }
                LOG.debugf("Applied %s", what);
                return publisher.publish(state);
            }
        }
    }

    private List<IndicatorResult> indicatorsOf(SubmissionEvent.Accepted a) {
        try {
            return calculator.compute(a.instrument(), a.period(), a.answers());
        } catch (InvalidAnswerException e) {
            throw new InvalidEventException("event " + a.eventId() + ": " + e.getMessage(), e);
        }
    }
}
