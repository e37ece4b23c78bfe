package uk.gov.local.healthcheck.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator of one authority. {@code numerator} and {@code denominator} are carried so that group figures can be
 * pooled exactly (sum of numerators / sum of denominators) rather than averaged from rounded rates.
 *
 * @param value         the indicator, unrounded ({@code numerator / denominator × scale}); null when missing
 * @param scale         100 for a percentage, 1 for a plain ratio such as a caseload
 * @param missingInputs the question ids whose answers were missing when {@code value} is null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndicatorValue(
        String indicatorId,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        int scale,
        List<String> missingInputs) {

    public boolean isMissing() {
        return value == null;
    }
}
