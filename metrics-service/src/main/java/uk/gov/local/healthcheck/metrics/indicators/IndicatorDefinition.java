package uk.gov.local.healthcheck.metrics.indicators;

import java.util.List;

/**
 * One indicator: {@code value = sum(numerator) / (sum(denominator) × denominatorFactor) × scale}, all in question ids
 * of {@code instrument}. Summed inputs express rates such as {@code agency / (agency + employed)}.
 */
public record IndicatorDefinition(
        String id,
        String title,
        String description,
        Unit unit,
        Polarity polarity,
        String instrument,
        List<String> numerator,
        List<String> denominator,
        DenominatorFactor denominatorFactor,
        int scale) {

    public IndicatorDefinition {
        numerator = List.copyOf(numerator);
        denominator = List.copyOf(denominator);
    }

    /** Every question the indicator reads, numerator first, without repeats (in formula order). */
    public List<String> inputs() {
        var all = new java.util.LinkedHashSet<String>(numerator);
        all.addAll(denominator);
        return List.copyOf(all);
    }

    /** The formula in words, e.g. {@code staff.agency_fte / (staff.agency_fte + staff.fte) × 100}. */
    public String formula() {
        String num = String.join(" + ", numerator);
        String den = String.join(" + ", denominator);
        if (denominator.size() > 1) {
            den = "(" + den + ")";
        }
        if (denominatorFactor == DenominatorFactor.WORKING_DAYS_IN_YEAR) {
            den = "(" + den + " × working_days_in_year)";
        }
        return (numerator.size() > 1 ? "(" + num + ")" : num) + " / " + den + (scale == 1 ? "" : " × " + scale);
    }
}
