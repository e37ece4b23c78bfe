package uk.gov.local.healthcheck.benchmark.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.local.healthcheck.api.access.Roles;
import uk.gov.local.healthcheck.api.problems.FieldError;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.benchmark.access.AccessPolicy;
import uk.gov.local.healthcheck.benchmark.grouping.Group;
import uk.gov.local.healthcheck.benchmark.grouping.GroupId;
import uk.gov.local.healthcheck.benchmark.instruments.Question;
import uk.gov.local.healthcheck.benchmark.model.RoundData;
import uk.gov.local.healthcheck.benchmark.query.BenchmarkQuery;
import uk.gov.local.healthcheck.reference.authorities.Authority;

import java.util.List;

/**
 * Benchmarks of a round: group statistics of an indicator (every role), a council's comparison (the authorities
 * the token may see), a region's table (every role; figures of the authorities the token may see or that consented),
 * and the tabulation of a question (every role).
 */
@Path("/api/v1/benchmarks")
@Tag(name = "Benchmarks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LGA_ADMIN, Roles.COUNCIL_SUBMITTER, Roles.COUNCIL_VIEWER, Roles.RIA_ANALYST})
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token has no platform role, or may not see this authority")
@APIResponse(responseCode = "400", description = "Malformed id or parameter")
@APIResponse(responseCode = "404", description = "No data for this round, indicator, question, authority or region")
@RequiredArgsConstructor
public class BenchmarkResource {

    private final BenchmarkQuery query;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    private byte[] json(Object dto) {
        try {
            return mapper.writeValueAsBytes(dto);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("/{roundId}/indicators/{indicatorId}")
    @Operation(summary = "Benchmark one indicator in one round",
            description = "England, every E12 region (code order), Inner and Outer London, the four council types and "
                    + "every authority's statistical neighbours; or only the group named by ?group=. Group figures "
                    + "over fewer than 3 authorities (practitioner figures: 10 respondents) are suppressed, with "
                    + "secondary suppression where subtraction would reveal them.")
    @APIResponse(responseCode = "200", description = "IndicatorBenchmark, or GroupBenchmark when ?group= is given",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {IndicatorBenchmarkDto.class, GroupBenchmarkDto.class})))
    public Uni<Object> benchmark(
            @Parameter(example = "workforce-2024") @PathParam("roundId") String roundId,
            @Parameter(example = "agency_rate") @PathParam("indicatorId") String indicatorId,
            @Parameter(description = "national, region:<E12>, subregion:<E13>, councilType:<slug>, neighbours:<GSS>; "
                    + "omit for all groups", example = "region:E12000005") @QueryParam("group") String group) {
        Ids.validate("roundId", roundId, "indicatorId", indicatorId);
        if (group == null) {
            // ~150 neighbour groups: serialised once per snapshot (the same for every caller), then served as bytes.
            return query.indicator(roundId, indicatorId).chain(view -> query.derived(view.round(),
                    List.of("all-groups-json", indicatorId), () -> json(IndicatorBenchmarkDto.from(view))));
        }
        GroupId id = parseGroup(group);
        return query.indicator(roundId, indicatorId).map(view -> GroupBenchmarkDto.from(
                view.group(id).orElseThrow(() -> unknownGroup(id))));
    }

    private GroupId parseGroup(String group) {
        GroupId id = GroupId.parse(group).orElseThrow(() -> unknownGroup("'" + group
                + "' is not a group; use national, region:<E12 code>, subregion:<E13 code>, councilType:<slug> or "
                + "neighbours:<GSS code>"));
        if (id.kind() != uk.gov.local.healthcheck.benchmark.grouping.GroupKind.NEIGHBOURS
                && query.catalog().find(id).isEmpty()) {
            throw unknownGroup(id);
        }
        return id;
    }

    private ProblemException unknownGroup(GroupId id) {
        return unknownGroup("There is no group " + id + "; the regions are " + String.join(", ",
                query.catalog().regions().stream().map(g -> g.code()).toList()) + ", the council types "
                + String.join(", ", query.catalog().councilTypes().stream().map(g -> g.code()).toList()));
    }

    private static ProblemException unknownGroup(String detail) {
        return new ProblemException(400, ProblemTypes.UNKNOWN_GROUP, "Unknown benchmark group", detail,
                List.of(new FieldError("group", "unknown", detail)));
    }

    @GET
    @Path("/{roundId}/authorities/{code}")
    @Operation(summary = "A council's comparison",
            description = "For every indicator: the authority's value in this and the two previous rounds, its "
                    + "region's value and range, its statistical neighbours' mean and median, England's value, its "
                    + "ranks, quartile band and direction of travel. Also as CSV (Accept: text/csv).")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @APIResponse(responseCode = "200", description = "The comparison, as JSON or CSV")
    public Uni<ComparisonDto> comparison(@Parameter(example = "workforce-2024") @PathParam("roundId") String roundId,
                                         @Parameter(example = "E10000031") @PathParam("code") String code) {
        Ids.validate("roundId", roundId, "code", code);
        AccessPolicy scope = AccessPolicy.of(identity);
        Authority authority = query.catalog().register().find(code).orElse(null);
        scope.requireMaySee(code, query.catalog().register());
        if (authority == null) {
            throw ProblemException.notFound(ProblemTypes.UNKNOWN_AUTHORITY, "Unknown authority",
                    code + " is not in the authority register");
        }
        return query.roundWithHistory(roundId).chain(rounds -> query.derived(rounds.current(),
                List.of("comparison", code, scope, rounds.previous().stream().map(p -> p.info()).toList()),
                () -> new ComparisonAssembler(query, scope).assemble(rounds, authority)));
    }

    @GET
    @Path("/{roundId}/regions/{regionCode}")
    @Operation(summary = "A region's table",
            description = "Every authority of the region (those that existed in the round's year or reported in it, "
                    + "by name) × the round's indicators: each authority's value, suppression, band and ranks exactly "
                    + "as its comparison gives them, with the region's and England's figures per indicator. An "
                    + "authority the token may not see and that did not consent to named publication is listed with "
                    + "visible = false and no figures, and counted in withheld. Also as CSV (Accept: text/csv).")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @APIResponse(responseCode = "200", description = "The region's table, as JSON or CSV")
    public Uni<RegionTableDto> region(
            @Parameter(example = "workforce-2024") @PathParam("roundId") String roundId,
            @Parameter(description = "an E12 region code", example = "E12000007") @PathParam("regionCode") String regionCode,
            @Parameter(description = "only these indicators (repeatable), kept in the table's order; omit for all")
            @QueryParam("indicator") List<String> indicators) {
        Ids.validate("roundId", roundId, "regionCode", regionCode);
        indicators.forEach(id -> Ids.validate("indicator", id));
        AccessPolicy scope = AccessPolicy.of(identity);
        Group region = query.catalog().find(GroupId.region(regionCode)).orElseThrow(() -> ProblemException.notFound(
                ProblemTypes.UNKNOWN_REGION, "Unknown region", regionCode + " is not an English region; the regions are "
                        + String.join(", ", query.catalog().regions().stream().map(Group::code).toList())));
        return query.round(roundId).chain(round -> {
            List<String> known = indicators.isEmpty() ? List.of() : round.indicatorIds();
            List<String> unknown = indicators.stream().filter(id -> !known.contains(id)).distinct().toList();
            if (!unknown.isEmpty()) {
                throw Ids.invalid("Round " + roundId + " has no indicator " + String.join(", ", unknown),
                        unknown.stream().map(id -> new FieldError("indicator", "unknown", "round " + roundId
                                + " has no indicator " + id + "; it has " + String.join(", ", known))).toList());
            }
            return query.derived(round, List.of("region", regionCode, scope),
                    () -> new RegionTableAssembler(query, scope).assemble(round, region))
                    .map(table -> indicators.isEmpty() ? table : table.restrictedTo(indicators));
        });
    }

    @GET
    @Path("/{roundId}/questions/{questionId}")
    @Operation(summary = "Tabulate one question over the round's submitted returns",
            description = "Single and multi choice: each option's count and percentage of the base (returns that "
                    + "answered); numbers: mean and median with the base. ?by=councilType or ?by=region adds each "
                    + "group's table. Percentages from unrounded counts, to 1 dp.")
    @APIResponse(responseCode = "200", description = "The question's table, with each group's when ?by= is given")
    public Uni<QuestionDto> question(@Parameter(example = "employer-2018") @PathParam("roundId") String roundId,
                                     @Parameter(example = "s3.cancel_meetings") @PathParam("questionId") String questionId,
                                     @Parameter(description = "councilType or region") @QueryParam("by") String by) {
        Ids.validate("roundId", roundId, "questionId", questionId);
        Ids.validateBy(by);
        return query.round(roundId).map(round -> {
            Question question = question(round, questionId);
            return new QuestionAssembler(query.catalog()).assemble(round, question, by,
                    query.respondentBased(round.info()));
        });
    }

    private Question question(RoundData round, String questionId) {
        var instrument = query.instrument(round.info()).orElseThrow(() -> ProblemException.notFound(
                ProblemTypes.UNKNOWN_INSTRUMENT, "Unknown instrument", "Round " + round.info().roundId() + " collects '"
                        + round.info().instrument() + "', which is not a packaged instrument"));
        Question question = instrument.question(questionId).orElseThrow(() -> ProblemException.notFound(
                ProblemTypes.UNKNOWN_QUESTION, "Unknown question", instrument.id() + " " + instrument.version()
                        + " has no question " + questionId));
        if (!question.isTabulated()) {
            throw ProblemException.notFound(ProblemTypes.NOT_TABULATED, "Question not tabulated", questionId + " is a "
                    + question.type() + " question; only choice and number questions are tabulated");
        }
        return question;
    }
}
