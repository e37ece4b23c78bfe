package uk.gov.local.healthcheck.portal.regions;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.local.healthcheck.portal.figures.Figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An RIA's table, from benchmark-service's region table: the region's authorities × the round's headline
 * indicators, each cell the authority's figure and its band A–D (written, and shaded: colour is never the only cue),
 * sorted by a column; the region and England rows after them. The portal sorts and selects; it computes no figure.
 */
public record RegionTable(Column nameColumn, List<Column> columns, List<Row> authorities, Row region, Row england, int withheld,
                          String sort, boolean descending) {

    public record Column(String id, String title, String unit, String sortHref, String ariaSort) {
    }

    /** A cell: the figure as written, its band (null when none) and the number it sorts by (null: last). */
    public record Cell(String text, String band, BigDecimal sortKey) {
    }

    public record Row(String code, String name, boolean visible, List<Cell> cells) {
    }

    static final String BY_NAME = "name";

    /**
     * @param table    the API's region table
     * @param headline the indicators to show, in this order, where the round has them (all when none is)
     * @param sort     an indicator id or "name"
     */
    public static RegionTable of(JsonNode table, List<String> headline, Map<String, JsonNode> dictionary, String basePath,
                                 String sort, boolean descending) {
        List<String> present = new ArrayList<>();
        table.path("indicators").forEach(i -> present.add(i.path("indicator").asText()));
        List<String> shown = headline.stream().filter(present::contains).toList();
        if (shown.isEmpty()) {
            shown = present;
        }
        String sortBy = shown.contains(sort) ? sort : BY_NAME;
        List<Column> columns = new ArrayList<>();
        List<Cell> regionCells = new ArrayList<>();
        List<Cell> englandCells = new ArrayList<>();
        for (String id : shown) {
            JsonNode column = find(table.path("indicators"), "indicator", id);
            JsonNode definition = dictionary.get(id);
            String suffix = Figures.suffix(column.path("unit").asText());
            boolean sorted = id.equals(sortBy);
            columns.add(new Column(id, definition == null ? id : definition.path("title").asText(id), column.path("unit").asText(),
                    basePath + "?sort=" + id + "&order=" + (sorted && !descending ? "desc" : "asc"),
                    sorted ? (descending ? "descending" : "ascending") : "none"));
            regionCells.add(new Cell(Figures.of(column.path("region"), "value", suffix), null, null));
            englandCells.add(new Cell(Figures.of(column.path("england"), "value", suffix), null, null));
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode a : table.path("authorities")) {
            boolean visible = a.path("visible").asBoolean();
            List<Cell> cells = new ArrayList<>();
            if (visible) {
                for (String id : shown) {
                    JsonNode f = find(a.path("figures"), "indicator", id);
                    String suffix = Figures.suffix(find(table.path("indicators"), "indicator", id).path("unit").asText());
                    String reason = Figures.text(f, "reason") != null ? Figures.text(f, "reason") : Figures.text(f, "missingReason");
                    String text = Figures.figure(f.get("value"), suffix, Figures.text(f, "suppressed"), reason);
                    cells.add(new Cell(text, Figures.text(f, "band"), f.hasNonNull("suppressed") ? null : Figures.decimal(f.get("value"))));
                }
            }
            rows.add(new Row(a.path("code").asText(), a.path("name").asText(), visible, cells));
        }
        rows.sort(order(shown.indexOf(sortBy), descending));
        boolean byName = BY_NAME.equals(sortBy);
        Column nameColumn = new Column(BY_NAME, "Authority", null,
                basePath + "?sort=name&order=" + (byName && !descending ? "desc" : "asc"),
                byName ? (descending ? "descending" : "ascending") : "none");
        return new RegionTable(nameColumn, columns, rows,
                new Row(table.path("region").path("code").asText(), table.path("region").path("name").asText(), true, regionCells),
                new Row("E92000001", "England", true, englandCells), table.path("withheld").asInt(), sortBy,
                descending);
    }

    /** By the column's figure (authorities without one last, whichever the direction), then by name. */
    static Comparator<Row> order(int column, boolean descending) {
        Comparator<Row> byName = Comparator.comparing(Row::name);
        if (column < 0) {
            return descending ? byName.reversed() : byName;
        }
        Comparator<BigDecimal> numbers = descending ? Comparator.<BigDecimal>reverseOrder() : Comparator.<BigDecimal>naturalOrder();
        return Comparator.<Row, BigDecimal>comparing(r -> r.visible() ? r.cells().get(column).sortKey() : null,
                Comparator.nullsLast(numbers)).thenComparing(byName);
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
