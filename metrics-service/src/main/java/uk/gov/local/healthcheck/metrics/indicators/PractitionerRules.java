package uk.gov.local.healthcheck.metrics.indicators;

import java.math.BigDecimal;

/**
 * Practitioner-survey scoring rules: the smallest base a statement score is published for, and the band thresholds
 * (good at or above {@code good}, moderate at or above {@code moderate}, otherwise requires clear steps to improve).
 */
public record PractitionerRules(int minBase, BigDecimal good, BigDecimal moderate) {

    public static final String GOOD = "good";
    public static final String MODERATE = "moderate";
    public static final String IMPROVE = "requires clear steps to improve";

    public static final PractitionerRules DEFAULT = new PractitionerRules(10, new BigDecimal("75"), new BigDecimal("60"));

    public PractitionerRules {
        if (minBase < 1) {
            throw new IllegalArgumentException("minimum base must be at least 1: " + minBase);
        }
        if (good.compareTo(moderate) < 0) {
            throw new IllegalArgumentException("the good threshold " + good + " is below the moderate one " + moderate);
        }
    }

    /** The band of a score (a percentage), or null for no score. */
    public String band(BigDecimal score) {
        if (score == null) {
            return null;
        }
        if (score.compareTo(good) >= 0) {
            return GOOD;
        }
        return score.compareTo(moderate) >= 0 ? MODERATE : IMPROVE;
    }

    /** The band as the number published in {@code overall_band}: 2 good, 1 moderate, 0 requires clear steps. */
    public static int code(String band) {
        return switch (band) {
            case GOOD -> 2;
            case MODERATE -> 1;
            default -> 0;
        };
    }

    public String reasonTooFew() {
        return "fewer than " + minBase + " respondents";
    }
}
