package uk.gov.local.healthcheck.survey.instruments;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentIntegrityCheckTest {

    private final InstrumentCatalog catalog = new InstrumentCatalog(List.of("workforce-return.yaml", "practitioner-survey.yaml"));

    @Test
    void anUnchangedDefinitionPasses() {
        String fingerprint = catalog.fingerprint(catalog.find("workforce-return", 1).orElseThrow());
        assertEquals(64, fingerprint.length());
        assertEquals(List.of(), InstrumentIntegrityCheck.problems(
                List.of(new InstrumentIntegrityCheck.InUse("workforce-return", 1, fingerprint)), catalog));
    }

    @Test
    void aChangedOrMissingDefinitionOfAVersionInUseIsRefused() {
        List<String> problems = InstrumentIntegrityCheck.problems(List.of(
                new InstrumentIntegrityCheck.InUse("workforce-return", 1, "0".repeat(64)),
                new InstrumentIntegrityCheck.InUse("employer-health-check", 2018, "0".repeat(64))), catalog);
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).contains("workforce-return v1 has changed"), problems.get(0));
        assertTrue(problems.get(1).contains("employer-health-check v2018 is collected by a round but no longer packaged"), problems.get(1));
    }
}
