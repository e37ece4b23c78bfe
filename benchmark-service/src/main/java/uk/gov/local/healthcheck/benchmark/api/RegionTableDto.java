package uk.gov.local.healthcheck.benchmark.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Collection;
import java.util.List;

/**
 * A region's table for a round: every authority of the region × the round's indicators, with the region's and
 * England's figures per indicator. An authority's figures are those of its comparison.
 */
@Schema(name = "RegionTable")
public record RegionTableDto(
        String round,
        String period,
        RegionRef region,
        @Schema(description = "the round's indicators (or those asked for with ?indicator=), in the comparison's order")
        List<IndicatorColumn> indicators,
        @Schema(description = "the region's authorities that existed in the round's year or reported in it, by name")
        List<AuthorityRow> authorities,
        @Schema(description = "authorities listed with visible = false: the caller may not see them and they did not "
                + "consent to named publication") int withheld) {

    public record RegionRef(@Schema(example = "E12000007") String code, @Schema(example = "London") String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorColumn(
            String indicator,
            @Schema(description = "higher-is-better, lower-is-better or neither") String polarity,
            String unit,
            ComparisonDto.GroupFigure region,
            ComparisonDto.GroupFigure england,
            @Schema(description = "region and/or england when their value is not 0 but rounds to 0.0 (shown as null)")
            List<String> low) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuthorityRow(
            String code,
            String name,
            String councilType,
            @Schema(description = "false when the caller may not see this authority's figures and it did not consent "
                    + "to named publication; figures are then absent") boolean visible,
            @Schema(description = "one per indicator, in the indicators' order; absent when not visible")
            List<AuthorityFigureDto> figures) {

        AuthorityRow restrictedTo(Collection<String> indicators) {
            return figures == null ? this : new AuthorityRow(code, name, councilType, visible,
                    figures.stream().filter(f -> indicators.contains(f.indicator())).toList());
        }
    }

    /** The same table with only the given indicators (in the table's order). */
    RegionTableDto restrictedTo(Collection<String> indicatorIds) {
        return new RegionTableDto(round, period, region,
                indicators.stream().filter(i -> indicatorIds.contains(i.indicator())).toList(),
                authorities.stream().map(a -> a.restrictedTo(indicatorIds)).toList(), withheld);
    }
}
