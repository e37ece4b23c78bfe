package uk.gov.local.healthcheck.metrics.intake;

import uk.gov.local.healthcheck.events.EventEnvelope;
import uk.gov.local.healthcheck.events.EventJson;
import uk.gov.local.healthcheck.events.ResponseAccepted;
import uk.gov.local.healthcheck.events.ReturnAccepted;
import uk.gov.local.healthcheck.events.ReturnWithdrawn;
import uk.gov.local.healthcheck.metrics.indicators.Answers;
import uk.gov.local.healthcheck.metrics.store.ColumnLimits;

import java.util.Optional;

/**
 * Turns a record value into a {@link SubmissionEvent}, strictly: anything that breaks the contract is an
 * {@link InvalidEventException}, so it is rejected once at the door instead of failing again on every retry.
 */
public final class SubmissionEventParser {

    private SubmissionEventParser() {
    }

    /** The event, or empty for a type metrics-service does not consume (CloudEvents consumers skip those). */
    public static Optional<SubmissionEvent> parse(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty record value");
        }
        String type;
        try {
            type = EventJson.typeOf(json);
        } catch (RuntimeException e) {
            throw new InvalidEventException("not a JSON event: " + e.getMessage(), e);
        }
        if (ReturnAccepted.TYPE.equals(type)) {
            return Optional.of(accepted(read(json, ReturnAccepted.class)));
        }
        if (ReturnWithdrawn.TYPE.equals(type)) {
            return Optional.of(withdrawn(read(json, ReturnWithdrawn.class)));
        }
        if (ResponseAccepted.TYPE.equals(type)) {
            return Optional.of(response(read(json, ResponseAccepted.class)));
        }
        if (type == null || type.isBlank()) {
            throw new InvalidEventException("event has no type");
        }
        return Optional.empty();
    }

    private static SubmissionEvent accepted(EventEnvelope<ReturnAccepted> e) {
        ReturnAccepted d = e.data();
        return new SubmissionEvent.Accepted(e.id(), e.type(), required("data.roundId", d.roundId(), ColumnLimits.ROUND_ID),
                required("data.instrument", d.instrument(), ColumnLimits.INSTRUMENT), d.instrumentVersion(),
                required("data.period", d.period(), ColumnLimits.PERIOD),
                required("data.authorityCode", d.authorityCode(), ColumnLimits.AUTHORITY_CODE), revision(d.revision()), Answers.of(d.answers()));
    }

    private static SubmissionEvent withdrawn(EventEnvelope<ReturnWithdrawn> e) {
        ReturnWithdrawn d = e.data();
        return new SubmissionEvent.Withdrawn(e.id(), e.type(), required("data.roundId", d.roundId(), ColumnLimits.ROUND_ID),
                required("data.instrument", d.instrument(), ColumnLimits.INSTRUMENT), d.instrumentVersion(),
                required("data.period", d.period(), ColumnLimits.PERIOD),
                required("data.authorityCode", d.authorityCode(), ColumnLimits.AUTHORITY_CODE), revision(d.revision()));
    }

    private static SubmissionEvent response(EventEnvelope<ResponseAccepted> e) {
        ResponseAccepted d = e.data();
        return new SubmissionEvent.Response(e.id(), e.type(),
                required("data.roundId", d.roundId(), ColumnLimits.ROUND_ID),
                required("data.instrument", d.instrument(), ColumnLimits.INSTRUMENT), d.instrumentVersion(),
                required("data.period", d.period(), ColumnLimits.PERIOD),
                required("data.authorityCode", d.authorityCode(), ColumnLimits.AUTHORITY_CODE),
                required("data.responseId", d.responseId(), ColumnLimits.EVENT_ID),
                d.answers() == null ? java.util.Map.of() : d.answers());
    }

    private static <T> EventEnvelope<T> read(String json, Class<T> payload) {
        EventEnvelope<T> envelope;
        try {
            envelope = EventJson.read(json, payload);
        } catch (RuntimeException e) {
            throw new InvalidEventException("unreadable " + payload.getSimpleName() + ": " + e.getMessage(), e);
        }
        required("id", envelope.id(), ColumnLimits.EVENT_ID);
        if (envelope.data() == null) {
            throw new InvalidEventException("event " + envelope.id() + " has no data");
        }
        return envelope;
    }

    private static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("event has no " + field);
        }
        if (value.length() > maxLength) {
            throw new InvalidEventException("event's " + field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    private static int revision(int revision) {
        // Revisions start at 1; 0 is what a missing field reads as.
        if (revision < 1) {
            throw new InvalidEventException("event has no valid data.revision: " + revision);
        }
        return revision;
    }
}
