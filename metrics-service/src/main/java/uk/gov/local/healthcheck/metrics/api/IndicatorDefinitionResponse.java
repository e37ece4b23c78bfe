package uk.gov.local.healthcheck.metrics.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.local.healthcheck.metrics.indicators.DenominatorFactor;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDefinition;

import java.util.List;
import java.util.Locale;

/** One entry of the indicator dictionary. */
@Schema(name = "IndicatorDefinition")
public record IndicatorDefinitionResponse(
        @Schema(example = "turnover_rate") String id,
        String title,
        String description,
        @Schema(enumeration = {"percent", "number", "count"}) String unit,
        @Schema(enumeration = {"lower-is-better", "higher-is-better", "neither"}) String polarity,
        @Schema(example = "workforce-return") String instrument,
        @Schema(description = "question ids summed into the numerator") List<String> numerator,
        @Schema(description = "question ids summed into the denominator") List<String> denominator,
        @Schema(description = "what the summed denominator is multiplied by, if anything",
                enumeration = {"working-days-in-year"}) String denominatorFactor,
        int scale,
        @Schema(example = "flows.leavers_fte / staff.fte × 100") String formula,
        @Schema(description = "return: from one authority's return; responses: from the tallies of practitioner "
                + "responses", enumeration = {"return", "responses"}) String computedFrom,
        @Schema(description = "where the definition comes from") String source) {

    static IndicatorDefinitionResponse of(IndicatorDefinition d) {
        return new IndicatorDefinitionResponse(d.id(), d.title(), d.description(), d.unit().wire(),
                d.polarity().wire(), d.instrument(), d.numerator(), d.denominator(),
                d.denominatorFactor() == DenominatorFactor.NONE ? null : kebab(d.denominatorFactor().name()),
                d.scale(), d.formula(), kebab(d.source().name()), d.reference());
    }

    private static String kebab(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
