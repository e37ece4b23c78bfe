package uk.gov.local.healthcheck.survey.intake;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.events.ReturnAccepted;
import uk.gov.local.healthcheck.events.ReturnWithdrawn;
import uk.gov.local.healthcheck.events.Topics;
import uk.gov.local.healthcheck.survey.admission.Admission;
import uk.gov.local.healthcheck.survey.audit.AuditNote;
import uk.gov.local.healthcheck.reference.instruments.Instrument;
import uk.gov.local.healthcheck.survey.outbox.OutboxWriter;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.survey.reference.Authority;
import uk.gov.local.healthcheck.survey.rounds.Round;
import uk.gov.local.healthcheck.survey.rounds.RoundService;
import uk.gov.local.healthcheck.survey.access.AccessPolicy;
import uk.gov.local.healthcheck.survey.storage.AnswersJson;
import uk.gov.local.healthcheck.survey.validation.AnswerValidator;
import uk.gov.local.healthcheck.survey.validation.ValidationResult;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Accepts councils' returns. A new revision and, for a submitted return, its outbox event are written in one
 * transaction: the return is accepted if and only if its event will be published. Kafka is never waited on here.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class ReturnService {

    private final Admission admission;
    private final AnswerValidator validator;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final AuditNote audit;

    public Uni<ReturnView> put(String roundId, String authorityCode, ReturnSubmission submission, AccessPolicy access) {
        access.requireMaySubmitFor(authorityCode);
        Authority authority = admission.knownAuthority(authorityCode);
        return Panache.withTransaction(() -> RoundService.require(roundId).flatMap(round -> {
            admission.requireOpen(round);
            admission.requireUnit(round, true);
            admission.requireExisted(authority, round);
            Instrument instrument = admission.instrumentOf(round);
            ValidationResult result = validator.validate(instrument, submission.answers(), submission.explanations(), submission.isSubmitted());
            if (!result.isValid()) {
                throw ProblemException.invalid("The return has " + result.violations().size() + " problem(s); nothing was stored",
                        result.violations());
            }
            String hash = AnswersJson.contentHash(submission.status(), result.answers(), result.explanations());
            return current(roundId, authorityCode).flatMap(current -> {
                if (current != null && hash.equals(current.contentHash)) {
                    audit.detail("unchanged: same as revision " + current.revision);
                    return Uni.createFrom().item(view(current, authority, result.missing()));   // same body again: no-op
                }
                ReturnRevision revision = newRevision(round, authorityCode, current, submission.status(), access);
                revision.answers = AnswersJson.write(result.answers());
                revision.explanations = AnswersJson.write(result.explanations());
                revision.contentHash = hash;
                Uni<?> announce = submission.isSubmitted()
                        ? outbox.append(Topics.SUBMISSIONS, authorityCode, ReturnAccepted.TYPE, subject(round, authorityCode),
                        revision.createdAt, new ReturnAccepted(round.id, round.instrument, round.instrumentVersion, round.period,
                                authorityCode, revision.revision, revision.createdAt, result.answers()))
                        : Uni.createFrom().voidItem();
                audit.detail("revision " + revision.revision + ", " + revision.status);
                return revision.persist().chain(() -> announce).map(x -> view(revision, authority, result.missing()));
            });
        })).invoke(committed -> outbox.committed());
    }

    /** Withdraws the return: a new revision marks it withdrawn and downstream services drop its figures. */
    public Uni<ReturnView> withdraw(String roundId, String authorityCode, AccessPolicy access) {
        access.requireMaySubmitFor(authorityCode);
        Authority authority = admission.knownAuthority(authorityCode);
        return Panache.withTransaction(() -> RoundService.require(roundId).flatMap(round -> {
            if (!access.mayActOutsideTheRoundsDates()) {
                admission.requireOpen(round);
            }
            return current(roundId, authorityCode).flatMap(current -> {
                if (current == null || ReturnRevision.WITHDRAWN.equals(current.status)) {
                    throw ProblemException.notFound(ProblemTypes.NO_RETURN, "No return", authority.name() + " has no return in round " + roundId + " to withdraw");
                }
                ReturnRevision revision = newRevision(round, authorityCode, current, ReturnRevision.WITHDRAWN, access);
                audit.detail("revision " + revision.revision + ", withdrawn");
                revision.answers = "{}";
                revision.explanations = "{}";
                revision.contentHash = AnswersJson.contentHash(ReturnRevision.WITHDRAWN, Map.of(), Map.of());
                return revision.persist()
                        .chain(() -> outbox.append(Topics.SUBMISSIONS, authorityCode, ReturnWithdrawn.TYPE, subject(round, authorityCode),
                                revision.createdAt, new ReturnWithdrawn(round.id, round.instrument, round.instrumentVersion,
                                        round.period, authorityCode, revision.revision, revision.createdAt)))
                        .map(x -> view(revision, authority, List.of()));
            });
        })).invoke(committed -> outbox.committed());
    }

    public Uni<ReturnView> current(String roundId, String authorityCode, AccessPolicy access) {
        Authority authority = admission.knownAuthority(authorityCode);
        access.requireMayRead(authority);
        return Panache.withSession(() -> RoundService.require(roundId).flatMap(round -> current(roundId, authorityCode).map(current -> {
            if (current == null) {
                throw ProblemException.notFound(ProblemTypes.NO_RETURN, "No return", authority.name() + " has no return in round " + roundId);
            }
            return view(current, authority, missingOf(round, current));
        })));
    }

    public Uni<List<ReturnView>> revisions(String roundId, String authorityCode, AccessPolicy access) {
        Authority authority = admission.knownAuthority(authorityCode);
        access.requireMayRead(authority);
        return Panache.withSession(() -> RoundService.require(roundId).flatMap(round -> ReturnRevision
                .<ReturnRevision>list("roundId = ?1 and authorityCode = ?2 order by revision", roundId, authorityCode)
                .map(all -> all.stream().map(r -> view(r, authority, missingOf(round, r))).toList())));
    }

    private List<String> missingOf(Round round, ReturnRevision revision) {
        if (ReturnRevision.WITHDRAWN.equals(revision.status)) {
            return List.of();
        }
        var answers = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(AnswersJson.read(revision.answers));
        return validator.validate(admission.instrumentOf(round), answers, null, false).missing();
    }

    private static Uni<ReturnRevision> current(String roundId, String authorityCode) {
        return ReturnRevision.<ReturnRevision>find("roundId = ?1 and authorityCode = ?2 order by revision desc", roundId, authorityCode)
                .firstResult();
    }

    private ReturnRevision newRevision(Round round, String authorityCode, ReturnRevision current, String status, AccessPolicy access) {
        ReturnRevision revision = new ReturnRevision();
        revision.roundId = round.id;
        revision.authorityCode = authorityCode;
        revision.revision = current == null ? 1 : current.revision + 1;
        revision.status = status;
        revision.createdAt = OffsetDateTime.now(clock);
        revision.createdBy = access.caller().subject();
        return revision;
    }

    private static String subject(Round round, String authorityCode) {
        return "rounds/" + round.id + "/returns/" + authorityCode;
    }

    private static ReturnView view(ReturnRevision r, Authority authority, List<String> missing) {
        return new ReturnView(r.roundId, r.authorityCode, authority.name(), r.status, r.revision, AnswersJson.read(r.answers),
                AnswersJson.read(r.explanations), missing, r.createdAt);
    }
}
