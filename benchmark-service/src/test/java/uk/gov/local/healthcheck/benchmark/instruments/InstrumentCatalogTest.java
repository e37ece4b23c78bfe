package uk.gov.local.healthcheck.benchmark.instruments;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentCatalogTest {

    static final InstrumentCatalog CATALOG = InstrumentCatalog.fromClasspath();

    @Test
    void readsTheEmployerReturnWithOptionSetsResolvedAndYesNoAsStrings() {
        Instrument employer = CATALOG.find("employer-health-check", 2018).orElseThrow();
        assertEquals(2018, employer.version());
        assertFalse(employer.respondentBased());
        assertEquals(List.of("yes", "no", "dont_know"), employer.question("s3.allocation_negotiated").orElseThrow().options());
        assertEquals(List.of("none", "1_10", "11_20", "21_30", "gt_30"), employer.question("s4.incidents").orElseThrow().options());
        assertEquals("contact.name", employer.questions().get(0).id());
        assertTrue(employer.question("s3.average_caseload").orElseThrow().isNumber());
        assertFalse(employer.question("overview.positive_achievements").orElseThrow().isTabulated());
    }

    @Test
    void thePractitionerSurveyIsRespondentBasedWithLikertOptions() {
        Instrument survey = CATALOG.find("practitioner-survey", null).orElseThrow();
        assertTrue(survey.respondentBased());
        assertEquals(List.of("yes", "no"), survey.question("profile.asye_last_3_years").orElseThrow().options());
        assertEquals(6, survey.question("std1.clear_framework").orElseThrow().options().size());
    }

    @Test
    void everyPackagedInstrumentLoads() {
        assertEquals(3, CATALOG.all().size());
        assertTrue(CATALOG.find("nothing", 1).isEmpty());
    }
}
