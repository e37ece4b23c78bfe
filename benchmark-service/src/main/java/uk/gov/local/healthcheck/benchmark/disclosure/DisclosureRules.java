package uk.gov.local.healthcheck.benchmark.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The primary disclosure thresholds, as pure functions.
 * <ul>
 *   <li>A group figure over fewer than {@value #MIN_AUTHORITIES} contributing authorities is suppressed: with two,
 *       either council can subtract its own figure and learn the other's.</li>
 *   <li>A practitioner-survey figure (a respondent-based instrument) whose base is fewer than
 *       {@value #MIN_RESPONDENTS} respondents is suppressed ({@code "suppressed":"c"}).</li>
 *   <li>A percentage that rounds to 0.0 but is not 0 is marked low and never shown as 0.</li>
 * </ul>
 */
public final class DisclosureRules {

    public static final int MIN_AUTHORITIES = 3;
    public static final int MIN_RESPONDENTS = 10;
    /** The DfE's symbol for a confidential (suppressed) figure. */
    public static final String SUPPRESSED = "c";

    public static final String FEW_AUTHORITIES = "fewer than " + MIN_AUTHORITIES + " authorities contribute to this figure";
    public static final String FEW_RESPONDENTS = "fewer than " + MIN_RESPONDENTS + " respondents are the base of this figure";
    public static final String SECONDARY = "suppressed so that a suppressed figure cannot be worked out by subtraction";

    private DisclosureRules() {
    }

    /**
     * Why a group figure must be suppressed, or null when it may be shown. The same for every caller: what the API
     * answers the LGA is what the LGA publishes, so a group figure is never shown over fewer than 3 authorities even
     * to a caller who may see each of them (their own figures are in the authority-level answers instead).
     *
     * @param contributors    authorities contributing to the figure (0 = no data, which discloses nothing)
     * @param respondentBase  the respondents it is based on, for a respondent-based instrument; null otherwise
     */
    public static String primary(int contributors, BigDecimal respondentBase) {
        if (contributors == 0) {
            return null;
        }
        if (contributors < MIN_AUTHORITIES) {
            return FEW_AUTHORITIES;
        }
        if (respondentBase != null && respondentBase.compareTo(BigDecimal.valueOf(MIN_RESPONDENTS)) < 0) {
            return FEW_RESPONDENTS;
        }
        return null;
    }

    /** Whether hidden figures pooled together are safe to be revealed as their sum (the same thresholds). */
    public static boolean safeTogether(int contributors, BigDecimal respondentBase) {
        return contributors == 0 || primary(contributors, respondentBase) == null;
    }

    /** An authority's own practitioner figure: suppressed when its base is under 10 respondents. */
    public static String authorityFigure(BigDecimal respondentBase) {
        return respondentBase != null && respondentBase.compareTo(BigDecimal.valueOf(MIN_RESPONDENTS)) < 0
                ? FEW_RESPONDENTS : null;
    }

    /** True when a percentage is not 0 yet rounds to 0.0 at 1 dp: it must be marked low, not shown as 0. */
    public static boolean isLow(BigDecimal percent) {
        return percent != null && percent.signum() != 0 && percent.setScale(1, RoundingMode.HALF_UP).signum() == 0;
    }
}
