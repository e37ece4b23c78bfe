package uk.gov.local.healthcheck.benchmark.instruments;

import java.util.List;

/**
 * One question of an instrument, in instrument order.
 *
 * @param type    as the instrument spells it: single, multi, integer, decimal, likert, text, list, counts
 * @param options option ids in order (resolved from option sets), empty for non-choice questions
 */
public record Question(String id, String section, String type, String text, List<String> options) {

    public Question {
        options = List.copyOf(options);
    }

    public boolean isChoice() {
        return "single".equals(type) || "multi".equals(type) || "likert".equals(type);
    }

    public boolean isMulti() {
        return "multi".equals(type);
    }

    public boolean isNumber() {
        return "integer".equals(type) || "decimal".equals(type);
    }

    /** Choice and number questions are tabulated; free text, lists and band counts are not. */
    public boolean isTabulated() {
        return isChoice() || isNumber();
    }
}
