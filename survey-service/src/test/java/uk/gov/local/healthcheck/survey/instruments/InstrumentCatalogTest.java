package uk.gov.local.healthcheck.survey.instruments;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.reference.instruments.Instrument;
import uk.gov.local.healthcheck.reference.instruments.Question;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentCatalogTest {

    private final InstrumentCatalog catalog = new InstrumentCatalog(
            List.of("workforce-return.yaml", "employer-health-check-2018.yaml", "practitioner-survey.yaml"));

    @Test
    void loadsTheThreeInstrumentsWithTheirVersionsAndUnits() {
        assertEquals(List.of("employer-health-check v2018 authority", "practitioner-survey v1 respondent", "workforce-return v1 authority"),
                catalog.all().stream().map(i -> i.id() + " v" + i.version() + " " + i.unit()).toList());
    }

    @Test
    void optionSetsResolveAndYesNoStayStrings() {
        Question q = catalog.find("employer-health-check", 2018).orElseThrow().question("s3.safe_caseload_process").orElseThrow();
        assertEquals(List.of("yes", "no", "dont_know"), q.options(), "YAML must not turn yes/no into booleans");
        Question likert = catalog.latest("practitioner-survey").orElseThrow().question("std1.clear_framework").orElseThrow();
        assertEquals(6, likert.options().size());
        assertTrue(likert.options().contains("not_applicable"));
    }

    @Test
    void workforceReturnKeepsTheContractQuestionIdsInOrder() {
        Instrument w = catalog.latest("workforce-return").orElseThrow();
        assertEquals(22, w.questions().size());
        assertEquals("staff.headcount", w.questions().keySet().iterator().next());
        assertEquals("<= staff.fte + staff.agency_fte", w.question("caseload.case_holding_fte").orElseThrow().rule());
        assertEquals(List.of("female", "male", "other", "not_known"), w.question("diversity.gender").orElseThrow().bands());
    }
}
