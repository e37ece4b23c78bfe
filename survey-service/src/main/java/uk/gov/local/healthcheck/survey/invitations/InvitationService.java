package uk.gov.local.healthcheck.survey.invitations;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.local.healthcheck.survey.admission.Admission;
import uk.gov.local.healthcheck.survey.audit.AuditNote;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.survey.reference.Authority;
import uk.gov.local.healthcheck.survey.rounds.RecentRounds;
import uk.gov.local.healthcheck.survey.rounds.RoundCalendar;
import uk.gov.local.healthcheck.survey.access.AccessPolicy;
import uk.gov.local.healthcheck.survey.validation.Violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations to the anonymous practitioner survey: a council (or the LGA) creates one for its authority and passes
 * its link on, lists its invitations and revokes one. What the portal does with a link's code is
 * {@link InvitedResponses}'. A code is shown once, when created, and only its SHA-256 is stored.
 */
@ApplicationScoped
public class InvitationService {

    private final InvitationStore store;
    private final RecentRounds rounds;
    private final Admission admission;
    private final RoundCalendar calendar;
    private final AuditNote audit;
    private final int maxResponses;
    private final String portalBaseUrl;

    public InvitationService(InvitationStore store, RecentRounds rounds, Admission admission, RoundCalendar calendar,
                             AuditNote audit, @ConfigProperty(name = "survey.invitations.max-responses") int maxResponses,
                             @ConfigProperty(name = "survey.portal.base-url") String portalBaseUrl) {
        this.store = store;
        this.rounds = rounds;
        this.admission = admission;
        this.calendar = calendar;
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
            return InvitationView.of(i, admission.nameOf(i.authorityCode()), calendar.today());
        });
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
