package uk.gov.local.healthcheck.metrics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.gov.local.healthcheck.events.IndicatorValue;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDefinition;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;
import uk.gov.local.healthcheck.metrics.indicators.PractitionerRules;
import uk.gov.local.healthcheck.metrics.indicators.Unit;
import uk.gov.local.healthcheck.metrics.store.AuthorityState;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An authority's current indicators in one round. */
@Schema(name = "AuthorityIndicators")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorityIndicatorsResponse(
        @Schema(example = "E10000031") String authority,
        @Schema(example = "workforce-2024") String round,
        @Schema(example = "workforce-return") String instrument,
        Integer instrumentVersion,
        @Schema(example = "2024") String period,
        @Schema(description = "the return revision the indicators were computed from; for the practitioner survey "
                + "the number of responses counted") int revision,
        OffsetDateTime computedAt,
        @Schema(description = "employer return: consent.named_publication is yes; absent when not asked")
        Boolean consentToNamedPublication,
        @Schema(description = "returns: the single-choice, multi-choice, integer and decimal answers by question id")
        Map<String, Object> answers,
        @Schema(description = "practitioner survey: counts of the words given in culture.three_words")
        Map<String, Integer> words,
        List<Indicator> indicators) {

    static AuthorityIndicatorsResponse of(AuthorityState s, PractitionerRules rules) {
        return new AuthorityIndicatorsResponse(s.authorityCode(), s.roundId(), s.instrument(), s.instrumentVersion(),
                s.period(), s.revision(), s.computedAt().atOffset(ZoneOffset.UTC), s.consent(), s.answers(), s.words(),
                s.indicators().stream().map(r -> Indicator.of(r, rules)).toList());
    }

    /** One indicator; {@code value} is null when it cannot be computed and {@code missingReason} says why. */
    @Schema(name = "IndicatorValue")
    public record Indicator(
            @Schema(example = "turnover_rate") String indicatorId,
            @Schema(description = "numerator / denominator × scale, unrounded; null when missing or suppressed")
            BigDecimal value,
            BigDecimal numerator,
            @Schema(description = "the denominator; for a practitioner statement its base") BigDecimal denominator,
            @Schema(description = "100 for a percentage, 1 for a plain number") int scale,
            @Schema(enumeration = {"percent", "number", "count"}) String unit,
            @Schema(enumeration = {"higher-is-better", "lower-is-better", "neither"}) String polarity,
            @Schema(description = "question ids declared missing or unanswered") List<String> missingInputs,
            @Schema(description = "why value is null, absent otherwise") String missingReason,
            @Schema(description = "practitioner statements' shares agreeing and scores: good, moderate or requires "
                    + "clear steps to improve (the instrument's thresholds)")
            @JsonInclude(JsonInclude.Include.NON_NULL) String band) {

        static Indicator of(IndicatorValue r, PractitionerRules rules) {
            Optional<IndicatorDefinition> d = IndicatorDictionary.byId(r.indicatorId());
            // a statement's share agreeing is banded like the scores made of it (seed 003 shades both)
            boolean score = d.filter(x -> x.source() == IndicatorDefinition.Source.RESPONSES
                    && x.unit() == Unit.PERCENT).isPresent();
            return new Indicator(r.indicatorId(), r.value(), r.numerator(), r.denominator(), r.scale(),
                    d.map(x -> x.unit().wire()).orElse(null), d.map(x -> x.polarity().wire()).orElse(null),
                    r.missingInputs(), r.missingReason(), score ? rules.band(r.value()) : null);
        }
    }
}
