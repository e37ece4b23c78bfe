package uk.gov.local.healthcheck.survey.invitations;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.local.healthcheck.survey.audit.Audited;
import uk.gov.local.healthcheck.api.access.Roles;
import uk.gov.local.healthcheck.survey.web.BodyLimits;
import uk.gov.local.healthcheck.survey.web.RequestJson;

/**
 * The portal's two calls, for the survey-relay role only. The invitation code travels in the body, never in the URL:
 * paths reach access logs, metrics' labels and the audit trail, and a code is as good as a password to the survey.
 */
@Path("/api/v1/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Invitations (portal)", description = "For the portal's service account (role survey-relay) only")
@RolesAllowed(Roles.SURVEY_RELAY)
@RequiredArgsConstructor
public class RelayResource {

    private final InvitedResponses invitations;
    private final BodyLimits limits;

    @POST
    @Path("resolve")
    @Audited("invitation.resolve")
    @Operation(summary = "What an invitation code is for, if it can take a response now (survey-relay only)",
            description = "Audited like a write (action invitation.resolve, with the authority once the code is known), so "
                    + "that attempts with codes that are not ones show in the trail; the code itself never does.")
    @RequestBody(description = "{\"code\":\"…\"}")
    @APIResponse(responseCode = "200", description = "invitationId, roundId, roundTitle, instrument, version, authorityCode, "
            + "authorityName, opensOn, closesOn, expiresOn, status (active)")
    @APIResponse(responseCode = "404", description = "No invitation has this code (unknown-invitation)")
    @APIResponse(responseCode = "409", description = "The round takes no submissions now (round-closed, round-not-yet-open)")
    @APIResponse(responseCode = "410", description = "invitation-revoked, invitation-expired or invitation-full")
    public Uni<ResolvedInvitation> resolveInvitation(byte[] body) {
        return invitations.resolve(RequestJson.parse(body, limits.maxDocument()));
    }

    @POST
    @Path("responses")
    @Audited("response.invited")
    @Operation(summary = "Store a practitioner's response through an invitation (survey-relay only)",
            description = "Stored as POST /rounds/{round}/responses stores one (same validation, event and idempotency by "
                    + "responseId), for the invitation's authority: an authorityCode in the body is refused. The same "
                    + "responseId with the same answers again answers 200 and is counted once; with other answers 409.")
    @RequestBody(description = "{\"code\":\"…\",\"responseId\":\"<uuid chosen when the person starts>\",\"answers\":{…}}")
    @APIResponse(responseCode = "201", description = "Stored")
    @APIResponse(responseCode = "200", description = "Already stored with the same answers")
    @APIResponse(responseCode = "404", description = "No invitation has this code (unknown-invitation)")
    @APIResponse(responseCode = "409", description = "round-closed, round-not-yet-open, or response-id-reused")
    @APIResponse(responseCode = "410", description = "invitation-revoked, invitation-expired or invitation-full")
    @APIResponse(responseCode = "422", description = "Invalid fields, each named in errors")
    public Uni<Response> submitInvitedResponse(byte[] body) {
        return invitations.respond(RequestJson.parse(body, limits.maxDocument()))
                .map(outcome -> Response.status(outcome.created() ? 201 : 200).entity(outcome.response()).build());
    }
}
