package uk.gov.local.healthcheck.portal.comparison;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.portal.api.ApiResult;
import uk.gov.local.healthcheck.portal.api.PersonApi;
import uk.gov.local.healthcheck.portal.charts.LineChart;
import uk.gov.local.healthcheck.portal.figures.Figures;
import uk.gov.local.healthcheck.portal.figures.IndicatorDictionary;
import uk.gov.local.healthcheck.portal.figures.IndicatorFigures;
import uk.gov.local.healthcheck.portal.pdf.AsAt;
import uk.gov.local.healthcheck.portal.rounds.Rounds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One indicator of a council across the rounds of its instrument, with its region and England: a line chart and the
 * same figures as a table. The rounds are those metrics-service's series names; each round's figures are
 * benchmark-service's comparison of the council in it (1 dp, withheld where it withholds them).
 */
@Path("/councils/{code}/indicators")
@Produces(MediaType.TEXT_HTML)
@RequiredArgsConstructor
public class SeriesPage {

    /** One round's line of the table. */
    public record Point(String roundId, String period, String value, String region, String england, String rank,
                        String band) {
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance series(String code, String authorityName, String regionName, String title,
                                                     String description, String chart, List<Point> points, String asAt);
    }

    private final PersonApi api;
    private final IndicatorDictionary dictionary;

    @GET
    @Path("{indicatorId}")
    public TemplateInstance series(@PathParam("code") String code, @PathParam("indicatorId") String indicatorId) {
        String what = code + "'s " + indicatorId + " across rounds";
        String asAt = AsAt.now();
        JsonNode series = api.read(api.endpoints().metrics() + "/api/v1/authorities/" + Rounds.encode(code) + "/indicators/"
                + Rounds.encode(indicatorId) + "/series", what);
        List<String> rounds = new ArrayList<>();
        series.path("points").forEach(p -> rounds.add(p.path("round").asText()));
        List<ApiResult> comparisons = api.getAll(rounds.stream().map(r -> ComparisonPages.comparisonUrl(api, code, r)).toList(), what);
        JsonNode definition = dictionary.all().get(indicatorId);
        String title = definition == null ? indicatorId : definition.path("title").asText(indicatorId);
        String suffix = Figures.suffix(series.path("unit").asText());
        String authorityName = code;
        String regionName = "Region";
        List<Point> points = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        List<BigDecimal> own = new ArrayList<>();
        List<BigDecimal> region = new ArrayList<>();
        List<BigDecimal> england = new ArrayList<>();
        for (int p = 0; p < rounds.size(); p++) {
            JsonNode comparison = comparisons.get(p).orThrow(what);
            authorityName = comparison.path("authority").path("name").asText(code);
            regionName = comparison.path("authority").path("regionName").asText(regionName);
            JsonNode i = indicator(comparison, indicatorId);
            String period = comparison.path("period").asText(rounds.get(p));
            periods.add(period);
            if (i == null) {
                points.add(new Point(rounds.get(p), period, Figures.NONE, Figures.NONE, Figures.NONE, Figures.NONE, Figures.NONE));
                own.add(null);
                region.add(null);
                england.add(null);
                continue;
            }
            IndicatorFigures figures = IndicatorFigures.of(i);
            points.add(new Point(rounds.get(p), period, figures.value(), figures.region(), figures.england(), figures.rank(),
                    figures.band()));
            own.add(i.hasNonNull("suppressed") ? null : Figures.decimal(i.get("value")));
            region.add(Figures.decimal(i.path("region").get("value")));
            england.add(Figures.decimal(i.path("england").get("value")));
        }
        String chart = LineChart.svg(title + ": " + authorityName + ", " + regionName + " and England by round", periods,
                List.of(new LineChart.Series(authorityName, own), new LineChart.Series(regionName, region),
                        new LineChart.Series("England", england)), suffix);
        return Templates.series(code, authorityName, regionName, title,
                definition == null ? "" : definition.path("description").asText(""), chart, points, asAt);
    }

    private static JsonNode indicator(JsonNode comparison, String id) {
        for (JsonNode i : comparison.path("indicators")) {
            if (id.equals(i.path("indicator").asText())) {
                return i;
            }
        }
        return null;
    }
}
