package uk.gov.local.healthcheck.metrics.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorResult;
import uk.gov.local.healthcheck.metrics.store.AuthorityState;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** An authority's current indicators in one round. */
@Schema(name = "AuthorityIndicators")
public record AuthorityIndicatorsResponse(
        @Schema(example = "E10000031") String authority,
        @Schema(example = "workforce-2024") String round,
        @Schema(example = "workforce-return") String instrument,
        @Schema(example = "2024") String period,
        @Schema(description = "the return revision the indicators were computed from") int revision,
        OffsetDateTime computedAt,
        List<Indicator> indicators) {

    static AuthorityIndicatorsResponse of(AuthorityState s) {
        return new AuthorityIndicatorsResponse(s.authorityCode(), s.roundId(), s.instrument(), s.period(),
                s.revision(), s.computedAt().atOffset(ZoneOffset.UTC),
                s.indicators().stream().map(Indicator::of).toList());
    }

    /** One indicator; {@code value} is null when it cannot be computed and {@code missingReason} says why. */
    @Schema(name = "IndicatorValue")
    public record Indicator(
            @Schema(example = "turnover_rate") String indicatorId,
            @Schema(description = "numerator / denominator × scale, unrounded; null when missing") BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            @Schema(description = "100 for a percentage, 1 for a plain number") int scale,
            @Schema(description = "question ids declared missing or unanswered") List<String> missingInputs,
            @Schema(description = "why value is null, absent otherwise") String missingReason) {

        static Indicator of(IndicatorResult r) {
            return new Indicator(r.indicatorId(), r.value(), r.numerator(), r.denominator(), r.scale(),
                    r.missingInputs(), r.missingReason());
        }
    }
}
