package uk.gov.local.healthcheck.survey.responses;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import uk.gov.local.healthcheck.survey.access.AccessPolicy;
import uk.gov.local.healthcheck.api.access.Roles;
import uk.gov.local.healthcheck.survey.web.BodyLimits;
import uk.gov.local.healthcheck.survey.web.RequestJson;

import java.net.URI;

@Path("/api/v1/rounds/{roundId}/responses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Responses", description = "Anonymous practitioner survey responses")
@RolesAllowed({Roles.LGA_ADMIN, Roles.COUNCIL_SUBMITTER})
@RequiredArgsConstructor
public class ResponseResource {

    public static final String NDJSON = "application/x-ndjson";

    private final ResponseService responses;
    private final SecurityIdentity identity;
    private final BodyLimits limits;
    private final BatchAdmission admission;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited("response.submit")
    @Operation(summary = "Submit one response", description = "Idempotent by responseId: the same id and body again answers 200 "
            + "with the stored response and stores nothing; the same id with other answers is a 409.")
    @RequestBody(description = "{\"responseId\":\"3f2c…\",\"authorityCode\":\"E10000031\",\"answers\":{\"profile.role\":\"social_worker\",…}}")
    @APIResponse(responseCode = "201", description = "Stored")
    @APIResponse(responseCode = "200", description = "Already stored with the same answers")
    @APIResponse(responseCode = "409", description = "responseId already used with other answers, or the round is closed")
    @APIResponse(responseCode = "422", description = "Invalid fields, each named in errors")
    public Uni<Response> submit(@PathParam("roundId") String roundId, byte[] body) {
        return responses.submit(roundId, RequestJson.parse(body, limits.maxDocument()), AccessPolicy.of(identity))
                .map(outcome -> outcome.created()
                        ? Response.created(URI.create("/api/v1/rounds/" + roundId + "/responses/" + outcome.response().responseId()))
                        .entity(outcome.response()).build()
                        : Response.ok(outcome.response()).build());
    }

    @POST
    @Path("batch")
    @Audited("response.batch")
    @Consumes(NDJSON)
    @Operation(summary = "Submit many responses as NDJSON (one JSON response per line, at most survey.responses.batch.max-lines)",
            description = "Answers with one result per line: accepted, duplicate or rejected with its errors. "
                    + "Good lines are stored even when others are rejected.")
    @APIResponse(responseCode = "200", description = "Per-line results")
    @APIResponse(responseCode = "413", description = "More lines than the limit")
    @APIResponse(responseCode = "503", description = "Too many batches in progress; nothing stored, send it again shortly")
    public Uni<BatchResult> batch(@PathParam("roundId") String roundId, byte[] body) {
        AccessPolicy access = AccessPolicy.of(identity);
        return admission.admit(() -> responses.submitBatch(roundId, body, access));
    }
}
