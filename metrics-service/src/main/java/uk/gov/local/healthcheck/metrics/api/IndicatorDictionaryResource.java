package uk.gov.local.healthcheck.metrics.api;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;

import java.util.List;

/** The indicator dictionary: what each indicator means and how it is computed from which questions. */
@Path("/api/v1/indicators")
@Tag(name = "Indicators")
@Authenticated
public class IndicatorDictionaryResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The indicator dictionary",
            description = "Every indicator with its unit, polarity, instrument and its formula in question ids.")
    public List<IndicatorDefinitionResponse> list() {
        return IndicatorDictionary.all().stream().map(IndicatorDefinitionResponse::of).toList();
    }
}
