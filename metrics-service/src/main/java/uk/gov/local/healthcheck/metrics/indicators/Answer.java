package uk.gov.local.healthcheck.metrics.indicators;

import java.math.BigDecimal;

/**
 * One question's answer as an indicator sees it. Declared-missing and unanswered are kept apart from numbers so that a
 * formula can never mistake "the council cannot say" for zero.
 */
public sealed interface Answer {

    /** A numeric answer. */
    record Value(BigDecimal number) implements Answer {
    }

    /** The council declared it cannot answer, with the statistical symbol it gave (x, c, u or z). */
    record DeclaredMissing(String symbol) implements Answer {
    }

    /** The question is absent from the return. */
    record Unanswered() implements Answer {
    }
}
