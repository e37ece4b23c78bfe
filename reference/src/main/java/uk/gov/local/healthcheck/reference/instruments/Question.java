package uk.gov.local.healthcheck.reference.instruments;

import java.math.BigDecimal;
import java.util.List;

/**
 * One question of an instrument, exactly as the instrument file defines it.
 *
 * @param options   option ids of a single, multi or likert question (option sets already resolved)
 * @param bands     band ids of a counts question
 * @param when      condition under which the question may be answered, e.g. {@code s4.incidents != none}
 * @param rule      cross-field check, e.g. {@code <= staff.fte + staff.agency_fte}
 * @param specify   options that need a free text under {@code <id>.specify}
 * @param exclusive options that cannot be chosen together with any other
 */
public record Question(
        String id,
        QuestionType type,
        String text,
        boolean required,
        List<String> options,
        List<String> bands,
        String when,
        String rule,
        List<String> specify,
        List<String> exclusive,
        BigDecimal min,
        BigDecimal max,
        Integer maxItems,
        String format) {

    /** The key under which the free text of a {@code specify} option travels. */
    public String specifyKey() {
        return id + ".specify";
    }
}
