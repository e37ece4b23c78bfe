package uk.gov.local.healthcheck.benchmark.ranking;

import java.math.BigDecimal;

/** Which direction of an indicator is favourable; {@link #NEITHER} has no ranks, bands or directions. */
public enum Polarity {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    NEITHER;

    /** As events spell it ({@code higher-is-better}, {@code lower-is-better}); anything else, or absent, is neither. */
    public static Polarity parse(String text) {
        if ("higher-is-better".equals(text)) {
            return HIGHER_IS_BETTER;
        }
        if ("lower-is-better".equals(text)) {
            return LOWER_IS_BETTER;
        }
        return NEITHER;
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Positive when {@code a} is better than {@code b}, 0 when equal or the polarity is neither. */
    public int better(BigDecimal a, BigDecimal b) {
        return switch (this) {
            case HIGHER_IS_BETTER -> a.compareTo(b);
            case LOWER_IS_BETTER -> b.compareTo(a);
            case NEITHER -> 0;
        };
    }
}
