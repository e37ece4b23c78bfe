package uk.gov.local.healthcheck.portal.comparison;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A council's figure compared (value, region, England, rank, band) is written by one pair of includes,
 * {@code comparison/figure-headings} and {@code comparison/figure-cells}: on the series page and in the health check
 * report's tables each figure stands under its own heading, in the same order, with the headings' scope and the
 * figures' numeric alignment, under the table's caption. (The pages as people use them are deploy's ResultsPagesIT.)
 */
@QuarkusTest
class FigureColumnsTest {

    /** The columns of numbers: the council's, its region's and England's figures. */
    static final Set<String> NUMERIC = Set.of("Warwickshire", "West Midlands", "England");

    @Test
    @ActivateRequestContext
    void aRoundOfTheSeriesHasEachFigureUnderItsHeading() {
        SeriesPage.Point point = new SeriesPage.Point("workforce-2024", "2024", "14.0%", "12.5%", "15.1%",
                "3 of 152 in England, 1 of 14 in region", "B");
        Element table = table(SeriesPage.Templates.series("E10000031", "Warwickshire", "West Midlands", "Agency rate", "",
                "", List.of(point), "2 December 2026 09:00").render(), "#series");

        assertEquals(List.of("Round", "Warwickshire", "West Midlands", "England", "Rank", "Band (A best – D)"), headings(table));
        assertEquals(List.of("2024", "14.0%", "12.5%", "15.1%", "3 of 152 in England, 1 of 14 in region", "B"), row(table, 0));
    }

    @Test
    @ActivateRequestContext
    void aStatementAndItsStandardsScoreHaveEachFigureUnderItsHeading() {
        PractitionerReport.Line statement = new PractitionerReport.Line("std1.a", "My organisation has a clear framework",
                "83.3%", "good", "75.0%", "73.1%", "1 of 4 in England", "A");
        PractitionerReport.Line score = new PractitionerReport.Line("std1_score", "Standard 1", "75.0%", "moderate", "69.7%",
                "69.6%", "2 of 4 in England", "A");
        PractitionerReport report = new PractitionerReport("12", score,
                List.of(new PractitionerReport.Standard("std1_score", "Standard 1", score, List.of(statement), "")), false, null);
        Element table = table(ComparisonPages.Templates.practitioner("E10000031", "practitioner-2025", "Warwickshire",
                "West Midlands", "2025", report, "2 December 2026 09:00").render(), "#table-std1_score");

        assertEquals(List.of("Statement", "Warwickshire", "West Midlands", "England", "Rank", "Band"), headings(table));
        assertEquals(List.of("My organisation has a clear framework", "83.3%", "75.0%", "73.1%", "1 of 4 in England", "good"),
                row(table, 0));
        assertEquals(List.of("Standard score", "75.0%", "69.7%", "69.6%", "2 of 4 in England", "moderate"), row(table, 1));
    }

    private static Element table(String page, String selector) {
        Element table = Jsoup.parse(page).selectFirst(selector);
        assertEquals("table", table == null ? null : table.tagName(), selector + " is a table: " + page);
        assertFalse(table.select("caption").text().isBlank(), "the table says what it holds: " + table.outerHtml());
        return table;
    }

    private static List<String> headings(Element table) {
        table.select("thead th").forEach(th -> assertEquals("col", th.attr("scope"), th.outerHtml()));
        return table.select("thead th").eachText();
    }

    /**
     * A body row's texts, one under each heading: its own heading scoped to the row, then the figures, those of the
     * council, the region and England aligned as numbers under headings aligned the same way.
     */
    private static List<String> row(Element table, int index) {
        List<Element> headings = table.select("thead th");
        Element tr = table.select("tbody tr").get(index);
        List<Element> cells = tr.select("th, td");
        assertEquals(headings.size(), cells.size(), "one cell under each heading: " + tr.outerHtml());
        assertEquals("row", cells.get(0).attr("scope"), cells.get(0).outerHtml());
        for (int i = 1; i < cells.size(); i++) {
            boolean numeric = NUMERIC.contains(headings.get(i).text());
            assertEquals(numeric, headings.get(i).hasClass("govuk-table__header--numeric"), headings.get(i).outerHtml());
            assertEquals(numeric, cells.get(i).hasClass("govuk-table__cell--numeric"), cells.get(i).outerHtml());
        }
        return cells.stream().map(Element::text).toList();
    }
}
