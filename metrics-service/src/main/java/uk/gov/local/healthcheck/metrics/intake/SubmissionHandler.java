package uk.gov.local.healthcheck.metrics.intake;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorCalculator;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorResult;
import uk.gov.local.healthcheck.metrics.indicators.InvalidAnswerException;
import uk.gov.local.healthcheck.metrics.indicators.TabulatedAnswers;
import uk.gov.local.healthcheck.metrics.instruments.InstrumentCatalog;
import uk.gov.local.healthcheck.metrics.instruments.Question;
import uk.gov.local.healthcheck.metrics.publication.IndicatorsPublisher;
import uk.gov.local.healthcheck.metrics.store.ApplyResult;
import uk.gov.local.healthcheck.metrics.store.AuthorityState;
import uk.gov.local.healthcheck.metrics.store.Change;
import uk.gov.local.healthcheck.metrics.store.IndicatorStateStore;
import uk.gov.local.healthcheck.metrics.store.PractitionerStore;
import uk.gov.local.healthcheck.metrics.store.ResponseChange;
import uk.gov.local.healthcheck.metrics.store.StateChange;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies one submission event: compute (pure), store (one transaction), then publish when the authority's
 * indicators changed, or re-publish when the event was already processed (a crash may have come between the commit
 * and the publication). The returned {@link Uni} completes only after the outgoing record is acknowledged. The
 * live consumer and the rebuild both go through here.
 */
@ApplicationScoped
public class SubmissionHandler {

    private static final Logger LOG = Logger.getLogger(SubmissionHandler.class);
    static final String THREE_WORDS = "culture.three_words";
    static final int MAX_WORD_LENGTH = 200;

    private static final Set<String> LIKERT_QUESTIONS = Set.copyOf(InstrumentCatalog
            .require(IndicatorDictionary.PRACTITIONER_SURVEY).ofType("likert").stream().map(Question::id).toList());
    private static final Set<String> LIKERT_OPTIONS = Set.copyOf(InstrumentCatalog
            .require(IndicatorDictionary.PRACTITIONER_SURVEY).ofType("likert").get(0).options());

    @Inject
    IndicatorCalculator calculator;

    @Inject
    IndicatorStateStore store;

    @Inject
    PractitionerStore practitioners;

    @Inject
    IndicatorsPublisher publisher;

    /**
     * Computes the change an event asks for. Runs before any I/O so that a contract-breaking answer is found once and
     * the record skipped, rather than failing a transaction again and again.
     */
    public Change changeFor(SubmissionEvent event) {
        if (event instanceof SubmissionEvent.Accepted a) {
            return new StateChange(a.eventId(), a.type(), a.roundId(), a.authorityCode(), a.instrument(),
                    a.instrumentVersion(), a.period(), a.revision(), false, indicatorsOf(a),
                    TabulatedAnswers.consent(a.instrument(), a.answers()),
                    TabulatedAnswers.of(a.instrument(), a.instrumentVersion(), a.answers()));
        }
        if (event instanceof SubmissionEvent.Response r) {
            return responseChange(r);
        }
        var w = (SubmissionEvent.Withdrawn) event;
        return new StateChange(w.eventId(), w.type(), w.roundId(), w.authorityCode(), w.instrument(),
                w.instrumentVersion(), w.period(), w.revision(), true, List.of(), null, Map.of());
    }

    public Uni<Void> handle(Change change) {
        return handle(change, true);
    }

    /** @param publish false during a rebuild, which publishes every final state once at its end */
    public Uni<Void> handle(Change change, boolean publish) {
        if (change instanceof ResponseChange r) {
            return practitioners.apply(r).flatMap(result -> afterResponse(r, result, publish));
        }
        StateChange s = (StateChange) change;
        return store.apply(s).flatMap(result -> afterStore(s, result, publish));
    }

    private Uni<Void> afterResponse(ResponseChange change, ApplyResult result, boolean publish) {
        if (result.kind() == ApplyResult.Kind.DUPLICATE) {
            LOG.infof("Response %s of %s in %s already counted: re-publishing the current state", change.responseId(),
                    change.authorityCode(), change.roundId());
            return publish
                    ? store.read(change.roundId(), change.authorityCode())
                            .flatMap(s -> s.map(publisher::publish).orElseGet(() -> Uni.createFrom().voidItem()))
                    : Uni.createFrom().voidItem();
        }
        return publish ? publisher.publish(result.current().orElseThrow()) : Uni.createFrom().voidItem();
    }

    private Uni<Void> afterStore(StateChange change, ApplyResult result, boolean publish) {
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
                if (!publish) {
                    return Uni.createFrom().voidItem();
                }
                return result.current().filter(s -> IndicatorDictionary.hasIndicators(s.instrument()))
                        .map(publisher::publish)
                        .orElseGet(() -> Uni.createFrom().voidItem());
            }
            default -> {
                AuthorityState state = result.current().orElseThrow();
                if (!IndicatorDictionary.hasIndicators(state.instrument())) {
                    LOG.infof("Recorded %s: instrument %s has no indicators, nothing published", what,
                            state.instrument());
                    return Uni.createFrom().voidItem();
                }
                LOG.debugf("Applied %s", what);
                return publish ? publisher.publish(state) : Uni.createFrom().voidItem();
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

    /** The likert choices and normalised words of a response; anything else in it is not kept. */
    static ResponseChange responseChange(SubmissionEvent.Response r) {
        if (!IndicatorDictionary.PRACTITIONER_SURVEY.equals(r.instrument())) {
            throw new InvalidEventException("event " + r.eventId() + ": a response of instrument " + r.instrument()
                    + "; only practitioner-survey collects responses");
        }
        Map<String, String> choices = new HashMap<>();
        for (String q : LIKERT_QUESTIONS) {
            Object v = r.answers().get(q);
            if (v == null) {
                continue;
            }
            if (!(v instanceof String option) || !LIKERT_OPTIONS.contains(option)) {
                throw new InvalidEventException("event " + r.eventId() + ": " + q + " is not one of " + LIKERT_OPTIONS);
            }
            choices.put(q, option);
        }
        return new ResponseChange(r.eventId(), r.roundId(), r.authorityCode(), r.instrument(), r.instrumentVersion(),
                r.period(), r.responseId(), choices, words(r.eventId(), r.answers().get(THREE_WORDS)));
    }

    /** Lower-cased, trimmed, inner white space collapsed; each word once per response. */
    static List<String> words(String eventId, Object answer) {
        if (answer == null) {
            return List.of();
        }
        if (!(answer instanceof Collection<?> items)) {
            throw new InvalidEventException("event " + eventId + ": " + THREE_WORDS + " is not a list");
        }
        Set<String> words = new LinkedHashSet<>();
        for (Object item : items) {
            if (item == null) {
                continue;
            }
            String w = item.toString().trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (w.length() > MAX_WORD_LENGTH) {
                w = w.substring(0, MAX_WORD_LENGTH);
            }
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return List.copyOf(words);
    }
}
