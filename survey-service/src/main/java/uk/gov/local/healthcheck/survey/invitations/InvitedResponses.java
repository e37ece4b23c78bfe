package uk.gov.local.healthcheck.survey.invitations;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.survey.admission.Admission;
import uk.gov.local.healthcheck.survey.audit.AuditNote;
import uk.gov.local.healthcheck.survey.outbox.OutboxWriter;
import uk.gov.local.healthcheck.survey.responses.ResponseService;
import uk.gov.local.healthcheck.survey.responses.ResponseService.Checked;
import uk.gov.local.healthcheck.survey.responses.ResponseService.Outcome;
import uk.gov.local.healthcheck.survey.rounds.RecentRounds;
import uk.gov.local.healthcheck.survey.rounds.RoundCalendar;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * Practitioners' responses through an invitation: the portal, with the survey-relay role and nothing else, resolves
 * a link's code and passes on each practitioner's answers. A code is only ever compared by its SHA-256 and never
 * written anywhere, and nothing about the person answering reaches this service: the portal calls it, not the person.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class InvitedResponses {

    private final InvitationStore store;
    private final RecentRounds rounds;
    private final Admission admission;
    private final RoundCalendar calendar;
    private final ResponseService responses;
    private final Pool pool;
    private final OutboxWriter outbox;
    private final AuditNote audit;

    /** What the portal shows for a code that can take a response now; 404, 410 or 409 saying why it cannot. */
    public Uni<ResolvedInvitation> resolve(JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        String code = InvitationRequests.code(body, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The request has " + violations.size() + " problem(s)", violations);
        }
        return store.byCode(InvitationCodes.sha256(code)).flatMap(found -> {
            Invitation invitation = found.orElseThrow(InvitedResponses::unknownCode);
            audit.authority(invitation.authorityCode());
            audit.detail("invitation " + invitation.id());
            requireUsable(invitation);
            return rounds.find(invitation.roundId()).map(round -> {
                calendar.requireAccepting(round);
                return new ResolvedInvitation(invitation.id(), round.id, round.title, round.instrument, round.instrumentVersion,
                        invitation.authorityCode(), admission.nameOf(invitation.authorityCode()), round.opensOn, round.closesOn,
                        invitation.expiresOn(), Invitation.ACTIVE);
            });
        });
    }

    /**
     * Stores a practitioner's response through an invitation, as {@code POST .../responses} stores one, for the
     * invitation's authority. The invitation is locked while its count is checked and raised, in the transaction
     * that stores the response, so maxResponses holds however many arrive at once. A repeat of a stored response
     * (same responseId, same answers) is answered 200 and counted once only, even once the invitation is full.
     */
    public Uni<Outcome> respond(JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        InvitationRequests.Invited request = InvitationRequests.invited(body, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The response has " + violations.size() + " problem(s); nothing was stored", violations);
        }
        return store.byCode(InvitationCodes.sha256(request.code())).flatMap(found -> {
            Invitation invitation = found.orElseThrow(InvitedResponses::unknownCode);
            // The authority and the invitation, never the code or anything about the person answering.
            audit.authority(invitation.authorityCode());
            audit.detail("through invitation " + invitation.id());
            return rounds.find(invitation.roundId()).flatMap(round -> {
                Checked checked = responses.check(round, request.responseId(), invitation.authorityCode(), request.answers());
                return pool.withTransaction(tx -> store.lock(tx, invitation.id()).flatMap(locked ->
                        responses.repeatOf(tx, round, checked).flatMap(repeat -> {
                            if (repeat.isPresent()) {
                                audit.detail("through invitation " + invitation.id() + ": repeat of a stored response");
                                return Uni.createFrom().item(repeat.get());
                            }
                            requireUsable(locked.orElseThrow(InvitedResponses::unknownCode));
                            calendar.requireAccepting(round);
                            return responses.storeWithin(tx, round, checked).flatMap(outcome -> outcome.created()
                                    ? store.countOne(tx, invitation.id()).replaceWith(outcome)
                                    : Uni.createFrom().item(outcome));
                        })));
            });
        }).invoke(committed -> outbox.committed());
    }

    private void requireUsable(Invitation invitation) {
        String name = admission.nameOf(invitation.authorityCode());
        switch (invitation.status(calendar.today())) {
            case Invitation.REVOKED -> throw new ProblemException(410, ProblemTypes.INVITATION_REVOKED, "Invitation revoked",
                    "This invitation was withdrawn by " + name + "; ask them for a new link");
            case Invitation.EXPIRED -> throw new ProblemException(410, ProblemTypes.INVITATION_EXPIRED, "Invitation expired",
                    "This invitation expired at the end of " + invitation.expiresOn() + "; ask " + name + " for a new link");
            case Invitation.FULL -> throw new ProblemException(410, ProblemTypes.INVITATION_FULL, "Invitation full",
                    "This invitation has taken the " + invitation.maxResponses() + " responses it was made for; ask " + name + " for a new link");
            default -> {
            }
        }
    }

    /** The code is never repeated back: it is a secret, and answers reach logs more easily than requests. */
    private static ProblemException unknownCode() {
        return ProblemException.notFound(ProblemTypes.UNKNOWN_INVITATION, "Unknown invitation",
                "No invitation has this code; check the link is complete");
    }
}
