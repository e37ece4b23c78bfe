package uk.gov.local.healthcheck.survey.invitations;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.local.healthcheck.survey.admission.Admission;
import uk.gov.local.healthcheck.survey.audit.AuditNote;
import uk.gov.local.healthcheck.survey.outbox.OutboxWriter;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.survey.reference.Authority;
import uk.gov.local.healthcheck.survey.responses.ResponseService;
import uk.gov.local.healthcheck.survey.responses.ResponseService.Checked;
import uk.gov.local.healthcheck.survey.responses.ResponseService.Outcome;
import uk.gov.local.healthcheck.survey.rounds.RecentRounds;
import uk.gov.local.healthcheck.survey.rounds.Round;
import uk.gov.local.healthcheck.survey.rounds.RoundCalendar;
import uk.gov.local.healthcheck.survey.access.AccessPolicy;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations to the anonymous practitioner survey. A council (or the LGA) creates one for its authority and passes
 * its link on; the portal, with the survey-relay role and nothing else, resolves the link's code and passes on each
 * practitioner's answers. A code is only ever compared by its SHA-256 and never written anywhere, and nothing about
 * the person answering reaches this service: the portal calls it, not the person.
 */
@ApplicationScoped
public class InvitationService {

    private final InvitationStore store;
    private final RecentRounds rounds;
    private final Admission admission;
    private final RoundCalendar calendar;
    private final ResponseService responses;
    private final Pool pool;
    private final OutboxWriter outbox;
    private final AuditNote audit;
    private final int maxResponses;
    private final String portalBaseUrl;

    public InvitationService(InvitationStore store, RecentRounds rounds, Admission admission, RoundCalendar calendar,
                             ResponseService responses, Pool pool, OutboxWriter outbox, AuditNote audit,
                             @ConfigProperty(name = "survey.invitations.max-responses") int maxResponses,
                             @ConfigProperty(name = "survey.portal.base-url") String portalBaseUrl) {
        this.store = store;
        this.rounds = rounds;
        this.admission = admission;
        this.calendar = calendar;
        this.responses = responses;
        this.pool = pool;
        this.outbox = outbox;
        this.audit = audit;
        this.maxResponses = maxResponses;
        this.portalBaseUrl = portalBaseUrl.endsWith("/") ? portalBaseUrl.substring(0, portalBaseUrl.length() - 1) : portalBaseUrl;
    }

    public Uni<CreatedInvitation> create(String roundId, JsonNode body, AccessPolicy access) {
        List<Violation> violations = new ArrayList<>();
        InvitationRequests.Create request = InvitationRequests.create(body, maxResponses, calendar.today(), violations);
        if (request.authorityCode() != null) {
            audit.authority(request.authorityCode());
            access.requireMaySubmitFor(request.authorityCode());
        }
        return rounds.find(roundId).flatMap(round -> {
            admission.requireUnit(round, false);
            Authority authority = null;
            if (request.authorityCode() != null) {
                Optional<Authority> found = admission.find(request.authorityCode());
                if (found.isEmpty()) {
                    violations.add(new Violation("authorityCode", "unknown", Admission.unknownAuthority(request.authorityCode())));
                } else {
                    authority = found.get();
                    admission.existenceViolation(authority, round, "authorityCode").ifPresent(violations::add);
                }
            }
            if (!violations.isEmpty()) {
                throw ProblemException.invalid("The invitation has " + violations.size() + " problem(s); nothing was stored", violations);
            }
            String name = authority.name();
            String code = InvitationCodes.newCode();
            UUID id = UUID.randomUUID();
            return store.insert(id, roundId, request.authorityCode(), InvitationCodes.sha256(code), request.expiresOn(),
                    request.maxResponses(), calendar.now(), access.caller().subject()).map(i -> {
                        // The trail names the invitation, never its code.
                        audit.detail("invitation " + i.id() + ", expires " + i.expiresOn() + ", at most " + i.maxResponses() + " responses");
                        return new CreatedInvitation(i.id(), code, portalBaseUrl + "/survey/" + code, i.roundId(), i.authorityCode(),
                                name, i.expiresOn(), i.maxResponses(), i.responses(), i.status(calendar.today()), i.createdAt());
                    });
        });
    }

    /** The round's invitations the caller may read (the LGA all, a council its own, an RIA its region's). */
    public Uni<List<InvitationView>> list(String roundId, String authorityCode, AccessPolicy access) {
        if (authorityCode != null) {
            access.requireMayRead(admission.knownAuthority(authorityCode));
        }
        LocalDate today = calendar.today();
        return rounds.find(roundId).flatMap(round -> store.inRound(roundId)).map(all -> all.stream()
                .filter(i -> authorityCode == null || authorityCode.equals(i.authorityCode()))
                .flatMap(i -> admission.find(i.authorityCode()).filter(access::mayRead).stream()
                        .map(a -> InvitationView.of(i, a.name(), today)))
                .toList());
    }

    /** Revokes an invitation: its link takes nothing more. Revoking one already revoked changes nothing. */
    public Uni<InvitationView> revoke(String roundId, String id, AccessPolicy access) {
        return rounds.find(roundId).flatMap(round -> store.find(roundId, uuid(id))).flatMap(found -> {
            Invitation invitation = found.orElseThrow(() -> unknownInvitation(id, roundId));
            audit.authority(invitation.authorityCode());
            access.requireMaySubmitFor(invitation.authorityCode());
            return store.revoke(roundId, invitation.id(), calendar.now());
        }).map(revoked -> {
            Invitation i = revoked.orElseThrow(() -> unknownInvitation(id, roundId));   // rows are never deleted
            audit.detail("invitation " + i.id() + " revoked at " + i.revokedAt());
            return InvitationView.of(i, authorityName(i), calendar.today());
        });
    }

    /** What the portal shows for a code that can take a response now; 404, 410 or 409 saying why it cannot. */
    public Uni<ResolvedInvitation> resolve(JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        String code = InvitationRequests.code(body, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The request has " + violations.size() + " problem(s)", violations);
        }
        return store.byCode(InvitationCodes.sha256(code)).flatMap(found -> {
            Invitation invitation = found.orElseThrow(InvitationService::unknownCode);
            audit.authority(invitation.authorityCode());
            audit.detail("invitation " + invitation.id());
            requireUsable(invitation);
            return rounds.find(invitation.roundId()).map(round -> {
                calendar.requireAccepting(round);
                return new ResolvedInvitation(invitation.id(), round.id, round.title, round.instrument, round.instrumentVersion,
                        invitation.authorityCode(), authorityName(invitation), round.opensOn, round.closesOn,
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
            Invitation invitation = found.orElseThrow(InvitationService::unknownCode);
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
                            requireUsable(locked.orElseThrow(InvitationService::unknownCode));
                            calendar.requireAccepting(round);
                            return responses.storeWithin(tx, round, checked).flatMap(outcome -> outcome.created()
                                    ? store.countOne(tx, invitation.id()).replaceWith(outcome)
                                    : Uni.createFrom().item(outcome));
                        })));
            });
        }).invoke(committed -> outbox.committed());
    }

    private void requireUsable(Invitation invitation) {
        String name = authorityName(invitation);
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

    private String authorityName(Invitation invitation) {
        return admission.find(invitation.authorityCode()).map(Authority::name).orElse(invitation.authorityCode());
    }

    /** The code is never repeated back: it is a secret, and answers reach logs more easily than requests. */
    private static ProblemException unknownCode() {
        return ProblemException.notFound(ProblemTypes.UNKNOWN_INVITATION, "Unknown invitation",
                "No invitation has this code; check the link is complete");
    }

    private static ProblemException unknownInvitation(String id, String roundId) {
        return ProblemException.notFound(ProblemTypes.UNKNOWN_INVITATION, "Unknown invitation", "Round " + roundId + " has no invitation " + id);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(ProblemTypes.UNKNOWN_INVITATION, "Unknown invitation", "No invitation has the id " + id);
        }
    }
}
