package uk.gov.local.healthcheck.benchmark.api;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.local.healthcheck.api.access.Roles;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.benchmark.instruments.Instrument;
import uk.gov.local.healthcheck.benchmark.instruments.Question;
import uk.gov.local.healthcheck.benchmark.query.BenchmarkQuery;

import java.util.List;

/** The national report of a round: every question's table, as soon as the returns are in. */
@Path("/api/v1/reports")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LGA_ADMIN, Roles.COUNCIL_SUBMITTER, Roles.COUNCIL_VIEWER, Roles.RIA_ANALYST})
@RequiredArgsConstructor
public class ReportResource {

    private final BenchmarkQuery query;

    @GET
    @Path("/{roundId}")
    @Operation(summary = "Every question's table for the round, in instrument order (JSON, or CSV with Accept: text/csv)")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @APIResponse(responseCode = "404", description = "Unknown round or instrument")
    @APIResponse(responseCode = "200", description = "The report, as JSON or CSV")
    public Uni<ReportDto> report(@PathParam("roundId") String roundId, @QueryParam("by") String by) {
        Ids.validate("roundId", roundId);
        Ids.validateBy(by);
        return query.round(roundId).map(round -> {
            Instrument instrument = query.instrument(round.info()).orElseThrow(() -> ProblemException.notFound(
                    ProblemTypes.UNKNOWN_INSTRUMENT, "Unknown instrument", "Round " + roundId + " collects '"
                            + round.info().instrument() + "', which is not a packaged instrument"));
            boolean respondentBased = instrument.respondentBased();
            QuestionAssembler assembler = new QuestionAssembler(query.catalog());
            List<QuestionDto> tables = instrument.questions().stream()
                    .filter(Question::isTabulated)
                    .filter(q -> !respondentBased || "likert".equals(q.type()))
                    .map(q -> assembler.assemble(round, q, by, respondentBased))
                    .toList();
            return new ReportDto(roundId, instrument.id(), String.valueOf(instrument.version()), round.info().period(),
                    round.authorities().size(), tables);
        });
    }
}
