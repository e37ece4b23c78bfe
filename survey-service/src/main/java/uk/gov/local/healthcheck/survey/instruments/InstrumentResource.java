package uk.gov.local.healthcheck.survey.instruments;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.local.healthcheck.reference.instruments.Instrument;
import uk.gov.local.healthcheck.api.problems.ProblemException;
import uk.gov.local.healthcheck.api.problems.ProblemTypes;
import uk.gov.local.healthcheck.api.access.Roles;

import java.util.List;

@Path("/api/v1/instruments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Instruments", description = "The questionnaires, so a council's system can build its form or mapping")
@RolesAllowed({Roles.LGA_ADMIN, Roles.COUNCIL_SUBMITTER, Roles.COUNCIL_VIEWER, Roles.RIA_ANALYST})
@RequiredArgsConstructor
public class InstrumentResource {

    /** A line of the instrument list. */
    public record InstrumentSummary(String id, int version, String title, String unit) {
    }

    private final InstrumentCatalog catalog;

    @GET
    @Operation(summary = "Every instrument and version")
    public List<InstrumentSummary> list() {
        return catalog.all().stream().map(i -> new InstrumentSummary(i.id(), i.version(), i.title(), i.unit())).toList();
    }

    @GET
    @Path("{id}/{version}")
    // the portal's relay account renders the practitioner survey from its definition for people without accounts
    @RolesAllowed({Roles.LGA_ADMIN, Roles.COUNCIL_SUBMITTER, Roles.COUNCIL_VIEWER, Roles.RIA_ANALYST, Roles.SURVEY_RELAY})
    @Operation(summary = "One instrument version in full: sections, questions, types, options, conditions and rules",
            description = "Also for the role survey-relay: the portal renders the practitioner survey from it.")
    public Instrument get(@PathParam("id") String id, @PathParam("version") int version) {
        return catalog.find(id, version).orElseThrow(() -> ProblemException.notFound(ProblemTypes.UNKNOWN_INSTRUMENT, "Unknown instrument",
                "No instrument " + id + " version " + version));
    }
}
