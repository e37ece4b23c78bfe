package uk.gov.local.healthcheck.reference.indicators;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.reference.instruments.PackagedInstruments;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackagedIndicatorsTest {

    static final PackagedIndicators PACKAGED = PackagedIndicators.load();

    @Test
    void loadsTheWholeDictionaryInItsOrder() {
        List<Indicator> all = PACKAGED.all();
        assertEquals(29 + 11 + 20 + 8 + 3, all.size());
        assertEquals("turnover_rate", all.get(0).id());
        assertEquals("respondents", all.get(all.size() - 1).id());
        assertEquals(List.of(29L, 11L, 31L), List.of("workforce-return", "employer-health-check", "practitioner-survey")
                .stream().map(i -> all.stream().filter(d -> d.instrument().equals(i)).count()).toList());
    }

    @Test
    void keepsEveryAttributeOfAnEntry() {
        Indicator absence = PACKAGED.find("absence_rate").orElseThrow();
        assertEquals("Sickness absence rate", absence.title());
        assertEquals("percent", absence.unit());
        assertEquals("lower-is-better", absence.polarity());
        assertEquals(new Formula(Formula.Kind.RATIO, List.of("flows.absence_days"), List.of("staff.fte"),
                Formula.WORKING_DAYS_IN_YEAR, List.of(), 100), absence.formula());
        assertTrue(absence.source().endsWith("(absence_rate_fte)"), absence.source());
        Formula caseload = PACKAGED.find("reported_average_caseload").orElseThrow().formula();
        assertEquals(List.of(), caseload.denominator());
        assertNull(caseload.factor());
        Formula standard = PACKAGED.find("std1_score").orElseThrow().formula();
        assertEquals(Formula.Kind.MEAN, standard.kind());
        assertEquals(List.of("std1.clear_framework", "std1.safe_practice", "std1.senior_managers_accessible"), standard.of());
        assertTrue(standard.kind().fromResponses());
        // a source written once and named again (a YAML alias) reads the same
        assertEquals(PACKAGED.find("std1.clear_framework").orElseThrow().source(),
                PACKAGED.find("overall_band").orElseThrow().source());
        assertEquals(List.of("diversity.disability.yes"),
                PACKAGED.find("diversity_disability_yes_share").orElseThrow().formula().numerator());
    }

    @Test
    void anInconsistentFileIsRefusedNamingItsBadEntries() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> PackagedIndicators.load("inconsistent-indicators.yaml", PackagedInstruments.load()));
        assertEquals("inconsistent-indicators.yaml is not a consistent indicator dictionary: leavers_rate names "
                + "flows.leavers_headcount, not a question of workforce-return v1; leavers_rate is defined twice",
                refused.getMessage());
        assertThrows(IllegalStateException.class, () -> PackagedIndicators.load("absent.yaml", PackagedInstruments.load()));
    }
}
