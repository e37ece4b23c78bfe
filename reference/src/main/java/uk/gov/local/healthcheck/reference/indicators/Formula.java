package uk.gov.local.healthcheck.reference.indicators;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How an indicator is computed, with its inputs named by question id (for {@code mean} and {@code band}: by the id of
 * an indicator listed before it). What each kind computes is metrics-service's business; here is only what it reads.
 *
 * @param numerator   {@code ratio}: question ids (or {@code <counts question>.<band>}) summed into the numerator
 * @param denominator {@code ratio}: those summed into the denominator; empty means 1 (the answer is the figure)
 * @param factor      {@code ratio}: {@link #WORKING_DAYS_IN_YEAR} or null, what the denominator is multiplied by
 * @param of          the other kinds: the statement (share_agreeing) or the indicators (mean, band) they read
 * @param scale       100 for a percentage, 1 otherwise
 */
public record Formula(Kind kind, List<String> numerator, List<String> denominator, String factor, List<String> of,
                      int scale) {

    public static final String WORKING_DAYS_IN_YEAR = "working_days_in_year";

    public Formula {
        numerator = List.copyOf(numerator);
        denominator = List.copyOf(denominator);
        of = List.copyOf(of);
    }

    /** The kinds of formula, spelt in the dictionary file in lower case ({@code share_agreeing}). */
    public enum Kind {
        /** From one authority's return: sum(numerator) / (sum(denominator) × factor) × scale. */
        RATIO,
        /** Of one likert statement: the share of respondents agreeing. */
        SHARE_AGREEING,
        /** Of earlier indicators: the mean of those with a published value. */
        MEAN,
        /** Of an earlier indicator: its band. */
        BAND,
        /** The practitioner responses counted. */
        RESPONDENTS;

        public static Kind parse(String spelling) {
            return Arrays.stream(values()).filter(k -> k.spelling().equals(spelling)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown formula '" + spelling + "'"));
        }

        public String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Computed from the tallies of practitioner responses, not from one authority's return. */
        public boolean fromResponses() {
            return this != RATIO;
        }
    }
}
