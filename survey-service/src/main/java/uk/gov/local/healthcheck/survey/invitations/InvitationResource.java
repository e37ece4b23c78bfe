package uk.gov.local.healthcheck.survey.invitations;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.local.healthcheck.survey.audit.Audited;
import uk.gov.local.healthcheck.survey.access.AccessPolicy;
import uk.gov.local.healthcheck.api.access.Roles;
import uk.gov.local.healthcheck.survey.web.BodyLimits;
import uk.gov.local.healthcheck.survey.web.RequestJson;

import java.net.URI;
import java.util.List;

@Path("/api/v1/rounds/{roundId}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invitations", description = "Links to the anonymous practitioner survey, one or more per authority")
@RolesAllowed({Roles.LGA_ADMIN, Roles.COUNCIL_SUBMITTER, Roles.COUNCIL_VIEWER, Roles.RIA_ANALYST})
@RequiredArgsConstructor
public class InvitationResource {

    private final InvitationService invitations;
    private final SecurityIdentity identity;
    private final BodyLimits limits;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LGA_ADMIN, Roles.COUNCIL_SUBMITTER})
    @Audited("invitation.create")
    @Operation(summary = "Invite an authority's practitioners to the survey (the LGA, or a council for itself)",
            description = "Answers with the invitation's code and link (survey.portal.base-url + /survey/{code}): the only "
                    + "time they are shown, since only the code's SHA-256 is stored. The link works until the end of "
                    + "expiresOn (London time), for at most maxResponses responses, while the round takes submissions.")
    @RequestBody(description = "{\"authorityCode\":\"E10000031\",\"expiresOn\":\"2027-03-31\",\"maxResponses\":400}")
    @APIResponse(responseCode = "201", description = "Created: id, code, url, roundId, authorityCode, authorityName, expiresOn, "
            + "maxResponses, responses, status, createdAt")
    @APIResponse(responseCode = "403", description = "The token may not invite for this authority")
    @APIResponse(responseCode = "404", description = "Unknown round")
    @APIResponse(responseCode = "409", description = "The round collects returns, not practitioner responses (wrong-kind-of-round)")
    @APIResponse(responseCode = "422", description = "Invalid fields, each named in errors")
    public Uni<Response> createInvitation(@PathParam("roundId") String roundId, byte[] body) {
        return invitations.create(roundId, RequestJson.parse(body, limits.maxDocument()), AccessPolicy.of(identity))
                .map(created -> Response.created(URI.create("/api/v1/rounds/" + roundId + "/invitations/" + created.id()))
                        .entity(created).build());
    }

    @GET
    @Operation(summary = "The round's invitations the caller may see",
            description = "The LGA sees all, a council its own authority's, an RIA its region's; never a code or link. "
                    + "status is active, revoked, expired or full; responses counts the responses that came through each.")
    @APIResponse(responseCode = "404", description = "Unknown round or authority")
    public Uni<List<InvitationView>> listInvitations(@PathParam("roundId") String roundId,
                                                     @Parameter(description = "only this authority's (GSS code)")
                                                     @QueryParam("authorityCode") String authorityCode) {
        return invitations.list(roundId, authorityCode, AccessPolicy.of(identity));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.LGA_ADMIN, Roles.COUNCIL_SUBMITTER})
    @Audited("invitation.revoke")
    @Operation(summary = "Revoke an invitation: its link takes nothing more (the LGA, or the council it is for)",
            description = "Revoking one already revoked changes nothing. Responses already received stay.")
    @APIResponse(responseCode = "200", description = "The invitation, status revoked")
    @APIResponse(responseCode = "404", description = "Unknown round or invitation")
    public Uni<InvitationView> revokeInvitation(@PathParam("roundId") String roundId, @PathParam("id") String id) {
        return invitations.revoke(roundId, id, AccessPolicy.of(identity));
    }
}
