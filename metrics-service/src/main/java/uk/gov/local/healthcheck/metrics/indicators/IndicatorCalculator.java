package uk.gov.local.healthcheck.metrics.indicators;

import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Computes an authority's indicators from one return. Pure: no I/O, no clock, so every rule is unit-tested.
 *
 * <p>Values are unrounded ({@link MathContext#DECIMAL64}, 16 significant digits): rounding is a presentation
 * concern, and pooled group figures are computed from the numerators and denominators anyway.
 */
@RequiredArgsConstructor
public final class IndicatorCalculator {

    static final MathContext PRECISION = MathContext.DECIMAL64;
    public static final String REASON_ZERO_DENOMINATOR = "zero denominator";

    private final WorkingDays workingDays;

    /** All indicators of {@code instrument} (none for an instrument without definitions), in dictionary order. */
    public List<IndicatorValue> compute(String instrument, String period, Answers answers) {
        return IndicatorDictionary.forInstrument(instrument).stream()
                .filter(d -> d.source() == IndicatorDefinition.Source.RETURN)
                .map(d -> compute(d, period, answers))
                .toList();
    }

    public IndicatorValue compute(IndicatorDefinition definition, String period, Answers answers) {
        List<String> missing = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        for (String q : definition.inputs()) {
            Answer a = answers.get(q);
            if (a instanceof Answer.DeclaredMissing m) {
                missing.add(q);
                symbols.add(q + " declared '" + m.symbol() + "'");
            } else if (a instanceof Answer.Unanswered) {
                missing.add(q);
                symbols.add(q + " unanswered");
            }
        }
        if (!missing.isEmpty()) {
            return missingResult(definition, missing, "missing inputs: " + String.join(", ", symbols));
        }

        BigDecimal numerator = sum(definition.numerator(), answers);
        // No denominator: the answer is the figure itself (e.g. an average caseload as the council reports it). A
        // denominator of 1 keeps pooling meaningful: Σ numerators / Σ denominators is the mean over authorities.
        BigDecimal denominator = definition.denominator().isEmpty() ? BigDecimal.ONE
                : sum(definition.denominator(), answers);
        if (definition.denominatorFactor() == DenominatorFactor.WORKING_DAYS_IN_YEAR) {
            OptionalInt year = ReturnPeriod.yearOf(period);
            if (year.isEmpty()) {
                return missingResult(definition, List.of(),
                        "period '" + period + "' names no year, so the working days in it are unknown");
            }
            denominator = denominator.multiply(BigDecimal.valueOf(workingDays.inYear(year.getAsInt())));
        }
        if (denominator.signum() == 0) {
            return new IndicatorValue(definition.id(), null, numerator, denominator, definition.scale(), List.of(),
                    REASON_ZERO_DENOMINATOR + ": " + String.join(" + ", definition.denominator()) + " is 0");
            // (an empty denominator is 1, never 0)
        }
        BigDecimal value = numerator.multiply(BigDecimal.valueOf(definition.scale()))
                .divide(denominator, PRECISION);
        return new IndicatorValue(definition.id(), plain(value), numerator, denominator, definition.scale(),
                List.of(), null);
    }

    private static IndicatorValue missingResult(IndicatorDefinition d, List<String> missing, String reason) {
        return new IndicatorValue(d.id(), null, null, null, d.scale(), missing, reason);
    }

    private static BigDecimal sum(List<String> questionIds, Answers answers) {
        BigDecimal total = BigDecimal.ZERO;
        for (String q : questionIds) {
            total = total.add(((Answer.Value) answers.get(q)).number());
        }
        return total;
    }

    /** 1E+2 is a correct BigDecimal but an odd thing to show anyone: keep a non-negative scale. */
    private static BigDecimal plain(BigDecimal v) {
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
