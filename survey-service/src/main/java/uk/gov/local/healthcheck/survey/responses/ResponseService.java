package uk.gov.local.healthcheck.survey.responses;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.local.healthcheck.survey.admission.Admission;
import uk.gov.local.healthcheck.survey.audit.AuditNote;
import uk.gov.local.healthcheck.reference.instruments.Instrument;
import uk.gov.local.healthcheck.survey.observability.Traceparent;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.survey.reference.Authority;
import uk.gov.local.healthcheck.survey.responses.ResponseBatchWriter.Accepted;
import uk.gov.local.healthcheck.survey.rounds.Round;
import uk.gov.local.healthcheck.survey.rounds.RecentRounds;
import uk.gov.local.healthcheck.survey.access.AccessPolicy;
import uk.gov.local.healthcheck.survey.storage.AnswersJson;
import uk.gov.local.healthcheck.survey.validation.AnswerValidator;
import uk.gov.local.healthcheck.survey.validation.ValidationResult;
import uk.gov.local.healthcheck.survey.validation.Violation;
import uk.gov.local.healthcheck.survey.web.RequestJson;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accepts anonymous practitioner responses, one at a time or in NDJSON batches. A response is stored once per
 * {@code responseId}: the same id with the same answers is a harmless repeat, with other answers a conflict.
 * A response and its outbox event are always written in the same transaction: a batch's lines in one transaction
 * for the batch ({@link ResponseBatchWriter}), single responses arriving together in one transaction for the group
 * ({@link SingleResponseWriter}).
 */
@ApplicationScoped
public class ResponseService {

    private static final String STORED_ONE = "select authority_code, answers, received_at, content_hash from practitioner_response"
            + " where round_id = $1 and response_id = $2";

    private final Admission admission;
    private final AnswerValidator validator;
    private final Clock clock;
    private final int maxLines;
    private final AuditNote audit;
    private final ResponseBatchWriter batches;
    private final SingleResponseWriter singles;
    private final RecentRounds rounds;
    private final Pool pool;

    public ResponseService(Admission admission, AnswerValidator validator, Clock clock,
                           @ConfigProperty(name = "survey.responses.batch.max-lines") int maxLines, AuditNote audit,
                           ResponseBatchWriter batches, SingleResponseWriter singles, RecentRounds rounds, Pool pool) {
        this.pool = pool;
        this.audit = audit;
        this.rounds = rounds;
        this.singles = singles;
        this.batches = batches;
        this.admission = admission;
        this.validator = validator;
        this.clock = clock;
        this.maxLines = maxLines;
    }

    /** The outcome of a single submission: the stored response, and whether it is new. */
    public record Outcome(ResponseView response, boolean created) {
    }

    public Uni<Outcome> submit(String roundId, JsonNode body, AccessPolicy access) {
        List<Violation> violations = new ArrayList<>();
        ResponseSubmission submission = ResponseSubmission.read(body, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The response has " + violations.size() + " problem(s); nothing was stored", violations);
        }
        audit.authority(submission.authorityCode());
        access.requireMaySubmitFor(submission.authorityCode());
        Authority authority = admission.knownAuthority(submission.authorityCode());
        // The round is read and the response checked outside any transaction; the writer stores it together with
        // other responses arriving meanwhile, re-checking there that the round is still open.
        return openRespondentRound(roundId).flatMap(round -> {
            admission.requireExisted(authority, round);
            ValidationResult result = validator.validate(admission.instrumentOf(round), submission.answers(), null, true);
            if (!result.isValid()) {
                throw ProblemException.invalid("The response has " + result.violations().size() + " problem(s); nothing was stored",
                        result.violations());
            }
            Accepted accepted = new Accepted(submission, result.answers(), hash(submission, result), Traceparent.current());
            return singles.write(round, accepted).flatMap(stored -> switch (stored.result().status()) {
                case LineResult.ACCEPTED -> Uni.createFrom().item(new Outcome(new ResponseView(roundId, submission.responseId(),
                        submission.authorityCode(), accepted.answers(), stored.receivedAt()), true));
                case LineResult.DUPLICATE -> {
                    audit.detail("repeat of a stored response");
                    // Responses are written with SQL (set-based), so they are read back the same way.
                    yield stored(pool, roundId, submission.responseId())
                            .map(existing -> new Outcome(existing.orElseThrow().view(), false));
                }
                default -> throw reused(roundId, submission.responseId());
            });
        });
    }

    /**
     * A response checked for its round (fields, answers, content hash) and ready to store: what {@link #check} makes
     * of a response that came by another route than the body of {@code POST .../responses}, e.g. an invitation.
     */
    public static final class Checked {
        private final Accepted accepted;

        private Checked(Accepted accepted) {
            this.accepted = accepted;
        }

        public String authorityCode() {
            return accepted.submission().authorityCode();
        }
    }

    /**
     * Checks a response exactly as {@link #submit} does (the same validation, normalisation and content hash), for
     * an authority the caller has already established: a 422 naming each field otherwise.
     */
    public Checked check(Round round, String responseId, String authorityCode, JsonNode answers) {
        admission.requireUnit(round, false);
        ResponseSubmission submission = new ResponseSubmission(responseId, authorityCode, answers);
        ValidationResult result = validator.validate(admission.instrumentOf(round), answers, null, true);
        if (!result.isValid()) {
            throw ProblemException.invalid("The response has " + result.violations().size() + " problem(s); nothing was stored",
                    result.violations());
        }
        return new Checked(new Accepted(submission, result.answers(), hash(submission, result), Traceparent.current()));
    }

    /**
     * What is already stored under the response's id in the round, read through {@code client}: empty when nothing
     * is, a repeat (not created) when the same answers are, a 409 {@code response-id-reused} when others are.
     */
    public Uni<Optional<Outcome>> repeatOf(SqlClient client, Round round, Checked checked) {
        String responseId = checked.accepted.submission().responseId();
        return stored(client, round.id, responseId).map(found -> found.map(existing -> {
            if (!checked.accepted.hash().equals(existing.contentHash())) {
                throw reused(round.id, responseId);
            }
            return new Outcome(existing.view(), false);
        }));
    }

    /** A response as stored, with the content hash a resubmission is compared by. */
    private record StoredResponse(ResponseView view, String contentHash) {
    }

    /** The response stored under {@code responseId} in the round, if any, read through {@code client}. */
    private static Uni<Optional<StoredResponse>> stored(SqlClient client, String roundId, String responseId) {
        return client.preparedQuery(STORED_ONE).execute(Tuple.of(roundId, responseId)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new StoredResponse(new ResponseView(roundId, responseId, row.getString(0),
                    AnswersJson.read(row.getString(1)), row.getOffsetDateTime(2)), row.getString(3)));
        });
    }

    /**
     * Stores a checked response through {@code tx}, a connection in a transaction the caller commits (and then
     * nudges the outbox relay): with its outbox event, only if the round still takes submissions, once per
     * responseId, as {@link #submit} stores one.
     */
    public Uni<Outcome> storeWithin(SqlClient tx, Round round, Checked checked) {
        Map<Integer, Accepted> candidates = Map.of(0, checked.accepted);
        Map<Integer, LineResult> results = new HashMap<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return batches.store(tx, round, candidates, results, now).flatMap(x -> switch (results.get(0).status()) {
            case LineResult.ACCEPTED -> Uni.createFrom().item(new Outcome(new ResponseView(round.id,
                    checked.accepted.submission().responseId(), checked.authorityCode(), checked.accepted.answers(), now), true));
            // Stored by a concurrent request since repeatOf looked: read it back.
            case LineResult.DUPLICATE -> repeatOf(tx, round, checked).map(Optional::orElseThrow);
            default -> throw reused(round.id, checked.accepted.submission().responseId());
        });
    }

    private static ProblemException reused(String roundId, String responseId) {
        return ProblemException.conflict(ProblemTypes.RESPONSE_ID_REUSED, "Response id already used",
                "Response " + responseId + " was already received in round " + roundId
                        + " with different answers; a response is never changed, send a new responseId");
    }

    /** One result per non-blank line; good lines are kept even when others are rejected. */
    public Uni<BatchResult> submitBatch(String roundId, byte[] body, AccessPolicy access) {
        List<Line> lines = Line.split(body);
        long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
        if (nonBlank == 0) {
            throw ProblemException.badRequest("The batch is empty: send one JSON response per line (NDJSON)",
                    List.of(new Violation("body", "required", "at least one line is required")));
        }
        if (nonBlank > maxLines) {
            throw new ProblemException(413, ProblemTypes.TOO_MANY_LINES, "Batch too large",
                    "The batch has " + nonBlank + " responses; send at most " + maxLines + " per request");
        }
        // The round is read first and the lines checked outside any transaction; the writer stores the good ones in
        // one transaction, re-checking there that the round is still open.
        return openRespondentRound(roundId).flatMap(round -> {
            Instrument instrument = admission.instrumentOf(round);
            String traceparent = Traceparent.current();
            Map<Integer, LineResult> results = new LinkedHashMap<>();
            Map<Integer, Accepted> candidates = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    check(i + 1, lines.get(i), round, instrument, access, traceparent, results, candidates);
                }
            }
            return batches.store(round, candidates, results, OffsetDateTime.now(clock)).map(x -> {
                BatchResult result = BatchResult.of(roundId, results.values().stream()
                        .sorted(java.util.Comparator.comparingInt(LineResult::line)).toList());
                audit.detail("batch of " + result.results().size() + ": " + result.accepted() + " accepted, "
                        + result.duplicates() + " duplicate, " + result.rejected() + " rejected");
                List<String> authorities = candidates.values().stream().map(a -> a.submission().authorityCode()).distinct().toList();
                if (authorities.size() == 1) {
                    audit.authority(authorities.get(0));
                }
                return result;
            });
        });
    }

    private void check(int line, Line text, Round round, Instrument instrument, AccessPolicy access, String traceparent,
                       Map<Integer, LineResult> results, Map<Integer, Accepted> candidates) {
        List<Violation> violations = new ArrayList<>();
        ResponseSubmission submission;
        try {
            // Each line is decoded on its own: bytes that are not UTF-8 reject their line, not the batch.
            submission = ResponseSubmission.read(RequestJson.parse(text.decode()), violations);
        } catch (ProblemException e) {
            results.put(line, LineResult.rejected(line, null, e.toProblem(null).errors().stream()
                    .map(f -> new Violation(f.field(), f.code(), f.message())).toList()));
            return;
        }
        if (submission.authorityCode() != null) {
            authorityViolation(submission.authorityCode(), round, access).ifPresent(violations::add);
        }
        ValidationResult result = validator.validate(instrument, submission.answers(), null, true);
        violations.addAll(result.violations());
        if (!violations.isEmpty()) {
            results.put(line, LineResult.rejected(line, submission.responseId(), violations));
        } else {
            candidates.put(line, new Accepted(submission, result.answers(), hash(submission, result), traceparent));
        }
    }

    private Optional<Violation> authorityViolation(String code, Round round, AccessPolicy access) {
        if (!access.maySubmitFor(code)) {
            return Optional.of(new Violation("authorityCode", "forbidden", "your token may not submit for authority " + code));
        }
        Optional<Authority> authority = admission.find(code);
        if (authority.isEmpty()) {
            return Optional.of(new Violation("authorityCode", "unknown", Admission.unknownAuthority(code)));
        }
        return admission.existenceViolation(authority.get(), round, "authorityCode");
    }

    private Uni<Round> openRespondentRound(String roundId) {
        return rounds.find(roundId).map(round -> {
            admission.requireOpen(round);
            admission.requireUnit(round, false);
            return round;
        });
    }

    private static String hash(ResponseSubmission submission, ValidationResult result) {
        return AnswersJson.contentHash(submission.authorityCode(), result.answers(), Map.of());
    }

    /** One line of an NDJSON body, as bytes: {@code body[from, to)} without its line terminator. */
    record Line(byte[] body, int from, int to) {

        static List<Line> split(byte[] body) {
            List<Line> lines = new ArrayList<>();
            if (body == null) {
                return lines;
            }
            int start = 0;
            for (int i = 0; i <= body.length; i++) {
                if (i == body.length || body[i] == '\n') {
                    int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                    if (i < body.length || end > start) {
                        lines.add(new Line(body, start, end));
                    }
                    start = i + 1;
                }
            }
            return lines;
        }

        boolean isBlank() {
            for (int i = from; i < to; i++) {
                byte b = body[i];
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }

        String decode() {
            return RequestJson.decode(body, from, to, "line");
        }
    }
}
