package uk.gov.local.healthcheck.survey.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A question's cross-field {@code rule}: {@code <= a + b + ...}, meaning the question's answer may not exceed the sum
 * of the named answers. It is checked only when the question and every operand are answered with numbers.
 */
record Rule(String questionId, List<String> operands) {

    static Rule parse(String questionId, String expression) {
        String e = expression.trim();
        if (!e.startsWith("<=")) {
            throw new IllegalArgumentException("Unsupported rule on " + questionId + ": " + expression);
        }
        List<String> operands = new ArrayList<>();
        for (String term : e.substring(2).split("\\+")) {
            String id = term.trim();
            if (!id.matches("[\\w.]+")) {
                throw new IllegalArgumentException("Unsupported rule on " + questionId + ": " + expression);
            }
            operands.add(id);
        }
        return new Rule(questionId, List.copyOf(operands));
    }

    /** A violation message when the rule is broken; empty when it holds or cannot be checked. */
    Optional<String> check(Map<String, Object> answers) {
        if (!(answers.get(questionId) instanceof BigDecimal value)) {
            return Optional.empty();
        }
        BigDecimal limit = BigDecimal.ZERO;
        for (String operand : operands) {
            if (!(answers.get(operand) instanceof BigDecimal v)) {
                return Optional.empty();
            }
            limit = limit.add(v);
        }
        if (value.compareTo(limit) <= 0) {
            return Optional.empty();
        }
        return Optional.of(questionId + " (" + AnswerValidator.canonical(value).toPlainString() + ") exceeds "
                + String.join(" + ", operands) + " (" + AnswerValidator.canonical(limit).toPlainString() + ")");
    }
}
