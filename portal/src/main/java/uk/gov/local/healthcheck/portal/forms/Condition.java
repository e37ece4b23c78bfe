package uk.gov.local.healthcheck.portal.forms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question's {@code when} as the instruments write it ({@code s4.incidents != none}), evaluated on the answers
 * given so far, so a conditional question is offered only when it applies. An unanswered question's condition does
 * not hold (survey-service applies the same reading when it validates).
 */
public record Condition(String questionId, boolean equals, String value) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*([\\w.]+)\\s*(==|!=)\\s*([\\w.\\-]+)\\s*");

    /** Null for a question without a condition. */
    public static Condition parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        Matcher m = SYNTAX.matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException("Unsupported condition: " + expression);
        }
        return new Condition(m.group(1), "==".equals(m.group(2)), m.group(3));
    }

    public boolean holds(JsonNode answers) {
        JsonNode answer = answers.get(questionId);
        if (answer == null || answer.isNull()) {
            return false;
        }
        boolean matches = false;
        if (answer.isArray()) {
            for (JsonNode item : answer) {
                matches |= value.equals(item.asText());
            }
        } else {
            matches = value.equals(answer.asText());
        }
        return equals == matches;
    }
}
