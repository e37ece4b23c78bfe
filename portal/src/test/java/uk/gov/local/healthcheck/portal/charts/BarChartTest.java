package uk.gov.local.healthcheck.portal.charts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart is an image with a text alternative naming every figure, and never draws a missing figure as zero. */
class BarChartTest {

    @Test
    void everyFigureIsWrittenAndNamedInTheTextAlternative() {
        String svg = BarChart.svg("Agency rate", List.of(new BarChart.Bar("Warwickshire 2024", new BigDecimal("14.2"), true),
                new BarChart.Bar("West Midlands", new BigDecimal("17.0"), false),
                new BarChart.Bar("England", null, false)), "%");
        assertTrue(svg.startsWith("<svg"), svg);
        assertTrue(svg.contains("role=\"img\""));
        assertTrue(svg.contains("aria-label=\"Agency rate: Warwickshire 2024 14.2%; West Midlands 17.0%; England no figure\""), "as the API writes it, 1 dp: " + svg);
        assertTrue(svg.contains(">14.2%</text>"), "the value is written beside its bar");
        assertTrue(svg.contains(">no figure</text>"));
        assertTrue(svg.contains("width=\"210\""), "the largest figure takes the whole room: " + svg);
        assertFalse(svg.contains("style="), "no inline style: the CSP forbids it");
    }

    @Test
    void labelsAreEscaped() {
        String svg = BarChart.svg("A & B", List.of(new BarChart.Bar("<x>", BigDecimal.ONE, true)), "");
        assertTrue(svg.contains("A &amp; B"));
        assertTrue(svg.contains("&lt;x&gt;"));
    }
}
