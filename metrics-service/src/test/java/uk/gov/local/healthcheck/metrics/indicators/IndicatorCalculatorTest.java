package uk.gov.local.healthcheck.metrics.indicators;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.events.IndicatorValue;
import uk.gov.local.healthcheck.metrics.support.Events;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndicatorCalculatorTest {

    private static final String WF = IndicatorDictionary.WORKFORCE_RETURN;
    private final IndicatorCalculator calculator =
            new IndicatorCalculator(new WorkingDays(253, Map.of(2020, 254, 2024, 254)));

    /**
     * A complete return: the flow tests' workforce return (200 FTE in post, 30 leavers, 50 agency, 25 vacancies, 800
     * cases) with 50 case-holding FTE and 2530 days lost instead of its absence declared missing.
     */
    private static Map<String, Object> complete() {
        Map<String, Object> a = Events.answers("50");
        a.put("flows.absence_days", new BigDecimal("2530"));
        return a;
    }

    private IndicatorValue indicator(String id, String period, Map<String, Object> answers) {
        return calculator.compute(WF, period, Answers.of(answers)).stream()
                .filter(r -> r.indicatorId().equals(id)).findFirst().orElseThrow();
    }

    private static void assertValue(String expected, IndicatorValue r) {
        assertNotNull(r.value(), () -> r.indicatorId() + " is missing: " + r.missingReason());
        assertEquals(0, new BigDecimal(expected).compareTo(r.value()),
                () -> r.indicatorId() + " = " + r.value() + ", expected " + expected);
    }

    @Test
    void computesEveryWorkforceIndicatorInDictionaryOrder() {
        List<IndicatorValue> all = calculator.compute(WF, "2023", Answers.of(complete()));
        assertEquals(List.of("turnover_rate", "agency_rate", "vacancy_rate", "absence_rate", "average_caseload"),
                all.stream().map(IndicatorValue::indicatorId).toList().subList(0, 5));
        assertValue("15", all.get(0));                  // 30 / 200 × 100
        assertValue("20", all.get(1));                  // 50 / (50 + 200) × 100
        assertValue("11.11111111111111", all.get(2));   // 25 / (25 + 200) × 100, 16 significant digits
        assertValue("5", all.get(3));                   // 2530 / (200 × 253) × 100
        assertValue("16", all.get(4));                  // 800 / 50
        all.subList(0, 5).forEach(r -> {
            assertTrue(r.missingInputs().isEmpty());
            assertNull(r.missingReason());
        });
    }

    @Test
    void carriesNumeratorDenominatorAndScale() {
        IndicatorValue agency = indicator("agency_rate", "2023", complete());
        assertEquals(0, new BigDecimal("50").compareTo(agency.numerator()));
        assertEquals(0, new BigDecimal("250").compareTo(agency.denominator()));
        assertEquals(100, agency.scale());
        IndicatorValue absence = indicator("absence_rate", "2023", complete());
        assertEquals(0, new BigDecimal("50600").compareTo(absence.denominator()));   // 200 × 253
        assertEquals(1, indicator("average_caseload", "2023", complete()).scale());
    }

    @Test
    void valueIsUnroundedNotTruncatedToTheInputsScale() {
        Map<String, Object> a = complete();
        a.put("flows.leavers_fte", new BigDecimal("1"));
        a.put("staff.fte", new BigDecimal("3"));
        assertValue("33.33333333333333", indicator("turnover_rate", "2023", a));
    }

    @Test
    void declaredMissingInputMakesTheIndicatorMissingNeverZero() {
        Map<String, Object> a = complete();
        a.put("flows.leavers_fte", Map.of("missing", "c"));
        IndicatorValue turnover = indicator("turnover_rate", "2023", a);
        assertNull(turnover.value());
        assertNull(turnover.numerator());
        assertNull(turnover.denominator());
        assertEquals(List.of("flows.leavers_fte"), turnover.missingInputs());
        assertTrue(turnover.missingReason().contains("flows.leavers_fte declared 'c'"), turnover.missingReason());
        // Other indicators are unaffected.
        assertValue("20", indicator("agency_rate", "2023", a));
    }

    @Test
    void everyStatisticalSymbolIsMissing() {
        for (String symbol : List.of("x", "c", "u", "z")) {
            Map<String, Object> a = complete();
            a.put("staff.fte", Map.of("missing", symbol));
            List<IndicatorValue> all = calculator.compute(WF, "2023", Answers.of(a));
            for (String id : List.of("turnover_rate", "agency_rate", "vacancy_rate", "absence_rate")) {
                IndicatorValue r = all.stream().filter(i -> i.indicatorId().equals(id)).findFirst().orElseThrow();
                assertNull(r.value(), id + " with staff.fte " + symbol);
                assertTrue(r.missingInputs().contains("staff.fte"), id);
            }
            assertValue("16", all.get(4));   // the caseload does not read staff.fte
        }
    }

    @Test
    void unansweredInputIsMissingAndAllMissingInputsAreListed() {
        Map<String, Object> a = complete();
        a.remove("staff.agency_fte");
        a.put("staff.fte", Map.of("missing", "x"));
        IndicatorValue agency = indicator("agency_rate", "2023", a);
        assertNull(agency.value());
        assertEquals(List.of("staff.agency_fte", "staff.fte"), agency.missingInputs());
        assertTrue(agency.missingReason().contains("staff.agency_fte unanswered"), agency.missingReason());
    }

    @Test
    void jsonNullIsUnanswered() {
        Map<String, Object> a = complete();
        a.put("caseload.cases", null);
        IndicatorValue caseload = indicator("average_caseload", "2023", a);
        assertNull(caseload.value());
        assertEquals(List.of("caseload.cases"), caseload.missingInputs());
    }

    @Test
    void zeroDenominatorIsMissingAndSaysWhy() {
        Map<String, Object> a = complete();
        a.put("staff.fte", BigDecimal.ZERO);
        IndicatorValue turnover = indicator("turnover_rate", "2023", a);
        assertNull(turnover.value());
        assertTrue(turnover.missingInputs().isEmpty());
        assertEquals(0, BigDecimal.ZERO.compareTo(turnover.denominator()));
        assertTrue(turnover.missingReason().startsWith(IndicatorCalculator.REASON_ZERO_DENOMINATOR),
                turnover.missingReason());
        // agency / (agency + 0) is still defined
        assertValue("100", indicator("agency_rate", "2023", a));

        a.put("caseload.case_holding_fte", 0);
        assertNull(indicator("average_caseload", "2023", a).value());
    }

    @Test
    void absenceUses254WorkingDaysIn2020And2024() {
        Map<String, Object> a = complete();
        a.put("flows.absence_days", new BigDecimal("2540"));   // 200 FTE × 254 days × 5 %
        assertValue("5", indicator("absence_rate", "2024", a));
        assertValue("5", indicator("absence_rate", "2020", a));
        assertValue("5.019762845849802", indicator("absence_rate", "2023", a));   // 2540 / (200 × 253)
        assertEquals(0, new BigDecimal("50800").compareTo(indicator("absence_rate", "2024", a).denominator()));
    }

    @Test
    void quarterlyPeriodUsesItsYear() {
        Map<String, Object> a = complete();
        assertEquals(0, new BigDecimal("50800").compareTo(indicator("absence_rate", "2024-Q3", a).denominator()));
        assertEquals(0, new BigDecimal("50600").compareTo(indicator("absence_rate", "2019-Q1", a).denominator()));
    }

    @Test
    void workingDaysComeFromConfiguration() {
        var custom = new IndicatorCalculator(new WorkingDays(250, Map.of(2031, 260)));
        IndicatorValue r2030 = custom.compute(WF, "2030", Answers.of(complete())).get(3);
        IndicatorValue r2031 = custom.compute(WF, "2031", Answers.of(complete())).get(3);
        assertEquals(0, new BigDecimal("50000").compareTo(r2030.denominator()));
        assertEquals(0, new BigDecimal("52000").compareTo(r2031.denominator()));
    }

    @Test
    void periodWithoutYearMakesOnlyAbsenceMissing() {
        IndicatorValue absence = indicator("absence_rate", "autumn", complete());
        assertNull(absence.value());
        assertTrue(absence.missingReason().contains("names no year"), absence.missingReason());
        assertValue("15", indicator("turnover_rate", "autumn", complete()));
    }

    @Test
    void integerAndLongAnswersAreNumbers() {
        Map<String, Object> a = complete();
        a.put("caseload.cases", 800L);
        a.put("caseload.case_holding_fte", 40);
        assertValue("20", indicator("average_caseload", "2023", a));
    }

    @Test
    void answerThatIsNeitherNumberNorMissingMarkerIsRejected() {
        Map<String, Object> a = complete();
        a.put("staff.fte", "200");
        assertThrows(InvalidAnswerException.class, () -> calculator.compute(WF, "2023", Answers.of(a)));
        a.put("staff.fte", Map.of("missing", "q"));
        assertThrows(InvalidAnswerException.class, () -> calculator.compute(WF, "2023", Answers.of(a)));
        a.put("staff.fte", new BigDecimal("1E+400"));   // not storable, not a workforce
        assertThrows(InvalidAnswerException.class, () -> calculator.compute(WF, "2023", Answers.of(a)));
        a.put("staff.fte", Double.NaN);
        assertThrows(InvalidAnswerException.class, () -> calculator.compute(WF, "2023", Answers.of(a)));
    }

    @Test
    void otherInstrumentsHaveNoIndicatorsYet() {
        assertTrue(calculator.compute("practice-survey", "2023", Answers.of(complete())).isEmpty());
    }

    @Test
    void dictionaryDescribesFormulasInQuestionIds() {
        IndicatorDefinition agency = IndicatorDictionary.byId("agency_rate").orElseThrow();
        assertEquals("staff.agency_fte / (staff.agency_fte + staff.fte) × 100", agency.formula());
        assertEquals("flows.absence_days / (staff.fte × working_days_in_year) × 100",
                IndicatorDictionary.byId("absence_rate").orElseThrow().formula());
        assertEquals("caseload.cases / caseload.case_holding_fte",
                IndicatorDictionary.byId("average_caseload").orElseThrow().formula());
        assertEquals(Unit.NUMBER, IndicatorDictionary.byId("average_caseload").orElseThrow().unit());
    }

    @Test
    void returnPeriodYear() {
        assertEquals(2024, ReturnPeriod.yearOf("2024").getAsInt());
        assertEquals(2019, ReturnPeriod.yearOf("2019-Q1").getAsInt());
        assertTrue(ReturnPeriod.yearOf("24").isEmpty());
        assertTrue(ReturnPeriod.yearOf("20245").isEmpty());
        assertTrue(ReturnPeriod.yearOf(null).isEmpty());
    }
}
