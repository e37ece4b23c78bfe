package uk.gov.local.healthcheck.benchmark.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.local.healthcheck.benchmark.grouping.Group;
import uk.gov.local.healthcheck.benchmark.grouping.GroupCatalog;
import uk.gov.local.healthcheck.benchmark.grouping.GroupId;
import uk.gov.local.healthcheck.benchmark.query.BenchmarkQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Group statistics of one indicator in one round. Group figures are public sector aggregates, so every role reads them. */
@Path("/api/v1/benchmarks")
@Tag(name = "Benchmarks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LGA_ADMIN, Roles.COUNCIL_SUBMITTER, Roles.RIA_ANALYST})
public class BenchmarkResource {

    /** Round and indicator ids are slugs such as {@code workforce-2024} and {@code agency_rate}. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final BenchmarkQuery query;
    private final GroupCatalog catalog;

    public BenchmarkResource(BenchmarkQuery query, GroupCatalog catalog) {
        this.query = query;
        this.catalog = catalog;
    }

    @GET
    @Path("/{roundId}/indicators/{indicatorId}")
    @Operation(summary = "Benchmark one indicator in one round",
            description = "England and every E12 region (in code order), or only the group named by ?group=. "
                    + "Computed from the latest indicators of every authority, so it is current as soon as "
                    + "metrics-service's event has been applied.")
    @APIResponse(responseCode = "200", description = "IndicatorBenchmark, or GroupBenchmark when ?group= is given",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {IndicatorBenchmarkDto.class, GroupBenchmarkDto.class})))
    @APIResponse(responseCode = "400", description = "Malformed id or unknown group",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token has none of the platform roles",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No authority has a value for this indicator in this round",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Object> benchmark(
            @Parameter(example = "workforce-2024") @PathParam("roundId") String roundId,
            @Parameter(example = "agency_rate") @PathParam("indicatorId") String indicatorId,
            @Parameter(description = "national, or region:<E12 code>; omit for England and all regions",
                    example = "region:E12000005") @QueryParam("group") String group) {
        validateIds(roundId, indicatorId);
        if (group == null) {
            return query.allGroups(roundId, indicatorId).map(IndicatorBenchmarkDto::from);
        }
        Group selected = resolve(group);
        return query.group(roundId, indicatorId, selected).map(GroupBenchmarkDto::from);
    }

    private Group resolve(String group) {
        GroupId id = GroupId.parse(group).orElseThrow(() -> ProblemException.unknownGroup(
                "'" + group + "' is not a group; use national or region:<E12 code>"));
        return catalog.find(id).orElseThrow(() -> ProblemException.unknownGroup(
                "There is no group " + id + "; the regions are "
                        + String.join(", ", catalog.regions().stream().map(Group::code).toList())));
    }

    private static void validateIds(String roundId, String indicatorId) {
        List<Violation> errors = new ArrayList<>();
        check("roundId", roundId, errors);
        check("indicatorId", indicatorId, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The path names no valid round or indicator", errors);
        }
    }

    private static void check(String field, String value, List<Violation> errors) {
        if (value == null || !ID.matcher(value).matches()) {
            errors.add(new Violation(field, "pattern",
                    "must be 1–100 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
    }
}
