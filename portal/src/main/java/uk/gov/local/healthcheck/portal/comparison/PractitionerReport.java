package uk.gov.local.healthcheck.portal.comparison;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.local.healthcheck.portal.charts.BarChart;
import uk.gov.local.healthcheck.portal.figures.Figures;
import uk.gov.local.healthcheck.portal.figures.IndicatorFigures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A council's health check report for a practitioner round (seed 003): respondents, the overall score, then per
 * standard its score and each statement's share agreeing beside the region and England, ranks and bands, with a bar
 * chart per standard. Built from benchmark-service's comparison (figures, region, England, ranks, quartile band) and
 * metrics-service's indicators (the instrument's good / moderate band); the portal computes no figure.
 */
public record PractitionerReport(String respondents, Line overall, List<Standard> standards, boolean suppressed,
                                 String suppressionReason) {

    /** A statement's or a score's line: the council's figure and band, the region's, England's, and ranks. */
    public record Line(String id, String title, String value, String band, String region, String england, String rank,
                       String quartile) {
    }

    public record Standard(String id, String title, Line score, List<Line> statements, String chart) {
    }

    static final String RESPONDENTS = "respondents";
    static final String OVERALL = "overall_score";
    static final String SCORE_SUFFIX = "_score";

    /**
     * @param comparison benchmark-service's comparison of the authority in the round
     * @param dictionary metrics-service's indicator definitions by id (titles; a standard's statements are its numerator)
     * @param indicators metrics-service's indicators of the authority in the round (null when it has none yet)
     */
    public static PractitionerReport of(JsonNode comparison, Map<String, JsonNode> dictionary, JsonNode indicators) {
        String authority = comparison.path("authority").path("name").asText();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        comparison.path("indicators").forEach(i -> byId.put(i.path("indicator").asText(), i));
        Map<String, String> bands = new HashMap<>();
        if (indicators != null) {
            indicators.path("indicators").forEach(i -> {
                if (i.hasNonNull("band")) {
                    bands.put(i.path("indicatorId").asText(), i.get("band").asText());
                }
            });
        }
        List<Standard> standards = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : byId.entrySet()) {
            String id = e.getKey();
            if (!id.endsWith(SCORE_SUFFIX) || OVERALL.equals(id)) {
                continue;
            }
            JsonNode definition = dictionary.get(id);
            Line score = line(e.getValue(), definition, bands);
            List<Line> statements = new ArrayList<>();
            List<BarChart.Bar> bars = new ArrayList<>();
            if (definition != null) {
                for (JsonNode statementId : definition.path("numerator")) {
                    JsonNode statement = byId.get(statementId.asText());
                    if (statement != null) {
                        Line line = line(statement, dictionary.get(statementId.asText()), bands);
                        statements.add(line);
                        bars.add(new BarChart.Bar(shortTitle(line.title()), Figures.decimal(statement.get("value")), true));
                    }
                }
            }
            JsonNode s = e.getValue();
            bars.add(new BarChart.Bar("Standard score", Figures.decimal(s.get("value")), true));
            bars.add(new BarChart.Bar(s.path("region").path("name").asText("Region"), Figures.decimal(s.path("region").get("value")), false));
            bars.add(new BarChart.Bar("England", Figures.decimal(s.path("england").get("value")), false));
            String chart = BarChart.svg(score.title() + ": " + authority + "'s share agreeing with each statement, and the "
                    + "standard's score against region and England", bars, "%");
            standards.add(new Standard(id, score.title(), score, statements, chart));
        }
        JsonNode respondents = byId.get(RESPONDENTS);
        JsonNode overall = byId.get(OVERALL);
        // withheld when the API withholds any of the council's own figures (a statement under 10 respondents): the
        // overall score then has no value, and its reason says only that no standard has one
        JsonNode withheld = byId.values().stream().filter(i -> i.hasNonNull("suppressed")).findFirst().orElse(null);
        return new PractitionerReport(
                respondents == null ? Figures.NONE : Figures.count(respondents.get("value"),
                        Figures.text(respondents, "suppressed"), Figures.text(respondents, "reason")),
                overall == null ? null : line(overall, dictionary.get(OVERALL), bands),
                standards, withheld != null, withheld == null ? null : Figures.text(withheld, "reason"));
    }

    static Line line(JsonNode i, JsonNode definition, Map<String, String> bands) {
        String id = i.path("indicator").asText();
        IndicatorFigures figures = IndicatorFigures.of(i);
        // a withheld figure has no band: the band would tell what the figure is
        String band = i.hasNonNull("suppressed") ? Figures.NONE : bands.getOrDefault(id, Figures.NONE);
        return new Line(id, definition == null ? id : definition.path("title").asText(id), figures.value(), band,
                figures.region(), figures.england(), figures.rank(), figures.band());
    }

    /** A statement's text cut for a chart label (the full text is in the table beside it). */
    static String shortTitle(String title) {
        return title.length() <= 30 ? title : title.substring(0, 29).strip() + "…";
    }
}
