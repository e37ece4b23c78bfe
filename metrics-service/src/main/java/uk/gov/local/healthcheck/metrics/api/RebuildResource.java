package uk.gov.local.healthcheck.metrics.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.metrics.access.AccessPolicy;
import uk.gov.local.healthcheck.metrics.rebuild.RebuildService;
import uk.gov.local.healthcheck.metrics.rebuild.RebuildStatus;

/**
 * Rebuilding every indicator from the submissions topic (LGA administrators only). Platform-wide: the status is the
 * database's, so any replica answers it, and a rebuild running on any replica refuses a second one.
 */
@Path("/api/v1/admin/rebuild")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@RequiredArgsConstructor
public class RebuildResource {

    private final RebuildService rebuild;
    private final SecurityIdentity identity;

    @POST
    @Operation(summary = "Rebuild every indicator from the submissions topic",
            description = "Builds the state tables anew beside the live ones, replaying survey.submissions.v1 from "
                    + "the beginning through the same handler as the live consumer, swaps them in, then publishes "
                    + "every authority's state once. Runs in the background on the replica that got the request: "
                    + "poll GET, on any replica, for its status.")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(responseCode = "403", description = "Not an LGA administrator")
    @APIResponse(responseCode = "409", description = "A rebuild is running already (on any replica)")
    public Uni<Response> start() {
        AccessPolicy.of(identity).checkAdmin();
        return rebuild.start().map(started -> started
                .map(s -> Response.accepted(s).type(MediaType.APPLICATION_JSON).build())
                .orElseThrow(() -> ProblemException.conflict(ProblemTypes.CONFLICT, "Conflict",
                        "A rebuild is running already; GET /api/v1/admin/rebuild shows its progress.")));
    }

    @GET
    @Operation(summary = "The last rebuild's status", description = "The running or latest rebuild of any replica, "
            + "as recorded in the database.")
    @APIResponse(responseCode = "200", description = "The running or last rebuild")
    @APIResponse(responseCode = "404", description = "No rebuild was ever recorded")
    public Uni<RebuildStatus> status() {
        AccessPolicy.of(identity).checkAdmin();
        return rebuild.status().map(last -> last.orElseThrow(() ->
                ProblemException.notFound("No rebuild has run yet.")));
    }
}
