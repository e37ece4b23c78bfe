package uk.gov.local.healthcheck.metrics.indicators;

import java.math.BigDecimal;
import java.util.List;

/**
 * One computed indicator. When {@code value} is null, {@code missingReason} says why: inputs that were declared
 * missing or left unanswered (listed in {@code missingInputs}; numerator and denominator are then null), or a zero
 * denominator (numerator and denominator are kept so the cause is visible).
 */
public record IndicatorResult(
        String indicatorId,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        int scale,
        List<String> missingInputs,
        String missingReason) {

    public IndicatorResult {
        missingInputs = missingInputs == null ? List.of() : List.copyOf(missingInputs);
    }

    public boolean isMissing() {
        return value == null;
    }
}
