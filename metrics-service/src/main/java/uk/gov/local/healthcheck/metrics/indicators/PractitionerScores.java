package uk.gov.local.healthcheck.metrics.indicators;

import lombok.RequiredArgsConstructor;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Practitioner-survey indicators of one authority from the tallies of its responses. Pure.
 * <ul>
 *   <li>statement (indicator id = question id): share agreeing = (strongly_agree + agree) / answers other than
 *       not_applicable × 100. Below the minimum base the value is withheld (missingReason "fewer than 10
 *       respondents") but numerator and denominator are carried, so regional and national totals pool exactly.</li>
 *   <li>standard ({@code std<n>_score}): mean of its statements' published scores; missing when none is.</li>
 *   <li>{@code overall_score}: mean of the standard scores; {@code overall_band}: its band as 2 / 1 / 0.</li>
 *   <li>{@code respondents}: the responses counted.</li>
 * </ul>
 */
@RequiredArgsConstructor
public final class PractitionerScores {

    /** The likert options a statement's share agreeing counts. */
    public static final List<String> AGREEING = List.of("strongly_agree", "agree");
    /** The likert option left out of a statement's base. */
    public static final String NOT_APPLICABLE = "not_applicable";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PractitionerRules rules;
    /** Each standard score's id with its statements' question ids, from the dictionary. */
    private final Map<String, List<String>> statementsByStandard = IndicatorDictionary.standards();

    public PractitionerRules rules() {
        return rules;
    }

    /**
     * @param tallies     per statement question id, the count of each likert option chosen
     * @param respondents the responses counted
     */
    public List<IndicatorValue> compute(Map<String, Map<String, Long>> tallies, long respondents) {
        List<IndicatorValue> statements = new ArrayList<>();
        List<IndicatorValue> standards = new ArrayList<>();
        List<BigDecimal> standardScores = new ArrayList<>();
        statementsByStandard.forEach((standard, questions) -> {
            List<BigDecimal> scores = new ArrayList<>();
            for (String q : questions) {
                IndicatorValue r = statement(q, tallies.getOrDefault(q, Map.of()));
                statements.add(r);
                if (r.value() != null) {
                    scores.add(r.value());
                }
            }
            IndicatorValue s = mean(standard, scores,
                    "no statement of the standard has a published score (each needs " + rules.minBase()
                            + " respondents answering other than not_applicable)");
            standards.add(s);
            if (s.value() != null) {
                standardScores.add(s.value());
            }
        });
        IndicatorValue overall = mean(IndicatorDictionary.OVERALL_SCORE, standardScores, "no standard has a score");
        IndicatorValue band = overall.value() == null
                ? new IndicatorValue(IndicatorDictionary.OVERALL_BAND, null, null, null, 1, List.of(),
                "no overall score")
                : number(IndicatorDictionary.OVERALL_BAND, BigDecimal.valueOf(PractitionerRules.code(rules.band(overall.value()))));
        List<IndicatorValue> all = new ArrayList<>(statements);
        all.addAll(standards);
        all.add(overall);
        all.add(band);
        all.add(number(IndicatorDictionary.RESPONDENTS, BigDecimal.valueOf(respondents)));
        return List.copyOf(all);
    }

    private IndicatorValue statement(String questionId, Map<String, Long> counts) {
        long agreeing = AGREEING.stream().mapToLong(o -> counts.getOrDefault(o, 0L)).sum();
        long base = 0;
        for (var e : counts.entrySet()) {
            if (!NOT_APPLICABLE.equals(e.getKey())) {
                base += e.getValue();
            }
        }
        BigDecimal num = BigDecimal.valueOf(agreeing);
        BigDecimal den = BigDecimal.valueOf(base);
        if (base < rules.minBase()) {
            return new IndicatorValue(questionId, null, num, den, 100, List.of(), rules.reasonTooFew());
        }
        return new IndicatorValue(questionId, plain(num.multiply(HUNDRED).divide(den, IndicatorCalculator.PRECISION)),
                num, den, 100, List.of(), null);
    }

    private static IndicatorValue mean(String id, List<BigDecimal> scores, String reasonIfNone) {
        if (scores.isEmpty()) {
            return new IndicatorValue(id, null, null, null, 1, List.of(), reasonIfNone);
        }
        BigDecimal sum = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal n = BigDecimal.valueOf(scores.size());
        return new IndicatorValue(id, plain(sum.divide(n, IndicatorCalculator.PRECISION)), sum, n, 1, List.of(), null);
    }

    private static IndicatorValue number(String id, BigDecimal value) {
        return new IndicatorValue(id, value, value, BigDecimal.ONE, 1, List.of(), null);
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
