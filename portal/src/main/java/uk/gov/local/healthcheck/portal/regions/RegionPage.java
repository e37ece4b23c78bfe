package uk.gov.local.healthcheck.portal.regions;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.local.healthcheck.portal.api.PersonApi;
import uk.gov.local.healthcheck.portal.figures.IndicatorDictionary;
import uk.gov.local.healthcheck.portal.pdf.AsAt;
import uk.gov.local.healthcheck.portal.rounds.Rounds;
import uk.gov.local.healthcheck.portal.web.Downloads;

import java.util.List;
import java.util.Map;

/**
 * An RIA's view of its region in a round (sortable without script: each column head is a link that sorts on the
 * server), with the API's CSV. Who sees which authority's figures is benchmark-service's rule: an authority the
 * person may not see and that did not consent is listed without figures.
 */
@Path("/regions/{code}/rounds")
@Produces(MediaType.TEXT_HTML)
public class RegionPage {

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance region(String code, String roundId, String regionName, String period,
                                                     RegionTable table, String asAt);
    }

    private final PersonApi api;
    private final IndicatorDictionary dictionary;
    private final List<String> headline;

    public RegionPage(PersonApi api, IndicatorDictionary dictionary,
                      @ConfigProperty(name = "portal.region.headline") List<String> headline) {
        this.api = api;
        this.dictionary = dictionary;
        this.headline = headline;
    }

    @GET
    @Path("{roundId}")
    public TemplateInstance region(@PathParam("code") String code, @PathParam("roundId") String roundId,
                                   @QueryParam("sort") String sort, @QueryParam("order") String order) {
        String what = "the table of region " + code + " in " + roundId;
        String asAt = AsAt.now();
        JsonNode table = api.read(url(code, roundId), what);
        Map<String, JsonNode> definitions = dictionary.all();
        RegionTable view = RegionTable.of(table, headline, definitions, "/regions/" + code + "/rounds/" + roundId,
                sort == null ? RegionTable.BY_NAME : sort, "desc".equals(order));
        return Templates.region(code, roundId, table.path("region").path("name").asText(code),
                table.path("period").asText(roundId), view, asAt);
    }

    @GET
    @Path("{roundId}.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("code") String code, @PathParam("roundId") String roundId) {
        String what = "the table of region " + code + " in " + roundId;
        return Downloads.csv(api.csv(url(code, roundId), what), "region", code, roundId);
    }

    private String url(String code, String roundId) {
        return api.endpoints().benchmark() + "/api/v1/benchmarks/" + Rounds.encode(roundId) + "/regions/" + Rounds.encode(code);
    }
}
