package uk.gov.local.healthcheck.metrics.intake;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.events.IndicatorValue;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorCalculator;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;
import uk.gov.local.healthcheck.metrics.indicators.InvalidAnswerException;
import uk.gov.local.healthcheck.metrics.indicators.TabulatedAnswers;
import uk.gov.local.healthcheck.metrics.instruments.InstrumentCatalog;
import uk.gov.local.healthcheck.metrics.instruments.Question;
import uk.gov.local.healthcheck.metrics.publication.IndicatorsPublisher;
import uk.gov.local.healthcheck.metrics.store.BatchResult;
import uk.gov.local.healthcheck.metrics.store.BatchStore;
import uk.gov.local.healthcheck.metrics.store.Change;
import uk.gov.local.healthcheck.metrics.store.ResponseChange;
import uk.gov.local.healthcheck.metrics.store.StateChange;
import uk.gov.local.healthcheck.metrics.store.StateKey;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies submission events in batches: compute each event (pure, {@link #changeFor}), store the batch (one
 * transaction, {@link BatchStore}), then publish the current state of each (round, authority) the batch changed, or
 * re-publish it when an event was already processed (a crash may have come between the commit and the
 * publication). The live consumer and the rebuild both go through here.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class SubmissionHandler {

    private static final Logger LOG = Logger.getLogger(SubmissionHandler.class);
    static final String THREE_WORDS = "culture.three_words";
    static final int MAX_WORD_LENGTH = 200;

    private static final Set<String> LIKERT_QUESTIONS = Set.copyOf(InstrumentCatalog
            .require(IndicatorDictionary.PRACTITIONER_SURVEY).ofType("likert").stream().map(Question::id).toList());
    private static final Set<String> LIKERT_OPTIONS = Set.copyOf(InstrumentCatalog
            .require(IndicatorDictionary.PRACTITIONER_SURVEY).ofType("likert").get(0).options());

    private final IndicatorCalculator calculator;
    private final BatchStore store;
    private final IndicatorsPublisher publisher;

    /**
     * The change a record asks for, or empty when there is none (a type metrics-service does not consume).
     *
     * @throws InvalidEventException when the record can never be processed (unreadable, breaking the contract): the
     *                               caller sets it aside as a dead letter
     */
    public Optional<Change> changeOf(String payload) {
        return SubmissionEventParser.parse(payload).map(this::changeFor);
    }

    /**
     * As {@link #changeOf(String)}, but a record that can never be processed is logged and left out (empty). For
     * tests and tools only: the consumer and the rebuild dead-letter such records instead.
     */
    public Optional<Change> changeOf(String payload, String where) {
        try {
            return changeOf(payload);
        } catch (InvalidEventException e) {
            LOG.errorf("Skipping unprocessable record %s: %s", where, e.getMessage());
            return Optional.empty();
        }
    }

    /** The dead letter's {@code errorType} of a record {@link #changeOf(String)} refused. */
    public static String errorTypeOf(InvalidEventException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.startsWith("not a JSON event") || m.startsWith("unreadable") || m.startsWith("empty record value")
                || m.startsWith("event has no type")
                ? uk.gov.local.healthcheck.events.DeadLetter.UNDECODABLE
                : uk.gov.local.healthcheck.events.DeadLetter.INVALID;
    }

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

    /**
     * Applies a batch (one transaction), then publishes one event per (round, authority) it changed or that a
     * duplicate asked to re-publish, all at once. The returned {@link Uni} completes only when the broker has
     * acknowledged every one of them, so the caller may then acknowledge the incoming records.
     */
    public Uni<BatchResult> handle(List<Change> changes) {
        return handle(changes, Map.of());
    }

    /**
     * As {@link #handle(List)}; each publication carries as its {@code traceparent} header the one of the last
     * submission of the batch that concerned its (round, authority), if it had one.
     */
    public Uni<BatchResult> handle(List<Change> changes, Map<StateKey, String> traceparents) {
        return store.apply(changes, true).call(result -> {
            log(result);
            if (result.toPublish().isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return Uni.join().all(result.toPublish().stream().map(state -> publisher.publish(state,
                            traceparents.get(new StateKey(state.roundId(), state.authorityCode())))).toList())
                    .andFailFast().replaceWithVoid();
        });
    }

    /** Applies a batch without publishing: the rebuild publishes every final state once at its end. */
    public Uni<BatchResult> apply(List<Change> changes) {
        return store.apply(changes, false);
    }

    /** Applies a batch without publishing to the tables of {@code schema} (a rebuild's shadow schema). */
    public Uni<BatchResult> apply(List<Change> changes, String schema) {
        return store.apply(changes, false, schema);
    }

    private static void log(BatchResult result) {
        if (result.stale() > 0 || result.duplicates() > 0) {
            LOG.infof("Batch applied: %d events applied, %d stale (a revision at least as high in place), "
                    + "%d already processed; %d states published", result.applied(), result.stale(),
                    result.duplicates(), result.toPublish().size());
        } else {
            LOG.debugf("Batch applied: %d events; %d states published", result.applied(), result.toPublish().size());
        }
    }

    private List<IndicatorValue> indicatorsOf(SubmissionEvent.Accepted a) {
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
