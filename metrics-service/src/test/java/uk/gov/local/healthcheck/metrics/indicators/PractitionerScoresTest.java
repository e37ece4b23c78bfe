package uk.gov.local.healthcheck.metrics.indicators;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.events.IndicatorValue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PractitionerScoresTest {

    private final PractitionerScores scores = new PractitionerScores(PractitionerRules.DEFAULT);

    private static IndicatorValue find(List<IndicatorValue> all, String id) {
        return all.stream().filter(r -> r.indicatorId().equals(id)).findFirst().orElseThrow();
    }

    private static void assertValue(String expected, IndicatorValue r) {
        assertTrue(r.value() != null && new BigDecimal(expected).compareTo(r.value()) == 0,
                r.indicatorId() + " = " + r.value() + ", expected " + expected);
    }

    private static Map<String, Long> tally(long stronglyAgree, long agree, long neither, long disagree,
                                           long stronglyDisagree, long notApplicable) {
        return Map.of("strongly_agree", stronglyAgree, "agree", agree, "neither", neither, "disagree", disagree,
                "strongly_disagree", stronglyDisagree, "not_applicable", notApplicable);
    }

    @Test
    void statementShareExcludesNotApplicableFromTheBase() {
        Map<String, Map<String, Long>> t = new HashMap<>();
        t.put("std1.clear_framework", tally(4, 5, 1, 1, 1, 7));   // base 12, agreeing 9 → 75
        List<IndicatorValue> all = scores.compute(t, 19);
        IndicatorValue r = find(all, "std1.clear_framework");
        assertValue("75", r);
        assertValue("9", new IndicatorValue("n", r.numerator(), null, null, 1, List.of(), null));
        assertEquals(0, BigDecimal.valueOf(12).compareTo(r.denominator()));
        assertEquals(100, r.scale());
        assertValue("19", find(all, "respondents"));
    }

    @Test
    void fewerThanTenRespondentsIsSuppressedButCountsAreKept() {
        Map<String, Map<String, Long>> t = new HashMap<>();
        t.put("std3.workload_control", tally(3, 3, 1, 1, 1, 20));   // base 9
        IndicatorValue r = find(scores.compute(t, 29), "std3.workload_control");
        assertNull(r.value());
        assertEquals("fewer than 10 respondents", r.missingReason());
        assertEquals(0, BigDecimal.valueOf(6).compareTo(r.numerator()));
        assertEquals(0, BigDecimal.valueOf(9).compareTo(r.denominator()));
        assertNull(find(scores.compute(t, 29), "std3_score").value());
        // Exactly the minimum base is published.
        t.put("std3.workload_control", tally(3, 3, 2, 1, 1, 0));
        assertValue("60", find(scores.compute(t, 10), "std3.workload_control"));
    }

    @Test
    void standardIsTheMeanOfItsStatementsAndOverallTheMeanOfStandards() {
        Map<String, Map<String, Long>> t = new HashMap<>();
        t.put("std1.clear_framework", tally(10, 0, 0, 0, 0, 0));        // 100
        t.put("std1.safe_practice", tally(5, 0, 5, 0, 0, 0));           // 50
        t.put("std1.senior_managers_accessible", tally(3, 3, 4, 0, 0, 0)); // 60
        t.put("std3.workload_control", tally(2, 2, 6, 0, 0, 0));        // 40
        t.put("std3.fair_allocation", tally(0, 0, 0, 2, 0, 0));         // base 2: suppressed, not in the mean
        List<IndicatorValue> all = scores.compute(t, 10);
        assertValue("70", find(all, "std1_score"));     // (100 + 50 + 60) / 3
        assertValue("40", find(all, "std3_score"));     // only the published statement
        assertValue("55", find(all, "overall_score"));  // (70 + 40) / 2
        assertValue("0", find(all, "overall_band"));    // below 60
        assertNull(find(all, "std2_score").value());
        assertTrue(find(all, "std2_score").missingReason().contains("no statement"));
    }

    @Test
    void bandsFollowConfigurableThresholds() {
        PractitionerRules rules = PractitionerRules.DEFAULT;
        assertEquals("good", rules.band(new BigDecimal("75")));
        assertEquals("moderate", rules.band(new BigDecimal("74.99")));
        assertEquals("moderate", rules.band(new BigDecimal("60")));
        assertEquals("requires clear steps to improve", rules.band(new BigDecimal("59.9")));
        PractitionerRules stricter = new PractitionerRules(5, new BigDecimal("80"), new BigDecimal("65"));
        assertEquals("moderate", stricter.band(new BigDecimal("75")));
        Map<String, Map<String, Long>> t = Map.of("std7.registration_support", tally(5, 0, 1, 0, 0, 0));
        List<IndicatorValue> all = new PractitionerScores(stricter).compute(t, 6);
        assertValue("83.33333333333333", find(all, "std7.registration_support"));   // base 6 >= 5
        assertValue("2", find(all, "overall_band"));
    }

    @Test
    void everyStatementOfTheSurveyIsAnIndicator() {
        List<IndicatorValue> all = scores.compute(Map.of(), 0);
        List<String> statements = IndicatorDictionary.forInstrument(IndicatorDictionary.PRACTITIONER_SURVEY).stream()
                .map(IndicatorDefinition::id).toList();
        assertEquals(statements, all.stream().map(IndicatorValue::indicatorId).toList());
        assertEquals(20 + 8 + 3, all.size());   // 20 statements, 8 standards, overall score, band, respondents
    }
}
