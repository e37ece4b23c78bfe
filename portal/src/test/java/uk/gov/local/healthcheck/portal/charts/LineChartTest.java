package uk.gov.local.healthcheck.portal.charts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineChartTest {

    @Test
    void everyFigureIsInTheTextAlternativeAndAMissingOneBreaksTheLineRatherThanDrawingZero() {
        String svg = LineChart.svg("Agency rate", List.of("2022", "2023", "2024"), List.of(
                new LineChart.Series("Warwickshire", Arrays.asList(new BigDecimal("9.6"), null, new BigDecimal("4.2"))),
                new LineChart.Series("England", List.of(new BigDecimal("17.8"), new BigDecimal("18.0"), new BigDecimal("16.3")))), "%");
        assertTrue(svg.contains("Warwickshire: 2022 9.6%, 2023 no figure, 2024 4.2%."), svg);
        assertTrue(svg.contains("England: 2022 17.8%, 2023 18.0%, 2024 16.3%."), svg);
        assertTrue(svg.contains("role=\"img\""));
        // Warwickshire's line is two moves (M … M …), never a line through a zero
        String warwickshire = svg.substring(svg.indexOf("<path d=\"M"), svg.indexOf("/>", svg.indexOf("<path d=\"M")));
        assertEquals(2, warwickshire.chars().filter(c -> c == 'M').count(), warwickshire);
        assertTrue(svg.contains("stroke-dasharray"), "the second line is dashed: told apart without colour");
    }

    @Test
    void theAxisEndsAtARoundNumber() {
        assertEquals(0, new BigDecimal("20").compareTo(LineChart.niceCeiling(new BigDecimal("18.0"))));
        assertEquals(0, new BigDecimal("50").compareTo(LineChart.niceCeiling(new BigDecimal("43.6"))));
        assertEquals(0, new BigDecimal("2.5").compareTo(LineChart.niceCeiling(new BigDecimal("2.1"))));
    }
}
