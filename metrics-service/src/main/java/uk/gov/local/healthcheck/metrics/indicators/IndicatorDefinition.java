package uk.gov.local.healthcheck.metrics.indicators;

import uk.gov.local.healthcheck.reference.indicators.Formula;
import uk.gov.local.healthcheck.reference.indicators.Indicator;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * One indicator of the dictionary as metrics-service computes and serves it. For a {@link Source#RETURN} indicator
 * {@code value = sum(numerator) / (sum(denominator) × denominatorFactor) × scale}, all in question ids of
 * {@code instrument} (an empty denominator is 1: the answer is the figure). Summed inputs express rates such as
 * {@code agency / (agency + employed)}. A {@link Source#RESPONSES} indicator is computed from the counts of many
 * practitioner responses; its numerator and denominator name those counts and {@code formulaText} says how.
 *
 * @param kind      the dictionary's formula kind ({@code instruments/indicators.yaml})
 * @param reference where the definition comes from (the document and table it follows)
 */
public record IndicatorDefinition(
        String id,
        String title,
        String description,
        Unit unit,
        Polarity polarity,
        String instrument,
        Formula.Kind kind,
        List<String> numerator,
        List<String> denominator,
        DenominatorFactor denominatorFactor,
        int scale,
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

    /**
     * The dictionary's entry with its formula's counts spelt out: a statement's share agreeing counts the options
     * {@link PractitionerScores} counts, a mean, a band and the respondents say so in {@code formulaText}.
     */
    static IndicatorDefinition of(Indicator entry) {
        Formula f = entry.formula();
        List<String> numerator = f.of();
        List<String> denominator = List.of();
        DenominatorFactor factor = DenominatorFactor.NONE;
        String text = null;
        switch (f.kind()) {
            case RATIO -> {
                numerator = f.numerator();
                denominator = f.denominator();
                factor = f.factor() == null ? DenominatorFactor.NONE : DenominatorFactor.ofSpelling(f.factor());
            }
            case SHARE_AGREEING -> {
                String statement = f.of().get(0);
                numerator = PractitionerScores.AGREEING.stream().map(o -> "count(" + statement + " = " + o + ")").toList();
                denominator = List.of("count(" + statement + " != " + PractitionerScores.NOT_APPLICABLE + ")");
            }
            case MEAN -> text = "mean(" + String.join(", ", f.of()) + ")";
            case BAND -> text = "band(" + String.join(", ", f.of()) + ")";
            case RESPONDENTS -> {
                text = "count(responses)";
                numerator = List.of(text);
            }
        }
        return new IndicatorDefinition(entry.id(), entry.title(), entry.description(), Unit.ofWire(entry.unit()),
                Polarity.ofWire(entry.polarity()), entry.instrument(), f.kind(), numerator, denominator, factor,
                f.scale(), text, entry.source());
    }

    public Source source() {
        return kind.fromResponses() ? Source.RESPONSES : Source.RETURN;
    }

    /** Every question the indicator reads, numerator first, without repeats (in formula order). */
    public List<String> inputs() {
        var all = new LinkedHashSet<String>(numerator);
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
