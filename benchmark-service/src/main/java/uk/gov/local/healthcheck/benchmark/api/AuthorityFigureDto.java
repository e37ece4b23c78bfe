package uk.gov.local.healthcheck.benchmark.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * An authority's own figures for one indicator of a round, exactly as its comparison shows them (both are built by
 * {@link AuthorityFigures#own}).
 */
@Schema(name = "AuthorityFigure")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorityFigureDto(
        String indicator,
        @Schema(description = "the authority's value, 1 dp") BigDecimal value,
        @Schema(description = "\"c\" when the authority's own figure is withheld (under 10 respondents)") String suppressed,
        String reason,
        @Schema(description = "why the value is null, as metrics-service says") String missingReason,
        @Schema(description = "A (best quarter of England) … D, by polarity") String band,
        Integer rankRegion,
        Integer rankedRegion,
        @Schema(description = "1 = best in England by polarity; ties share the lower rank") Integer rankEngland,
        @Schema(description = "authorities ranked in England") Integer rankedEngland,
        @Schema(description = "[\"value\"] when the value is not 0 but rounds to 0.0 (shown as null)") List<String> low) {
}
