package uk.gov.local.healthcheck.benchmark.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.local.healthcheck.benchmark.query.IndicatorView;

import java.util.List;

/**
 * An indicator in a round: England, every E12 region (code order), Inner and Outer London, the four council types
 * and every authority's statistical neighbours.
 */
@Schema(name = "IndicatorBenchmark")
public record IndicatorBenchmarkDto(
        @Schema(example = "agency_rate") String indicator,
        @Schema(example = "workforce-2024") String round,
        @Schema(description = "higher-is-better, lower-is-better or neither") String polarity,
        @Schema(description = "percent, number or count; null when the events do not say") String unit,
        GroupBenchmarkDto national,
        List<GroupBenchmarkDto> regions,
        List<GroupBenchmarkDto> londonSubregions,
        List<GroupBenchmarkDto> councilTypes,
        @Schema(description = "each authority's 10 DfE statistical neighbours (the authority itself excluded)")
        List<GroupBenchmarkDto> statisticalNeighbours) {

    static IndicatorBenchmarkDto from(IndicatorView view) {
        return new IndicatorBenchmarkDto(
                view.indicatorId(),
                view.round().info().roundId(),
                view.polarity().wire(),
                view.unit(),
                GroupBenchmarkDto.from(view.national()),
                view.of(view.catalog().regions()).stream().map(GroupBenchmarkDto::from).toList(),
                view.of(view.catalog().londonSubregions()).stream().map(GroupBenchmarkDto::from).toList(),
                view.of(view.catalog().councilTypes()).stream().map(GroupBenchmarkDto::from).toList(),
                view.allNeighbourGroups().stream().map(GroupBenchmarkDto::from).toList());
    }
}
