package uk.gov.local.healthcheck.benchmark.tabulation;

import uk.gov.local.healthcheck.benchmark.aggregation.Quantiles;
import uk.gov.local.healthcheck.benchmark.instruments.Question;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Tabulates the answers to one question, as the 2018 national report's tables do. Pure.
 * <ul>
 *   <li>single / multi choice: the count of each option (instrument order) and its percentage of the base, the
 *       returns that answered; a multi-choice return counts once per option it chose, so percentages may sum past
 *       100. An answer naming an option the instrument does not have is counted in the base but in no option.</li>
 *   <li>integer / decimal: the mean and median of the answers, with the base.</li>
 * </ul>
 * Percentages are kept unrounded here; presentation rounds them once to one decimal place.
 */
public final class Tabulator {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Tabulator() {
    }

    /** @param answers the answers of the returns that answered the question (null answers are not answers) */
    public static Tabulation tabulate(Question question, Collection<Object> answers) {
        List<Object> given = answers.stream().filter(a -> a != null).toList();
        if (question.isNumber()) {
            return numbers(given);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        question.options().forEach(o -> counts.put(o, 0));
        for (Object answer : given) {
            for (String option : chosen(answer)) {
                counts.computeIfPresent(option, (k, c) -> c + 1);
            }
        }
        int base = given.size();
        List<Tabulation.OptionCount> options = new ArrayList<>();
        counts.forEach((option, count) -> options.add(new Tabulation.OptionCount(option, count, percent(count, base))));
        return new Tabulation(base, options, null, null);
    }

    /** The options an answer chose: an option id, or a list of them (each counted once). */
    static Collection<String> chosen(Object answer) {
        if (answer instanceof Collection<?> many) {
            LinkedHashSet<String> distinct = new LinkedHashSet<>();
            many.stream().filter(o -> o != null).map(String::valueOf).forEach(distinct::add);
            return distinct;
        }
        return List.of(String.valueOf(answer));
    }

    private static Tabulation numbers(List<Object> given) {
        List<BigDecimal> numbers = given.stream().map(Tabulator::number).filter(n -> n != null)
                .sorted(Comparator.naturalOrder()).toList();
        if (numbers.isEmpty()) {
            return new Tabulation(0, List.of(), null, null);
        }
        BigDecimal sum = numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Tabulation(numbers.size(), List.of(),
                sum.divide(BigDecimal.valueOf(numbers.size()), MathContext.DECIMAL128),
                Quantiles.of(numbers, Quantiles.MEDIAN));
    }

    private static BigDecimal number(Object answer) {
        if (answer instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        try {
            return answer == null ? null : new BigDecimal(answer.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static BigDecimal percent(int count, int base) {
        return base == 0 ? null : BigDecimal.valueOf(count).multiply(HUNDRED).divide(BigDecimal.valueOf(base), MathContext.DECIMAL128);
    }

    /** A practitioner-survey share pooled over authorities: Σ agreeing / Σ base. */
    public static Tabulation share(String option, BigDecimal agreeing, BigDecimal base) {
        int b = base == null ? 0 : base.intValue();
        int c = agreeing == null ? 0 : agreeing.intValue();
        return new Tabulation(b, List.of(new Tabulation.OptionCount(option, c, percent(c, b))), null, null);
    }
}
