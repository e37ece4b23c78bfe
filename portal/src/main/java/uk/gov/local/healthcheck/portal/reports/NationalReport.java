package uk.gov.local.healthcheck.portal.reports;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.local.healthcheck.portal.charts.BarChart;
import uk.gov.local.healthcheck.portal.figures.Figures;
import uk.gov.local.healthcheck.portal.forms.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The national report's tables, from benchmark-service's answers (the portal computes no figure):
 * <ul>
 *   <li>an employer round: every tabulated question as in seed 004 — its base, each option's count and share, and
 *   the same by council type (or by region), with a bar chart of England's shares;</li>
 *   <li>a workforce round: per indicator England, the regions and the council types, with a bar chart by region;</li>
 *   <li>a practitioner round: per standard's score and the overall score, England and the regions.</li>
 * </ul>
 */
public final class NationalReport {

    /** A table: its id and title, a note (base, definition), its column heads, rows, and a chart of the same figures. */
    public record Table(String id, String title, String note, List<String> columns, List<TableRow> rows, String chart,
                        Grouped grouped) {
    }

    /** A row: its head and cells, each the API's figure or why there is none. */
    public record TableRow(String head, List<String> cells) {
    }

    /** The same question by council type or region: a column per group, the base row first. */
    public record Grouped(String by, List<String> groups, List<TableRow> rows) {
    }

    private NationalReport() {
    }

    /** Employer round: one table per question of {@code GET /api/v1/reports/{round}?by=…}. */
    public static List<Table> questions(JsonNode report) {
        List<Table> tables = new ArrayList<>();
        for (JsonNode q : report.path("tables")) {
            String id = q.path("question").asText();
            String title = q.path("text").asText(id);
            boolean withheld = q.hasNonNull("suppressed");
            // a withheld table has no base either: say why, not that nobody answered
            String base = withheld ? "Withheld: " + Figures.text(q, "reason")
                    : !q.hasNonNull("base") ? "No return answered"
                    : "Base: " + q.get("base").asText() + (q.get("base").asInt() == 1 ? " return" : " returns") + " that answered";
            List<TableRow> rows = new ArrayList<>();
            List<BarChart.Bar> bars = new ArrayList<>();
            List<String> columns;
            if (q.path("options").size() > 0) {
                columns = List.of("Answer", "Returns", "Share of base");
                for (JsonNode o : q.path("options")) {
                    String label = Labels.option(o.path("option").asText());
                    String percent = Figures.figure(o.get("percent"), "%", null, o.path("low").asBoolean() ? "under 0.05%" : null);
                    rows.add(new TableRow(label, List.of(o.path("count").asText(), percent)));
                    bars.add(new BarChart.Bar(label, Figures.decimal(o.get("percent")), true));
                }
            } else {
                columns = List.of("Figure", "England");
                rows.add(new TableRow("Mean", List.of(Figures.figure(q.get("mean"), "", Figures.text(q, "suppressed"), Figures.text(q, "reason")))));
                rows.add(new TableRow("Median", List.of(Figures.figure(q.get("median"), "", Figures.text(q, "suppressed"), Figures.text(q, "reason")))));
            }
            String chart = bars.isEmpty() || withheld ? null : BarChart.svg(title + ", share of returns in England", bars, "%");
            tables.add(new Table(id, title, base, columns, rows, chart, grouped(q)));
        }
        return tables;
    }

    private static Grouped grouped(JsonNode q) {
        if (!q.has("groups")) {
            return null;
        }
        List<String> groups = new ArrayList<>();
        q.path("groups").forEach(g -> groups.add(g.path("group").asText()));
        List<TableRow> rows = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        q.path("groups").forEach(g -> bases.add(g.hasNonNull("suppressed") ? "[c]" : g.path("base").asText(Figures.NONE)));
        rows.add(new TableRow("Base", bases));
        if (q.path("options").size() > 0) {
            for (JsonNode o : q.path("options")) {
                String option = o.path("option").asText();
                List<String> cells = new ArrayList<>();
                for (JsonNode g : q.path("groups")) {
                    cells.add(groupShare(g, option));
                }
                rows.add(new TableRow(Labels.option(option), cells));
            }
        } else {
            for (String stat : List.of("mean", "median")) {
                List<String> cells = new ArrayList<>();
                q.path("groups").forEach(g -> cells.add(Figures.figure(g.get(stat), "", Figures.text(g, "suppressed"), null)));
                rows.add(new TableRow(Labels.option(stat), cells));
            }
        }
        String by = "region".equals(q.path("by").asText()) ? "region" : "council type";
        return new Grouped(by, groups, rows);
    }

    private static String groupShare(JsonNode group, String option) {
        if (group.hasNonNull("suppressed")) {
            return "[c]";
        }
        for (JsonNode o : group.path("options")) {
            if (option.equals(o.path("option").asText())) {
                return o.path("count").asText() + " (" + Figures.figure(o.get("percent"), "%", null, null) + ")";
            }
        }
        return Figures.NONE;
    }

    /**
     * Workforce or practitioner round: one table per indicator of {@code GET /api/v1/benchmarks/{round}/indicators/{id}}:
     * England, then the regions, then (when {@code councilTypes}) the council types; a bar chart by region.
     */
    public static Table indicator(JsonNode benchmark, JsonNode definition, boolean councilTypes) {
        String id = benchmark.path("indicator").asText();
        String title = definition == null ? id : definition.path("title").asText(id);
        String suffix = Figures.suffix(benchmark.path("unit").asText());
        List<TableRow> rows = new ArrayList<>();
        List<BarChart.Bar> bars = new ArrayList<>();
        rows.add(groupRow(benchmark.path("national"), suffix));
        for (JsonNode region : benchmark.path("regions")) {
            rows.add(groupRow(region, suffix));
            bars.add(new BarChart.Bar(region.path("name").asText(), Figures.decimal(region.get("value")), false));
        }
        bars.add(new BarChart.Bar("England", Figures.decimal(benchmark.path("national").get("value")), true));
        if (councilTypes) {
            for (JsonNode type : benchmark.path("councilTypes")) {
                rows.add(groupRow(type, suffix));
            }
        }
        String note = definition == null ? "" : definition.path("description").asText("");
        return new Table(id, title, note, List.of("Group", "Authorities", "Value", "Median", "Lowest – highest"), rows,
                BarChart.svg(title + " by region and England", bars, suffix), null);
    }

    private static TableRow groupRow(JsonNode g, String suffix) {
        String range = g.hasNonNull("min") ? Figures.figure(g.get("min"), suffix, null, null) + " – "
                + Figures.figure(g.get("max"), suffix, null, null) : Figures.NONE;
        return new TableRow(g.path("name").asText(g.path("code").asText()), List.of(g.path("n").asText(),
                Figures.of(g, "value", suffix), Figures.figure(g.get("median"), suffix, null, null), range));
    }

    /**
     * A practitioner round's summary, as seed 003 lays it out: one row per group (England, then the regions), one
     * column per score; the cells are the same figures as the per-score tables below it.
     */
    public static Table standardsByRegion(List<JsonNode> benchmarks, java.util.Map<String, JsonNode> dictionary) {
        List<String> columns = new ArrayList<>(List.of("Group"));
        for (JsonNode b : benchmarks) {
            JsonNode d = dictionary.get(b.path("indicator").asText());
            String title = d == null ? b.path("indicator").asText() : d.path("title").asText();
            // "Clear Social Work Accountability Framework - Standard 1" heads its column as "Standard 1"
            columns.add(title.contains(" - ") ? title.substring(title.lastIndexOf(" - ") + 3) : title);
        }
        List<TableRow> rows = new ArrayList<>();
        if (!benchmarks.isEmpty()) {
            rows.add(new TableRow("England", benchmarks.stream().map(b -> Figures.of(b.path("national"), "value", "%")).toList()));
            JsonNode regions = benchmarks.get(0).path("regions");
            for (int r = 0; r < regions.size(); r++) {
                int index = r;
                rows.add(new TableRow(regions.get(r).path("name").asText(),
                        benchmarks.stream().map(b -> Figures.of(b.path("regions").path(index), "value", "%")).toList()));
            }
        }
        return new Table("standards-by-region", "The standards by region", "Each standard's score: the mean of its statements' "
                + "shares agreeing, pooled over the group's respondents.", columns, rows, null, null);
    }

    /** The indicators of an instrument, in the dictionary's order (which is the instrument's). */
    public static List<String> indicatorsOf(String instrument, Map<String, JsonNode> dictionary, boolean scoresOnly) {
        return dictionary.values().stream()
                .filter(d -> instrument.equals(d.path("instrument").asText()))
                .filter(d -> !scoresOnly || d.path("id").asText().endsWith("_score"))
                .filter(d -> !"count".equals(d.path("unit").asText()))
                .map(d -> d.path("id").asText())
                .toList();
    }
}
