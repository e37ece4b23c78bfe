package uk.gov.local.healthcheck.survey.instruments;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.reference.instruments.PackagedInstruments;

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

    /**
     * The questionnaires themselves (question ids in order, option sets, yes/no kept as strings, rules, bands) are
     * checked where they are read, in reference's {@code PackagedInstrumentsTest}; this view answers exactly those.
     */
    @Test
    void answersTheReferenceModulesInstruments() {
        PackagedInstruments packaged = PackagedInstruments.load();
        assertEquals(packaged.find("employer-health-check", 2018).orElseThrow(),
                catalog.find("employer-health-check", 2018).orElseThrow());
        assertEquals(packaged.latest("practitioner-survey").orElseThrow(), catalog.latest("practitioner-survey").orElseThrow());
        assertEquals(packaged.latest("workforce-return").orElseThrow(), catalog.latest("workforce-return").orElseThrow());
        assertTrue(catalog.find("workforce-return", 2).isEmpty());
    }
}
