package uk.gov.local.healthcheck.survey.rounds;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.local.healthcheck.survey.audit.Audited;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.survey.access.AccessPolicy;
import uk.gov.local.healthcheck.api.access.Roles;
import uk.gov.local.healthcheck.survey.validation.Violation;
import uk.gov.local.healthcheck.survey.web.BodyLimits;
import uk.gov.local.healthcheck.survey.web.RequestJson;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Path("/api/v1/rounds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rounds", description = "Collection rounds: one instrument collected for one period")
@RolesAllowed({Roles.LGA_ADMIN, Roles.COUNCIL_SUBMITTER, Roles.COUNCIL_VIEWER, Roles.RIA_ANALYST})
@RequiredArgsConstructor
public class RoundResource {

    private final RoundService rounds;
    private final SecurityIdentity identity;
    private final BodyLimits limits;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LGA_ADMIN)
    @Audited("round.create")
    @Operation(summary = "Create a round (LGA only)")
    @RequestBody(description = "{\"id\":\"workforce-2024\",\"instrument\":\"workforce-return\",\"period\":\"2024\",\"opensOn\":\"2024-10-01\",\"closesOn\":\"2025-03-31\"}")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "A round with this id exists")
    @APIResponse(responseCode = "422", description = "Invalid fields, each named in errors")
    public Uni<Response> create(byte[] body) {
        List<Violation> violations = new ArrayList<>();
        RoundRequest request = RoundRequestReader.read(RequestJson.parse(body, limits.maxDocument()), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The round definition has " + violations.size() + " problem(s)", violations);
        }
        return rounds.create(request, AccessPolicy.of(identity))
                .map(r -> Response.created(URI.create("/api/v1/rounds/" + r.id())).entity(r).build());
    }

    @POST
    @Path("{roundId}/close")
    @RolesAllowed(Roles.LGA_ADMIN)
    @Audited("round.close")
    @Operation(summary = "Close a round early: no more submissions whatever its dates (LGA only)")
    public Uni<RoundView> close(@PathParam("roundId") String roundId) {
        return rounds.setStatus(roundId, Round.CLOSED);
    }

    @POST
    @Path("{roundId}/reopen")
    @RolesAllowed(Roles.LGA_ADMIN)
    @Audited("round.reopen")
    @Operation(summary = "Reopen a round closed early (LGA only)",
            description = "Sets the status open; the dates still apply: a round past its closesOn takes nothing until it is "
                    + "extended (POST .../extend), and one before its opensOn nothing until that day (London time).")
    public Uni<RoundView> reopen(@PathParam("roundId") String roundId) {
        return rounds.setStatus(roundId, Round.OPEN);
    }

    @POST
    @Path("{roundId}/extend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.LGA_ADMIN)
    @Audited("round.extend")
    @Operation(summary = "Extend a round to a new closing date and open it (LGA only)",
            description = "Submissions are then accepted until the end of closesOn, London time. closesOn may not be before "
                    + "the round's opensOn nor before today (London time).")
    @RequestBody(description = "{\"closesOn\":\"2027-04-30\"}")
    @APIResponse(responseCode = "200", description = "The round with its new closing date, open")
    @APIResponse(responseCode = "404", description = "Unknown round")
    @APIResponse(responseCode = "422", description = "closesOn missing, malformed, before opensOn or before today")
    public Uni<RoundView> extend(@PathParam("roundId") String roundId, byte[] body) {
        List<Violation> violations = new ArrayList<>();
        LocalDate closesOn = RoundRequestReader.readExtension(RequestJson.parse(body, limits.maxDocument()), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The extension has " + violations.size() + " problem(s)", violations);
        }
        return rounds.extend(roundId, closesOn);
    }

    @GET
    @Operation(summary = "List rounds with their progress",
            description = "Each round says its kind (returns or responses), whether it takes submissions now "
                    + "(acceptingSubmissions), when it stops (closesAt, the start of the day after closesOn in London) and "
                    + "daysLeft (closesOn minus today; 0 on the last day, null when not accepting).")
    public Uni<List<RoundView>> list() {
        return rounds.list();
    }

    @GET
    @Path("{roundId}")
    @Operation(summary = "One round with its progress")
    @APIResponse(responseCode = "404", description = "Unknown round")
    public Uni<RoundView> get(@PathParam("roundId") String roundId) {
        return rounds.get(roundId);
    }
}
