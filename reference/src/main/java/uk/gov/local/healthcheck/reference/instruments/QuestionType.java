package uk.gov.local.healthcheck.reference.instruments;

import java.util.Arrays;
import java.util.Locale;

/** The answer types a questionnaire may use; the JSON shape of each is documented on the instrument files. */
public enum QuestionType {
    TEXT, LIST, DECIMAL, INTEGER, SINGLE, MULTI, LIKERT, COUNTS;

    public static QuestionType parse(String name) {
        return Arrays.stream(values())
                .filter(t -> t.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown question type '" + name + "'"));
    }

    /** As the instrument files spell it: {@code single}, {@code likert}, … */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isNumeric() {
        return this == DECIMAL || this == INTEGER;
    }

    public boolean isChoice() {
        return this == SINGLE || this == MULTI || this == LIKERT;
    }
}
