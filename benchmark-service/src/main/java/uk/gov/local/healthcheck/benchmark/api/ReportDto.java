package uk.gov.local.healthcheck.benchmark.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Every tabulated question of a round's instrument, in instrument order: the national report. */
@Schema(name = "Report")
public record ReportDto(String round, String instrument, String instrumentVersion, String period,
                        @Schema(description = "returns in the round (authorities not withdrawn)") int returns,
                        List<QuestionDto> tables) {
}
