package uk.gov.local.healthcheck.survey.intake;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.local.healthcheck.survey.audit.Audited;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.access.Roles;
import uk.gov.local.healthcheck.survey.access.AccessPolicy;
import uk.gov.local.healthcheck.survey.validation.Violation;
import uk.gov.local.healthcheck.survey.web.BodyLimits;
import uk.gov.local.healthcheck.survey.web.RequestJson;

import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/rounds/{roundId}/returns/{authorityCode}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Returns", description = "A council's return to a round: drafts, submissions, revisions, withdrawal")
@RolesAllowed({Roles.LGA_ADMIN, Roles.COUNCIL_SUBMITTER, Roles.COUNCIL_VIEWER, Roles.RIA_ANALYST})
@RequiredArgsConstructor
public class ReturnResource {

    private final ReturnService returns;
    private final SecurityIdentity identity;
    private final BodyLimits limits;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited("return.put")
    @Operation(summary = "Save a draft or submit the return",
            description = "A submitted return is fully validated and published to the platform as a new revision; "
                    + "the same body again returns the same revision. A draft is type-checked and lists what is still missing.")
    @RequestBody(description = "{\"status\":\"submitted\",\"answers\":{\"staff.headcount\":180,\"staff.fte\":170.5,...},"
            + "\"explanations\":{\"staff.fte\":\"why a rule is broken by correct figures\"}}")
    @APIResponse(responseCode = "200", description = "The stored return with its revision number")
    @APIResponse(responseCode = "403", description = "The token may not submit for this authority")
    @APIResponse(responseCode = "404", description = "Unknown round or authority")
    @APIResponse(responseCode = "409", description = "The round is closed")
    @APIResponse(responseCode = "422", description = "Invalid answers, each named in errors")
    public Uni<ReturnView> put(@PathParam("roundId") String roundId, @PathParam("authorityCode") String authorityCode, byte[] body) {
        AccessPolicy access = AccessPolicy.of(identity);
        access.requireMaySubmitFor(authorityCode);
        List<Violation> violations = new ArrayList<>();
        ReturnSubmission submission = ReturnSubmission.read(RequestJson.parse(body, limits.maxDocument()), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The request has " + violations.size() + " problem(s); nothing was stored", violations);
        }
        return returns.put(roundId, authorityCode, submission, access);
    }

    @GET
    @Operation(summary = "The current revision of the return")
    public Uni<ReturnView> current(@PathParam("roundId") String roundId, @PathParam("authorityCode") String authorityCode) {
        return returns.current(roundId, authorityCode, AccessPolicy.of(identity));
    }

    @GET
    @Path("revisions")
    @Operation(summary = "Every revision of the return, oldest first")
    public Uni<List<ReturnView>> revisions(@PathParam("roundId") String roundId, @PathParam("authorityCode") String authorityCode) {
        return returns.revisions(roundId, authorityCode, AccessPolicy.of(identity));
    }

    @DELETE
    @Audited("return.withdraw")
    @Operation(summary = "Withdraw the return (the LGA, or the council while the round is open)")
    public Uni<ReturnView> withdraw(@PathParam("roundId") String roundId, @PathParam("authorityCode") String authorityCode) {
        return returns.withdraw(roundId, authorityCode, AccessPolicy.of(identity));
    }
}
