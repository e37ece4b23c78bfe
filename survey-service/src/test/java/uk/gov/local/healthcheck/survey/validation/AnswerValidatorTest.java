package uk.gov.local.healthcheck.survey.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.reference.instruments.Instrument;
import uk.gov.local.healthcheck.survey.instruments.InstrumentCatalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final InstrumentCatalog CATALOG = new InstrumentCatalog(
            List.of("workforce-return.yaml", "employer-health-check-2018.yaml", "practitioner-survey.yaml"));
    private static final Instrument WORKFORCE = CATALOG.find("workforce-return", 1).orElseThrow();
    private static final Instrument EMPLOYER = CATALOG.find("employer-health-check", 2018).orElseThrow();
    private final AnswerValidator validator = new AnswerValidator(new AnswerLimits(5000, 50));

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static final String COMPLETE = "{'staff.headcount':180,'staff.fte':170.50,'staff.agency_headcount':20,"
            + "'staff.agency_fte':18.5,'staff.vacancies_fte':25,'flows.leavers_fte':30.2}";

    @Test
    void completeWorkforceReturnIsValidAndNormalised() throws Exception {
        ValidationResult r = validator.validate(WORKFORCE, json(COMPLETE), null, true);
        assertEquals(List.of(), r.violations());
        assertEquals(new BigDecimal("170.5"), r.answers().get("staff.fte"), "numbers have one spelling");
        assertEquals(List.of(), r.missing());
    }

    @Test
    void submittedReturnReportsEveryMissingRequiredQuestionAtOnce() throws Exception {
        ValidationResult r = validator.validate(WORKFORCE, json("{'staff.headcount':180}"), null, true);
        assertEquals(List.of("staff.fte", "staff.agency_headcount", "staff.agency_fte", "staff.vacancies_fte", "flows.leavers_fte"),
                r.violations().stream().map(Violation::field).toList());
        assertTrue(r.violations().stream().allMatch(v -> v.code().equals("required")));
    }

    @Test
    void draftMayBePartialButListsWhatIsMissing() throws Exception {
        ValidationResult r = validator.validate(WORKFORCE, json("{'staff.headcount':180,'staff.fte':500}"), null, false);
        assertTrue(r.isValid(), "a draft is not checked for completeness or rules: " + r.violations());
        assertEquals(List.of("staff.agency_headcount", "staff.agency_fte", "staff.vacancies_fte", "flows.leavers_fte"), r.missing());
    }

    @Test
    void draftIsStillTypeChecked() throws Exception {
        ValidationResult r = validator.validate(WORKFORCE, json("{'staff.headcount':'180','staff.nonsense':1}"), null, false);
        assertEquals(List.of("staff.nonsense:unknown", "staff.headcount:type"),
                r.violations().stream().map(v -> v.field() + ":" + v.code()).toList());
    }

    @Test
    void numbersMustBeNumbersWholeWhereCountedAndNeverNegative() throws Exception {
        ValidationResult r = validator.validate(WORKFORCE, json(
                "{'staff.headcount':180.5,'staff.fte':-1,'staff.agency_headcount':'twenty','staff.agency_fte':1.234,"
                        + "'staff.vacancies_fte':true,'flows.leavers_fte':3}"), null, true);
        assertEquals(Map.of("staff.headcount", "type", "staff.fte", "range", "staff.agency_headcount", "type",
                        "staff.agency_fte", "type", "staff.vacancies_fte", "type"),
                r.violations().stream().collect(java.util.stream.Collectors.toMap(Violation::field, Violation::code)));
    }

    @Test
    void longTextWhereANumberIsDueIsATypeErrorThatDoesNotEchoIt() throws Exception {
        String huge = "9".repeat(10_000);
        ValidationResult r = validator.validate(WORKFORCE, JSON.createObjectNode().put("staff.fte", huge), null, false);
        assertEquals("type", r.violations().get(0).code());
        assertTrue(r.violations().get(0).message().length() < 200, r.violations().get(0).message());
    }

    @Test
    void ruleBreakIsRejectedUnlessExplained() throws Exception {
        JsonNode answers = json(COMPLETE.replace("'staff.fte':170.50", "'staff.fte':190"));
        ValidationResult refused = validator.validate(WORKFORCE, answers, null, true);
        assertEquals(1, refused.violations().size());
        Violation v = refused.violations().get(0);
        assertEquals("staff.fte", v.field());
        assertEquals("rule", v.code());
        assertTrue(v.message().startsWith("staff.fte (190) exceeds staff.headcount (180)"), v.message());

        ValidationResult explained = validator.validate(WORKFORCE, answers,
                json("{'staff.fte':'Several staff are contracted above 1.0 FTE'}"), true);
        assertTrue(explained.isValid(), explained.violations().toString());
        assertEquals("Several staff are contracted above 1.0 FTE", explained.explanations().get("staff.fte"));
    }

    @Test
    void ruleWithASumOfOperands() throws Exception {
        JsonNode answers = json(COMPLETE.replace("}", ",'caseload.case_holding_fte':189.01,'caseload.cases':3000}"));
        ValidationResult r = validator.validate(WORKFORCE, answers, null, true);
        assertEquals(List.of("caseload.case_holding_fte"), r.violations().stream().map(Violation::field).toList());
        assertTrue(r.violations().get(0).message().contains("(189)"), "sum of staff.fte and staff.agency_fte");
    }

    @Test
    void typedMissingValueStandsForAFigureThatCannotBeGiven() throws Exception {
        JsonNode answers = json(COMPLETE.replace("'flows.leavers_fte':30.2", "'flows.leavers_fte':{'missing':'x'}"));
        ValidationResult r = validator.validate(WORKFORCE, answers, null, true);
        assertTrue(r.isValid(), r.violations().toString());
        assertEquals(Map.of("missing", "x"), r.answers().get("flows.leavers_fte"));

        ValidationResult bad = validator.validate(WORKFORCE, json("{'staff.fte':{'missing':'zero'}}"), null, false);
        assertEquals("type", bad.violations().get(0).code());
    }

    @Test
    void explanationMustNameAQuestionWithARule() throws Exception {
        ValidationResult r = validator.validate(WORKFORCE, json(COMPLETE), json("{'staff.headcount':'because'}"), true);
        assertEquals(List.of("explanations.staff.headcount"), r.violations().stream().map(Violation::field).toList());
    }

    @Test
    void countsTakeKnownBandsOnly() throws Exception {
        ValidationResult r = validator.validate(WORKFORCE, json("{'diversity.gender':{'female':120,'male':50,'robot':1}}"), null, false);
        assertEquals(List.of("diversity.gender.robot"), r.violations().stream().map(Violation::field).toList());
    }

    @Test
    void employerReturnChecksConditionsSpecifyAndExclusiveOptions() throws Exception {
        JsonNode answers = json("{'contact.name':'A','contact.job_title':'PSW','contact.email':'psw@council.gov.uk','consent.named_publication':'no',"
                + "'s4.incidents':'none','s4.incident_response':'yes',"
                + "'s4.safety_support':['mobile_phones','other'],"
                + "'s6.cpd_devised':['dont_know','other'],'s6.cpd_devised.specify':'x',"
                + "'s3.cancel_meetings':'once_week','s3.cancel_meetings.specify':'not needed'}");
        ValidationResult r = validator.validate(EMPLOYER, answers, null, true);
        assertEquals(Map.of("s4.incident_response", "when", "s4.safety_support.specify", "specify",
                        "s6.cpd_devised", "exclusive", "s3.cancel_meetings.specify", "specify"),
                r.violations().stream().collect(java.util.stream.Collectors.toMap(Violation::field, Violation::code)));
    }

    @Test
    void employerOptionsMustExistAndRangesHold() throws Exception {
        JsonNode answers = json("{'s3.average_caseload':250,'s3.safe_caseload_process':'maybe','contact.email':'not-an-email'}");
        ValidationResult r = validator.validate(EMPLOYER, answers, null, false);
        assertEquals(Map.of("s3.average_caseload", "range", "s3.safe_caseload_process", "option", "contact.email", "format"),
                r.violations().stream().collect(java.util.stream.Collectors.toMap(Violation::field, Violation::code)));
    }
}
