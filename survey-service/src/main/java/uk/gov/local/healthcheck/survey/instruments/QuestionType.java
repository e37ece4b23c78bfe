package uk.gov.local.healthcheck.survey.instruments;

import java.util.Arrays;

/** The answer types a questionnaire may use; the JSON shape of each is documented on the instrument files. */
public enum QuestionType {
    TEXT, LIST, DECIMAL, INTEGER, SINGLE, MULTI, LIKERT, COUNTS;

    public static QuestionType parse(String name) {
        return Arrays.stream(values())
                .filter(t -> t.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown question type '" + name + "'"));
    }

    public boolean isNumeric() {
        return this == DECIMAL || this == INTEGER;
    }

    public boolean isChoice() {
        return this == SINGLE || this == MULTI || this == LIKERT;
    }
}
