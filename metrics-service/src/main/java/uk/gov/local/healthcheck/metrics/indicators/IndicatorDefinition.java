package uk.gov.local.healthcheck.metrics.indicators;

import java.util.List;

/**
 * One indicator. For a {@link Source#RETURN} indicator {@code value = sum(numerator) / (sum(denominator) ×
 * denominatorFactor) × scale}, all in question ids of {@code instrument} (an empty denominator is 1: the answer is the
 * figure). Summed inputs express rates such as {@code agency / (agency + employed)}. A {@link Source#RESPONSES}
 * indicator is computed from the counts of many practitioner responses; its numerator and denominator name those
 * counts and {@code formulaText} says how.
 *
 * @param reference where the definition comes from (the document and table it follows)
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
        int scale,
        Source source,
        String formulaText,
        String reference) {

    /** What an indicator is computed from. */
    public enum Source {
        /** One authority's return (workforce return, employer return). */
        RETURN,
        /** The tallies of the anonymous practitioner responses of one authority. */
        RESPONSES
    }

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
        if (formulaText != null) {
            return formulaText;
        }
        String num = String.join(" + ", numerator);
        if (denominator.isEmpty()) {
            return num + " (as reported)";
        }
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
