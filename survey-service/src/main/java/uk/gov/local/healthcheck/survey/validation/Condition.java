package uk.gov.local.healthcheck.survey.validation;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question's {@code when}: {@code <question> == <option>} or {@code <question> != <option>}. A condition on an
 * unanswered question does not hold, so its dependent question must be left unanswered too.
 */
record Condition(String questionId, boolean equals, String value) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*([\\w.]+)\\s*(==|!=)\\s*([\\w.\\-]+)\\s*");

    static Condition parse(String expression) {
        Matcher m = SYNTAX.matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException("Unsupported condition: " + expression);
        }
        return new Condition(m.group(1), "==".equals(m.group(2)), m.group(3));
    }

    /** @param answers normalised answers; a multi-choice answer is a list, which "equals" a value it contains */
    boolean holds(Map<String, Object> answers) {
        Object answer = answers.get(questionId);
        if (answer == null) {
            return false;
        }
        boolean matches = answer instanceof java.util.Collection<?> c ? c.contains(value) : value.equals(String.valueOf(answer));
        return equals == matches;
    }

    String describe() {
        return questionId + (equals ? " is " : " is not ") + value;
    }
}
