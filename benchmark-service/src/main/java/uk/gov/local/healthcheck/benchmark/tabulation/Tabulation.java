package uk.gov.local.healthcheck.benchmark.tabulation;

import java.math.BigDecimal;
import java.util.List;

/**
 * One question tabulated over a set of returns (or, for a respondent-based instrument, respondents).
 *
 * @param base    the returns that answered (respondents, for practitioner shares)
 * @param options choice questions: every option in instrument order; empty for numbers
 * @param mean    number questions: the mean of the answers, unrounded
 */
public record Tabulation(int base, List<OptionCount> options, BigDecimal mean, BigDecimal median) {

    public Tabulation {
        options = List.copyOf(options);
    }

    /**
     * @param percent count / base × 100, unrounded (rounded only for display)
     */
    public record OptionCount(String option, int count, BigDecimal percent) {
    }
}
