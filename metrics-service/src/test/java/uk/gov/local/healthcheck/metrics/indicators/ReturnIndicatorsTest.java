package uk.gov.local.healthcheck.metrics.indicators;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.metrics.support.Events;

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

    private IndicatorResult find(String instrument, Map<String, Object> answers, String id) {
        return calculator.compute(instrument, "2024", Answers.of(answers)).stream()
                .filter(r -> r.indicatorId().equals(id)).findFirst().orElseThrow();
    }

    private static void assertValue(String expected, IndicatorResult r) {
        assertTrue(r.value() != null && new BigDecimal(expected).compareTo(r.value()) == 0,
                r.indicatorId() + " = " + r.value() + " (" + r.missingReason() + "), expected " + expected);
    }

    private static Map<String, Object> workforce() {
        Map<String, Object> a = new HashMap<>();
        a.put("staff.headcount", 200);
        a.put("staff.fte", new BigDecimal("180"));
        a.put("experience.gte_5y", 80);
        a.put("career.level2_asye", 20);
        a.put("career.level3", 100);
        a.put("career.level4_5", 50);
        a.put("career.asye_cohort_started", 16);
        a.put("career.asye_cohort_retained", 12);
        a.put("diversity.gender", Map.of("female", 170, "male", 26, "not_known", 4));
        a.put("diversity.age", Map.of("30_39", 50, "under_30", Map.of("missing", "c")));
        a.put("diversity.disability", Map.of("missing", "x"));
        return a;
    }

    @Test
    void experienceCareerAndRetention() {
        String wf = IndicatorDictionary.WORKFORCE_RETURN;
        assertValue("40", find(wf, workforce(), "service_5y_plus_share"));
        assertValue("10", find(wf, workforce(), "career_level2_asye_share"));
        assertValue("50", find(wf, workforce(), "career_level3_share"));
        assertValue("25", find(wf, workforce(), "career_level4_5_share"));
        assertValue("75", find(wf, workforce(), "asye_retention_rate"));
    }

    @Test
    void diversitySharesReadTheBandsOfCountsQuestions() {
        String wf = IndicatorDictionary.WORKFORCE_RETURN;
        assertValue("85", find(wf, workforce(), "diversity_gender_female_share"));
        assertValue("13", find(wf, workforce(), "diversity_gender_male_share"));
        assertValue("25", find(wf, workforce(), "diversity_age_30_39_share"));
        IndicatorResult other = find(wf, workforce(), "diversity_gender_other_share");
        assertNull(other.value(), "a band left out is unanswered, not 0");
        assertEquals(List.of("diversity.gender.other"), other.missingInputs());
        IndicatorResult young = find(wf, workforce(), "diversity_age_under_30_share");
        assertNull(young.value());
        assertTrue(young.missingReason().contains("declared 'c'"), young.missingReason());
        IndicatorResult disability = find(wf, workforce(), "diversity_disability_yes_share");
        assertNull(disability.value(), "the whole group declared missing");
        assertTrue(disability.missingReason().contains("declared 'x'"), disability.missingReason());
    }

    private static Map<String, Object> employer() {
        Map<String, Object> a = Events.employerPosts("80", 90, "8", "12", "0", "2", 2);
        a.put("s2.absence_planned", 1);
        a.put("s2.absence_maternity", 4);
        a.put("s2.absence_other", 0);
        a.put("s2.market_supplement_posts", 27);
        a.put("s3.average_caseload", new BigDecimal("18.5"));
        a.put("s3.hours_over_contract", 6);
        a.put("s3.co_working", "dont_know");
        a.put("s6.cpd_devised", List.of("dont_know"));
        a.put("s7.fitness_measures", List.of("Training"));
        a.put("consent.named_publication", "no");
        return a;
    }

    @Test
    void employerReturnIndicators() {
        String ehc = IndicatorDictionary.EMPLOYER_HEALTH_CHECK;
        assertValue("10", find(ehc, employer(), "unfilled_post_rate"));
        assertValue("15", find(ehc, employer(), "agency_cover_rate"));
        assertValue("0", find(ehc, employer(), "frozen_post_rate"));
        assertValue("2.5", find(ehc, employer(), "deleted_post_rate"));
        assertValue("2.222222222222222", find(ehc, employer(), "long_term_absence_stress_rate"));
        assertValue("4.444444444444444", find(ehc, employer(), "long_term_absence_maternity_rate"));
        assertValue("0", find(ehc, employer(), "long_term_absence_other_rate"));
        assertValue("30", find(ehc, employer(), "market_supplement_rate"));
        IndicatorResult caseload = find(ehc, employer(), "reported_average_caseload");
        assertValue("18.5", caseload);
        assertEquals(0, BigDecimal.ONE.compareTo(caseload.denominator()));
        assertValue("6", find(ehc, employer(), "hours_over_contract"));

        Map<String, Object> noUnfilled = employer();
        noUnfilled.put("s2.unfilled_fte", BigDecimal.ZERO);
        IndicatorResult frozen = find(ehc, noUnfilled, "frozen_post_rate");
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
