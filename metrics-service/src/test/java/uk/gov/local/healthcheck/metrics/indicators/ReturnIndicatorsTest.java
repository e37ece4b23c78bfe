package uk.gov.local.healthcheck.metrics.indicators;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workforce return's newer indicators and the employer return's, with their tabulated answers. */
class ReturnIndicatorsTest {

    private final IndicatorCalculator calculator = new IndicatorCalculator(new WorkingDays(253, Map.of()));

    private IndicatorValue find(String instrument, Map<String, Object> answers, String id) {
        return calculator.compute(instrument, "2024", Answers.of(answers)).stream()
                .filter(r -> r.indicatorId().equals(id)).findFirst().orElseThrow();
    }

    private static void assertValue(String expected, IndicatorValue r) {
        assertTrue(r.value() != null && new BigDecimal(expected).compareTo(r.value()) == 0,
                r.indicatorId() + " = " + r.value() + " (" + r.missingReason() + "), expected " + expected);
    }

    /** A return's answers from question ids and answers in turn (a mutable map, so a test can change one). */
    private static Map<String, Object> answers(Object... idsAndAnswers) {
        Map<String, Object> a = new HashMap<>();
        for (int i = 0; i < idsAndAnswers.length; i += 2) {
            a.put((String) idsAndAnswers[i], idsAndAnswers[i + 1]);
        }
        return a;
    }

    private static Map<String, Object> workforce() {
        return answers("staff.headcount", 200, "staff.fte", new BigDecimal("180"), "experience.gte_5y", 80,
                "career.level2_asye", 20, "career.level3", 100, "career.level4_5", 50,
                "career.asye_cohort_started", 16, "career.asye_cohort_retained", 12,
                "diversity.gender", Map.of("female", 170, "male", 26, "not_known", 4),
                "diversity.age", Map.of("30_39", 50, "under_30", Map.of("missing", "c")),
                "diversity.disability", Map.of("missing", "x"));
    }

    /** The answers each instrument's cases below are computed from. */
    private static Map<String, Object> answersOf(String instrument) {
        return switch (instrument) {
            case IndicatorDictionary.WORKFORCE_RETURN -> workforce();
            case IndicatorDictionary.EMPLOYER_HEALTH_CHECK -> employer();
            default -> throw new IllegalArgumentException(instrument);
        };
    }

    /**
     * Experience, career and retention, the diversity shares (read from the bands of counts questions) and the employer
     * return's rates, each from {@link #workforce()} or {@link #employer()}.
     */
    @ParameterizedTest(name = "{1} = {2}")
    @CsvSource({
            "workforce-return, service_5y_plus_share, 40",
            "workforce-return, career_level2_asye_share, 10",
            "workforce-return, career_level3_share, 50",
            "workforce-return, career_level4_5_share, 25",
            "workforce-return, asye_retention_rate, 75",
            "workforce-return, diversity_gender_female_share, 85",
            "workforce-return, diversity_gender_male_share, 13",
            "workforce-return, diversity_age_30_39_share, 25",
            "employer-health-check, unfilled_post_rate, 10",
            "employer-health-check, agency_cover_rate, 15",
            "employer-health-check, frozen_post_rate, 0",
            "employer-health-check, deleted_post_rate, 2.5",
            "employer-health-check, long_term_absence_stress_rate, 2.222222222222222",
            "employer-health-check, long_term_absence_maternity_rate, 4.444444444444444",
            "employer-health-check, long_term_absence_other_rate, 0",
            "employer-health-check, market_supplement_rate, 30",
            "employer-health-check, hours_over_contract, 6"})
    void valueFromTheAnswers(String instrument, String indicator, String expected) {
        assertValue(expected, find(instrument, answersOf(instrument), indicator));
    }

    @Test
    void diversitySharesOfMissingBandsAreUnanswered() {
        String wf = IndicatorDictionary.WORKFORCE_RETURN;
        IndicatorValue other = find(wf, workforce(), "diversity_gender_other_share");
        assertNull(other.value(), "a band left out is unanswered, not 0");
        assertEquals(List.of("diversity.gender.other"), other.missingInputs());
        IndicatorValue young = find(wf, workforce(), "diversity_age_under_30_share");
        assertNull(young.value());
        assertTrue(young.missingReason().contains("declared 'c'"), young.missingReason());
        IndicatorValue disability = find(wf, workforce(), "diversity_disability_yes_share");
        assertNull(disability.value(), "the whole group declared missing");
        assertTrue(disability.missingReason().contains("declared 'x'"), disability.missingReason());
    }

    private static Map<String, Object> employer() {
        return answers("s2.posts_fte", new BigDecimal("80"), "s2.posts_headcount", 90,
                "s2.unfilled_fte", new BigDecimal("8"), "s2.agency_fte", new BigDecimal("12"),
                "s2.frozen_fte", new BigDecimal("0"), "s2.deleted_fte", new BigDecimal("2"),
                "s2.absence_stress", 2, "s2.absence_planned", 1, "s2.absence_maternity", 4, "s2.absence_other", 0,
                "s2.market_supplement_posts", 27, "s3.average_caseload", new BigDecimal("18.5"),
                "s3.hours_over_contract", 6, "s3.co_working", "dont_know", "s6.cpd_devised", List.of("dont_know"),
                "s7.fitness_measures", List.of("Training"), "consent.named_publication", "no");
    }

    @Test
    void employerReturnIndicators() {
        String ehc = IndicatorDictionary.EMPLOYER_HEALTH_CHECK;
        IndicatorValue caseload = find(ehc, employer(), "reported_average_caseload");
        assertValue("18.5", caseload);
        assertEquals(0, BigDecimal.ONE.compareTo(caseload.denominator()));

        Map<String, Object> noUnfilled = employer();
        noUnfilled.put("s2.unfilled_fte", BigDecimal.ZERO);
        IndicatorValue frozen = find(ehc, noUnfilled, "frozen_post_rate");
        assertNull(frozen.value(), "no unfilled posts: the share frozen is undefined, not 0");
        assertTrue(frozen.missingReason().startsWith("zero denominator"));
    }

    @Test
    void tabulatedAnswersKeepChoicesAndNumbersOnly() {
        Map<String, Object> kept = TabulatedAnswers.of(IndicatorDictionary.EMPLOYER_HEALTH_CHECK, 2018,
                Answers.of(employer()));
        assertEquals("dont_know", kept.get("s3.co_working"));
        assertEquals(List.of("dont_know"), kept.get("s6.cpd_devised"));
        assertEquals("no", kept.get("consent.named_publication"));
        assertEquals(new BigDecimal("18.5"), kept.get("s3.average_caseload"));
        assertFalse(kept.containsKey("s7.fitness_measures"), "lists are not tabulated");
        assertEquals(Boolean.FALSE, TabulatedAnswers.consent(IndicatorDictionary.EMPLOYER_HEALTH_CHECK,
                Answers.of(employer())));
        assertNull(TabulatedAnswers.consent(IndicatorDictionary.WORKFORCE_RETURN, Answers.of(employer())));
        Map<String, Object> wf = TabulatedAnswers.of(IndicatorDictionary.WORKFORCE_RETURN, 1, Answers.of(workforce()));
        assertEquals(200, wf.get("staff.headcount"));
        assertFalse(wf.containsKey("diversity.gender"), "counts are not tabulated");
        assertTrue(TabulatedAnswers.of("practice-survey", 1, Answers.of(employer())).isEmpty());
    }

    @Test
    void everyIndicatorHasAUniqueIdAPolarityAUnitAndASource() {
        List<IndicatorDefinition> all = IndicatorDictionary.all();
        assertEquals(all.size(), all.stream().map(IndicatorDefinition::id).distinct().count());
        all.forEach(d -> {
            assertTrue(d.reference() != null && !d.reference().isBlank(), d.id());
            assertTrue(d.formula() != null && !d.formula().isBlank(), d.id());
        });
        assertEquals(10 + 4 + 6 + 6 + 3, IndicatorDictionary.forInstrument(IndicatorDictionary.WORKFORCE_RETURN).size());
        assertEquals(11, IndicatorDictionary.forInstrument(IndicatorDictionary.EMPLOYER_HEALTH_CHECK).size());
    }
}
