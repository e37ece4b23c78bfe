package uk.gov.local.healthcheck.benchmark.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.local.healthcheck.benchmark.query.IndicatorBenchmark;

import java.util.List;

/** An indicator in a round: England, then every E12 region in code order. */
@Schema(name = "IndicatorBenchmark")
public record IndicatorBenchmarkDto(
        @Schema(example = "agency_rate") String indicator,
        @Schema(example = "workforce-2024") String round,
        GroupBenchmarkDto national,
        List<GroupBenchmarkDto> regions) {

    static IndicatorBenchmarkDto from(IndicatorBenchmark benchmark) {
        return new IndicatorBenchmarkDto(
                benchmark.indicatorId(),
                benchmark.roundId(),
                GroupBenchmarkDto.from(benchmark.national()),
                benchmark.regions().stream().map(GroupBenchmarkDto::from).toList());
    }
}
