package uk.gov.local.healthcheck.deadletters;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.gov.local.healthcheck.api.access.Roles;
import uk.gov.local.healthcheck.api.problems.Problem;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * The records this service could never apply: list, read, replay (through the service's {@link DeadLetterReplay})
 * or dismiss them. LGA administrators only.
 */
@Path("/api/v1/admin/dead-letters")
@Tag(name = "Administration")
@RolesAllowed(Roles.LGA_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);
    private static final Set<String> STATUSES = Set.of(DeadLetterEntry.OPEN, DeadLetterEntry.REPLAYED,
            DeadLetterEntry.DISMISSED);

    private final DeadLetterStore store;
    private final DeadLetterMetrics metrics;
    /** Looked up per request: a service without a replay still serves the rest (501 on replay). */
    private final Instance<DeadLetterReplay> replay;
    private final int retryAfter;

    public DeadLetterResource(DeadLetterStore store, DeadLetterMetrics metrics, Instance<DeadLetterReplay> replay,
                              @ConfigProperty(name = "healthcheck.database-unavailable.retry-after-seconds",
                                      defaultValue = "5") int retryAfter) {
        this.store = store;
        this.metrics = metrics;
        this.replay = replay;
        this.retryAfter = retryAfter;
    }

    @GET
    @Operation(summary = "Dead letters, oldest first",
            description = "count = how many match; deadLetters = the first `limit` of them (default 500).")
    public Uni<Response> list(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("500") int limit) {
        if (status != null && !STATUSES.contains(status)) {
            return Uni.createFrom().item(problem(ProblemTypes.VALIDATION, "Invalid request", 400,
                    "status must be one of open, replayed, dismissed"));
        }
        if (limit < 1 || limit > 5000) {
            return Uni.createFrom().item(problem(ProblemTypes.VALIDATION, "Invalid request", 400,
                    "limit must be between 1 and 5000"));
        }
        return guard(store.list(status, limit).map(l -> Response.ok(l).build()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One dead letter")
    public Uni<Response> get(@PathParam("id") long id) {
        return guard(store.find(id).map(e -> e.map(x -> Response.ok(x).build()).orElseGet(() -> notFound(id))));
    }

    @POST
    @Path("{id}/replay")
    @Operation(summary = "Apply the stored record again through the service's handler",
            description = "200 with the entry now replayed; 422 when it still fails (the entry stays open, its error "
                    + "updated); 409 when it is not open; 503 when the database or broker cannot be reached.")
    public Uni<Response> replay(@PathParam("id") long id) {
        if (!replay.isResolvable()) {
            return Uni.createFrom().item(problem(ProblemTypes.NOT_IMPLEMENTED, "Not Implemented", 501,
                    "This service does not replay dead letters."));
        }
        return guard(store.find(id).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(notFound(id));
            }
            if (!DeadLetterEntry.OPEN.equals(found.get().status())) {
                return Uni.createFrom().item(notOpen(found.get()));
            }
            return store.record(id).chain(record -> replay.get().replay(record.orElseThrow())
                    .chain(() -> store.resolve(id, DeadLetterEntry.REPLAYED))
                    .map(resolved -> {
                        metrics.refreshOpen();
                        LOG.infof("Dead letter %d (%s) replayed", id, found.get().topic() + "-"
                                + found.get().partition() + "@" + found.get().offset());
                        return resolved.map(e -> Response.ok(e).build()).orElseGet(() -> notOpen(found.get()));
                    })
                    .onFailure(f -> !FailureKind.of(f).isTransient()).recoverWithUni(f -> {
                        String error = ErrorTypes.describe(f);
                        return store.updateError(id, error, ErrorTypes.of(f)).map(e -> problem(
                                ProblemTypes.REPLAY_FAILED, "Unprocessable Content", 422,
                                "Dead letter " + id + " still cannot be applied: " + error));
                    }));
        }));
    }

    @POST
    @Path("{id}/dismiss")
    @Operation(summary = "Set an open dead letter aside for good (a person decided it is garbage)")
    public Uni<Response> dismiss(@PathParam("id") long id) {
        return guard(store.resolve(id, DeadLetterEntry.DISMISSED).chain(resolved -> {
            if (resolved.isPresent()) {
                metrics.refreshOpen();
                return Uni.createFrom().item(Response.ok(resolved.get()).build());
            }
            return store.find(id).map(e -> e.map(this::notOpen).orElseGet(() -> notFound(id)));
        }));
    }

    /** PostgreSQL (or the broker) unreachable: 503 with Retry-After, never 500. */
    private Uni<Response> guard(Uni<Response> work) {
        return work.onFailure(f -> FailureKind.of(f).isTransient()).recoverWithItem(f -> {
            LOG.warnf("Dead-letter request refused, database or broker unreachable: %s", f.toString());
            return Response.fromResponse(problem(ProblemTypes.DATABASE_UNAVAILABLE, "Service Unavailable", 503,
                    "The database cannot be reached just now; try again shortly.")).header("Retry-After", retryAfter).build();
        });
    }

    private static Response notFound(long id) {
        return problem(ProblemTypes.NOT_FOUND, "Not found", 404, "No dead letter " + id + ".");
    }

    private Response notOpen(DeadLetterEntry e) {
        return problem(ProblemTypes.CONFLICT, "Conflict", 409,
                "Dead letter " + e.id() + " is " + e.status() + ", not open.");
    }

    /** The platform's one problem+json body (api-support), without {@code instance}, as this API has always answered. */
    private static Response problem(String slug, String title, int status, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(slug, title, status, detail, null)).build();
    }
}
