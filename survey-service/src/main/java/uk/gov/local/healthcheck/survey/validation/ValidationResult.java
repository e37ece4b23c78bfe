package uk.gov.local.healthcheck.survey.validation;

import java.util.List;
import java.util.Map;

/**
 * The outcome of checking a set of answers.
 *
 * @param answers      the answers normalised (numbers as decimals, in the instrument's order), valid or not
 * @param missing      required questions still unanswered (for a draft this is a to-do list, not an error)
 * @param explanations the explanations given for rules the council confirms are broken by correct figures
 */
public record ValidationResult(List<Violation> violations, Map<String, Object> answers, List<String> missing,
                               Map<String, String> explanations) {

    public boolean isValid() {
        return violations.isEmpty();
    }
}
