package uk.gov.local.healthcheck.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator of one authority, as metrics-service computes, stores and publishes it. {@code numerator} and
 * {@code denominator} are carried so that group figures can be pooled exactly (sum of numerators / sum of
 * denominators) rather than averaged from rounded rates.
 *
 * @param value         the indicator, unrounded ({@code numerator / denominator × scale}); null when missing
 * @param scale         100 for a percentage, 1 for a plain ratio such as a caseload
 * @param missingInputs the question ids whose answers were missing when {@code value} is null (numerator and
 *                      denominator are then null too)
 * @param missingReason why {@code value} is null: which inputs were declared missing or unanswered, or a zero
 *                      denominator (numerator and denominator then kept, so the cause is visible)
 * @param polarity      {@code higher-is-better}, {@code lower-is-better} or {@code neither}: how ranks and
 *                      directions of travel read this indicator
 * @param unit          {@code percent}, {@code number} or {@code count}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndicatorValue(
        String indicatorId,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        int scale,
        List<String> missingInputs,
        String missingReason,
        String polarity,
        String unit) {

    /** As computed: without the dictionary's polarity and unit, which publication adds. */
    public IndicatorValue(String indicatorId, BigDecimal value, BigDecimal numerator, BigDecimal denominator, int scale,
                          List<String> missingInputs, String missingReason) {
        this(indicatorId, value, numerator, denominator, scale, missingInputs, missingReason, null, null);
    }

    /** The first version's fields only; the others stay absent. */
    public IndicatorValue(String indicatorId, BigDecimal value, BigDecimal numerator, BigDecimal denominator, int scale,
                          List<String> missingInputs) {
        this(indicatorId, value, numerator, denominator, scale, missingInputs, null, null, null);
    }

    public boolean isMissing() {
        return value == null;
    }
}
