package uk.gov.local.healthcheck.portal.comparison;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.portal.api.PersonApi;
import uk.gov.local.healthcheck.portal.charts.BarChart;
import uk.gov.local.healthcheck.portal.figures.Figures;
import uk.gov.local.healthcheck.portal.figures.IndicatorDictionary;
import uk.gov.local.healthcheck.portal.figures.IndicatorFigures;
import uk.gov.local.healthcheck.portal.pdf.AsAt;
import uk.gov.local.healthcheck.portal.pdf.PdfRenderer;
import uk.gov.local.healthcheck.portal.pdf.PrintablePage;
import uk.gov.local.healthcheck.portal.rounds.Rounds;
import uk.gov.local.healthcheck.portal.web.Downloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static uk.gov.local.healthcheck.portal.figures.Figures.decimal;
import static uk.gov.local.healthcheck.portal.figures.Figures.figure;

/**
 * A council's comparison for a round, as benchmark-service answers it (seed 001's "Workforce Snapshot and
 * Comparison"): per indicator the council's value in this and the two previous rounds, direction of travel, the
 * region's value and range, statistical neighbours' mean and median, England, ranks and band, with a small chart of
 * the same figures. The portal computes no figure: every number is the API's, suppressed where the API suppresses it.
 */
@Path("/councils/{code}/rounds")
@Produces(MediaType.TEXT_HTML)
@RequiredArgsConstructor
public class ComparisonPages {

    /** One indicator's row; every text is a figure as the API gave it, or the reason there is none. */
    public record Row(String id, String title, String value, List<String> previous, String direction, String region,
                      String regionRange, String neighbours, String england, String rank, String band, String chart) {
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance comparison(String code, String roundId, String authorityName, String regionName,
                                                         String period, List<String> previousPeriods, List<Row> rows,
                                                         String asAt);

        public static native TemplateInstance practitioner(String code, String roundId, String authorityName,
                                                           String regionName, String period, PractitionerReport report,
                                                           String asAt);
    }

    private final PersonApi api;
    private final IndicatorDictionary dictionary;
    private final PdfRenderer pdf;

    @GET
    @Path("{roundId}")
    public TemplateInstance comparison(@PathParam("code") String code, @PathParam("roundId") String roundId) {
        return printable(code, roundId).page();
    }

    private PrintablePage printable(String code, String roundId) {
        String what = code + "'s comparison for " + roundId;
        JsonNode comparison = api.read(comparisonUrl(api, code, roundId), what);
        Map<String, JsonNode> definitions = dictionary.all();
        String authorityName = comparison.path("authority").path("name").asText(code);
        String regionName = comparison.path("authority").path("regionName").asText("");
        String period = comparison.path("period").asText(roundId);
        String asAt = AsAt.now();
        if (IndicatorDictionary.fromResponses(comparison.path("indicators"), definitions)) {
            JsonNode indicators = api.read(api.endpoints().metrics() + "/api/v1/authorities/" + Rounds.encode(code)
                    + "/indicators?round=" + Rounds.encode(roundId), what);
            return new PrintablePage(Templates.practitioner(code, roundId, authorityName, regionName, period,
                    PractitionerReport.of(comparison, definitions, indicators), asAt),
                    authorityName + " health check report, practitioner survey " + period, source(code, roundId), asAt);
        }
        List<String> previousPeriods = new ArrayList<>();
        JsonNode rounds = comparison.path("rounds");
        for (int i = 1; i < rounds.size(); i++) {
            previousPeriods.add(rounds.get(i).path("period").asText());
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode i : comparison.path("indicators")) {
            JsonNode definition = definitions.get(i.path("indicator").asText());
            String suffix = Figures.suffix(i.path("unit").asText());
            rows.add(row(i, definition, authorityName, period, suffix, previousPeriods.size()));
        }
        return new PrintablePage(Templates.comparison(code, roundId, authorityName, regionName, period, previousPeriods, rows, asAt),
                authorityName + " compared with region and England, " + period, source(code, roundId), asAt);
    }

    @GET
    @Path("{roundId}.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("code") String code, @PathParam("roundId") String roundId) {
        return Downloads.pdf(printable(code, roundId).pdf(pdf), "comparison", code, roundId);
    }

    @GET
    @Path("{roundId}.csv")
    @Produces("text/csv")
    public Response csv(@PathParam("code") String code, @PathParam("roundId") String roundId) {
        String what = code + "'s comparison for " + roundId;
        return Downloads.csv(api.csv(comparisonUrl(api, code, roundId), what), "comparison", code, roundId);
    }

    private static String source(String code, String roundId) {
        return "benchmark-service, comparison of " + code + " in round " + roundId;
    }

    static Row row(JsonNode i, JsonNode definition, String authorityName, String period, String suffix, int previousCount) {
        String id = i.path("indicator").asText();
        String title = definition == null ? id : definition.path("title").asText(id);
        IndicatorFigures figures = IndicatorFigures.of(i);
        List<String> previous = new ArrayList<>();
        List<BarChart.Bar> bars = new ArrayList<>();
        bars.add(new BarChart.Bar(authorityName + " " + period, decimal(i.get("value")), true));
        for (int p = 0; p < previousCount; p++) {
            JsonNode past = i.path("previous").path(p);
            previous.add(past.isMissingNode() ? "–" : figure(past.get("value"), suffix, past.path("suppressed").asText(null), null));
            if (!past.isMissingNode()) {
                bars.add(new BarChart.Bar(authorityName + " " + past.path("period").asText(), decimal(past.get("value")), true));
            }
        }
        JsonNode region = i.path("region");
        JsonNode england = i.path("england");
        bars.add(new BarChart.Bar(region.path("name").asText("Region"), decimal(region.get("value")), false));
        bars.add(new BarChart.Bar("England", decimal(england.get("value")), false));
        JsonNode range = i.path("regionRange");
        String rangeText = range.isMissingNode() ? "–" : range.hasNonNull("suppressed") ? "Suppressed: " + range.path("reason").asText("")
                : end(range.path("lowest"), suffix) + " – " + end(range.path("highest"), suffix);
        JsonNode sn = i.path("statisticalNeighbours");
        String neighbours = sn.isMissingNode() || !sn.hasNonNull("mean") && !sn.hasNonNull("median") && !sn.hasNonNull("suppressed") ? "–"
                : sn.hasNonNull("suppressed") ? "Suppressed: " + sn.path("reason").asText("")
                : "mean " + figure(sn.get("mean"), suffix, null, null) + ", median " + figure(sn.get("median"), suffix, null, null);
        String chart = BarChart.svg(title + ", " + authorityName + " against region and England", bars, suffix);
        return new Row(id, title, figures.value(), previous, i.path("direction").asText("–"), figures.region(), rangeText,
                neighbours, figures.england(), figures.rank(), figures.band(), chart);
    }

    private static String end(JsonNode end, String suffix) {
        String figure = figure(end.get("value"), suffix, null, null);
        return end.hasNonNull("name") ? figure + " (" + end.get("name").asText() + ")" : figure;
    }

    /** benchmark-service's comparison of a council in a round (SeriesPage reads it for every round). */
    static String comparisonUrl(PersonApi api, String code, String roundId) {
        return api.endpoints().benchmark() + "/api/v1/benchmarks/" + Rounds.encode(roundId) + "/authorities/" + Rounds.encode(code);
    }
}
