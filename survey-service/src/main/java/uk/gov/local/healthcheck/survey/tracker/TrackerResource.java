package uk.gov.local.healthcheck.survey.tracker;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.local.healthcheck.survey.access.AccessPolicy;
import uk.gov.local.healthcheck.api.access.Roles;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

@Path("/api/v1/rounds/{roundId}/tracker")
@Tag(name = "Tracker", description = "Where a round's collection stands, authority by authority")
@RolesAllowed({Roles.LGA_ADMIN, Roles.COUNCIL_SUBMITTER, Roles.COUNCIL_VIEWER, Roles.RIA_ANALYST})
@RequiredArgsConstructor
public class TrackerResource {

    public static final String CSV = "text/csv";
    private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);
    static final List<String> COLUMNS = List.of("authorityCode", "authorityName", "regionCode", "regionName", "status",
            "revision", "savedAt", "submittedAt", "responses", "invitations");

    private final TrackerService tracker;
    private final SecurityIdentity identity;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Each authority's progress in the round (Accept: text/csv for the rows as CSV)",
            description = "The LGA sees every authority in the register that existed in the round's year, an RIA those of "
                    + "its region, a council its own. status is not-started, draft, submitted or withdrawn (the current "
                    + "revision's); in a practitioner round an authority is submitted once it has a response. "
                    + "?status=not-submitted keeps the authorities not submitted; regions and totals always count the "
                    + "whole scope.")
    @APIResponse(responseCode = "200", description = "{roundId, kind, asAt, authorities[], regions[], totals}, or CSV with a header line")
    @APIResponse(responseCode = "404", description = "Unknown round")
    @APIResponse(responseCode = "422", description = "An unknown status filter")
    public Uni<Response> tracker(@PathParam("roundId") String roundId,
                                 @Parameter(description = "not-submitted: only authorities whose return is not submitted")
                                 @QueryParam("status") String status, HttpHeaders headers) {
        boolean csv = wantsCsv(headers);
        return tracker.tracker(roundId, status, AccessPolicy.of(identity)).map(t -> csv
                ? Response.ok(csv(t), CSV_TYPE.withCharset("UTF-8"))
                        .header("Content-Disposition", "attachment; filename=\"tracker-" + t.roundId() + ".csv\"").build()
                : Response.ok(t, MediaType.APPLICATION_JSON_TYPE).build());
    }

    /** CSV only when the caller prefers it to JSON: a client sending {@code *}{@code /*} or nothing gets JSON. */
    private static boolean wantsCsv(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .filter(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE) || t.isCompatible(CSV_TYPE))
                .findFirst()
                .map(t -> !t.isCompatible(MediaType.APPLICATION_JSON_TYPE))
                .orElse(false);
    }

    static String csv(Tracker tracker) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (Tracker.AuthorityRow r : tracker.authorities()) {
                printer.printRecord(r.authorityCode(), r.authorityName(), r.regionCode(), r.regionName(), r.status(),
                        r.revision(), r.savedAt(), r.submittedAt(), r.responses(), r.invitations());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
