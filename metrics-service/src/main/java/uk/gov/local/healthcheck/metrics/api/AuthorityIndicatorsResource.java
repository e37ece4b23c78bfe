package uk.gov.local.healthcheck.metrics.api;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.metrics.access.AccessPolicy;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDefinition;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;
import uk.gov.local.healthcheck.metrics.indicators.PractitionerScores;
import uk.gov.local.healthcheck.metrics.store.ColumnLimits;
import uk.gov.local.healthcheck.metrics.store.IndicatorStateStore;
import uk.gov.local.healthcheck.reference.authorities.AuthorityRegister;

import java.util.regex.Pattern;

/** An authority's current indicators in a round. */
@Path("/api/v1/authorities/{code}/indicators")
@Tag(name = "Indicators")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Not allowed to read this authority")
@RequiredArgsConstructor
public class AuthorityIndicatorsResource {

    /** GSS codes: a country letter and eight digits, e.g. E10000031. */
    static final Pattern GSS_CODE = Pattern.compile("^[EWSN]\\d{8}$");
    /** The column width of round ids; a longer one cannot name a stored round. */
    static final int MAX_ROUND_LENGTH = ColumnLimits.ROUND_ID;

    private final IndicatorStateStore store;
    private final AuthorityRegister register;
    private final SecurityIdentity identity;
    private final PractitionerScores scores;

    @GET
    @Operation(summary = "An authority's indicators in a round",
            description = "The indicators computed from the highest accepted revision of the authority's return. "
                    + "Council submitters may read only their own authority.")
    @APIResponse(responseCode = "200", description = "The indicators")
    @APIResponse(responseCode = "400", description = "round missing or code malformed")
    @APIResponse(responseCode = "404", description = "No indicators for the authority in the round")
    public Uni<AuthorityIndicatorsResponse> get(
            @Parameter(description = "GSS code of the authority", example = "E10000031") @PathParam("code") String code,
            @Parameter(description = "round id", example = "workforce-2024", required = true) @QueryParam("round") String round) {
        checkCode(code);
        if (round == null || round.isBlank()) {
            throw ProblemException.invalidParameter("round", "required", "The query parameter round is required.");
        }
        if (round.length() > MAX_ROUND_LENGTH) {
            throw ProblemException.invalidParameter("round", "too-long",
                    "round must be at most " + MAX_ROUND_LENGTH + " characters.");
        }
        AccessPolicy.of(identity).checkCanRead(code, register);
        return store.read(round, code).map(state -> state
                .filter(s -> !s.withdrawn() && !s.indicators().isEmpty())
                .map(st -> AuthorityIndicatorsResponse.of(st, scores.rules()))
                .orElseThrow(() -> ProblemException.notFound(
                        "Authority " + code + " has no indicators in round " + round + ".")));
    }

    @GET
    @Path("/{indicatorId}/series")
    @Operation(summary = "An indicator of an authority across the rounds of its instrument",
            description = "The indicator's value in each round of the same instrument in which the authority has a "
                    + "standing return (or practitioner responses), ordered by period: for trends.")
    @APIResponse(responseCode = "200", description = "The series (empty when the authority has no rounds yet)")
    @APIResponse(responseCode = "400", description = "code malformed")
    @APIResponse(responseCode = "404", description = "No such indicator")
    public Uni<IndicatorSeriesResponse> series(
            @Parameter(description = "GSS code of the authority", example = "E10000031") @PathParam("code") String code,
            @Parameter(description = "indicator id", example = "turnover_rate") @PathParam("indicatorId") String indicatorId) {
        checkCode(code);
        IndicatorDefinition definition = IndicatorDictionary.byId(indicatorId).orElseThrow(() ->
                ProblemException.notFound("There is no indicator " + indicatorId + "; GET /api/v1/indicators lists them."));
        AccessPolicy.of(identity).checkCanRead(code, register);
        return store.series(code, definition.instrument()).map(states -> IndicatorSeriesResponse.of(code, definition,
                states, scores.rules()));
    }

    private static void checkCode(String code) {
        if (code == null || !GSS_CODE.matcher(code).matches()) {
            throw ProblemException.invalidParameter("code", "format",
                    "code must be a GSS code: E, W, S or N followed by eight digits, e.g. E10000031.");
        }
    }
}
