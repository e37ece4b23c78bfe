package uk.gov.local.healthcheck.portal.figures;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One indicator of a council as benchmark-service compares it, written for a page: the council's figure, its region's
 * and England's, its ranks and its quartile band (A best – D), each as the API gave it or the reason there is none.
 */
public record IndicatorFigures(String value, String region, String england, String rank, String band) {

    /** @param indicator one entry of benchmark-service's comparison's {@code indicators} */
    public static IndicatorFigures of(JsonNode indicator) {
        String suffix = Figures.suffix(indicator.path("unit").asText());
        return new IndicatorFigures(Figures.value(indicator, suffix), Figures.of(indicator.path("region"), "value", suffix),
                Figures.of(indicator.path("england"), "value", suffix), Figures.rank(indicator),
                indicator.path("band").asText(Figures.NONE));
    }
}
