package uk.gov.local.healthcheck.reference.indicators;

import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.reference.instruments.PackagedInstruments;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IndicatorIntegrityTest {

    private static final PackagedInstruments INSTRUMENTS = PackagedInstruments.load();

    /** The problems of a dictionary of these entries, each {@code id, instrument, formula and inputs}. */
    private static List<String> problems(String... entries) {
        StringBuilder yaml = new StringBuilder("indicators:\n");
        for (String entry : entries) {
            yaml.append("  - {title: t, description: d, unit: percent, polarity: neither, scale: 100, source: s, ")
                    .append(entry).append("}\n");
        }
        return IndicatorIntegrity.problems(IndicatorReader.read(yaml.toString().getBytes()), INSTRUMENTS);
    }

    @Test
    void thePackagedDictionaryHasNoProblems() {
        assertEquals(List.of(), IndicatorIntegrity.problems(PackagedIndicators.load().all(), INSTRUMENTS));
    }

    @Test
    void aRatioReadsNumberQuestionsAndBandsOfCountsQuestionsOfAReturn() {
        assertEquals(List.of(), problems(
                "id: a, instrument: workforce-return, formula: ratio, numerator: [diversity.gender.female], denominator: [staff.headcount]",
                "id: b, instrument: workforce-return, formula: ratio, numerator: [flows.absence_days], denominator: [staff.fte], factor: working_days_in_year"));
        assertEquals(List.of(
                        "a names diversity.gender.purple, not a question of workforce-return v1",
                        "b names s3.co_working, a single question of employer-health-check v2018, which a ratio formula cannot read",
                        "c has factor weekdays, not working_days_in_year",
                        "d is a ratio without a numerator",
                        "e is a ratio formula, which reads an instrument of unit authority, but practitioner-survey is not one",
                        "e names std1.clear_framework, a likert question of practitioner-survey v1, which a ratio formula cannot read"),
                problems(
                        "id: a, instrument: workforce-return, formula: ratio, numerator: [diversity.gender.purple], denominator: []",
                        "id: b, instrument: employer-health-check, formula: ratio, numerator: [s3.co_working]",
                        "id: c, instrument: workforce-return, formula: ratio, numerator: [staff.fte], factor: weekdays",
                        "id: d, instrument: workforce-return, formula: ratio, denominator: [staff.fte]",
                        "id: e, instrument: practitioner-survey, formula: ratio, numerator: [std1.clear_framework]"));
    }

    @Test
    void practitionerFormulasReadAStatementOrIndicatorsListedBefore() {
        assertEquals(List.of(), problems(
                "id: std1.clear_framework, instrument: practitioner-survey, formula: share_agreeing, of: [std1.clear_framework]",
                "id: m, instrument: practitioner-survey, formula: mean, of: [std1.clear_framework]",
                "id: b, instrument: practitioner-survey, formula: band, of: [m]",
                "id: n, instrument: practitioner-survey, formula: respondents"));
        assertEquals(List.of(
                        "s names std1.nothing, not a question of practitioner-survey v1",
                        "s is the share agreeing of std1.nothing, so its id is that question id",
                        "m names later, not an indicator of practitioner-survey listed before it",
                        "b: a band formula reads one input, not [s, m]",
                        "w is a share_agreeing formula, which reads an instrument of unit respondent, but workforce-return is not one",
                        "w names staff.fte, a decimal question of workforce-return v1, which a share_agreeing formula cannot read",
                        "w is the share agreeing of staff.fte, so its id is that question id",
                        "later: of names [s], not what a respondents formula reads"),
                problems(
                        "id: s, instrument: practitioner-survey, formula: share_agreeing, of: [std1.nothing]",
                        "id: m, instrument: practitioner-survey, formula: mean, of: [s, later]",
                        "id: b, instrument: practitioner-survey, formula: band, of: [s, m]",
                        "id: w, instrument: workforce-return, formula: share_agreeing, of: [staff.fte]",
                        "id: later, instrument: practitioner-survey, formula: respondents, of: [s]"));
    }

    @Test
    void idsAreUniqueAndAttributesKnown() {
        assertEquals(List.of(
                        "a is defined twice",
                        "x names instrument nothing, which is not packaged"),
                problems(
                        "id: a, instrument: workforce-return, formula: ratio, numerator: [staff.fte]",
                        "id: a, instrument: workforce-return, formula: ratio, numerator: [staff.fte]",
                        "id: x, instrument: nothing, formula: ratio, numerator: [staff.fte]"));
        List<Indicator> odd = List.of(new Indicator("o", "t", "d", "percentage", "up", "workforce-return",
                new Formula(Formula.Kind.RATIO, List.of("staff.fte"), List.of(), null, List.of(), 10), ""));
        assertEquals(List.of("o needs a title, a description and a source",
                "o has unit percentage, not one of [percent, number, count]",
                "o has polarity up, not one of [higher-is-better, lower-is-better, neither]",
                "o has scale 10, not 1 or 100"), IndicatorIntegrity.problems(odd, INSTRUMENTS));
    }

    @Test
    void anUnknownFormulaOrAMissingScaleIsRefusedOnReadingNamingTheEntry() {
        assertEquals("Indicator q: unknown formula 'median'", assertThrows(IllegalStateException.class,
                () -> problems("id: q, instrument: workforce-return, formula: median, of: [staff.fte]")).getMessage());
        assertEquals("Indicator r has no whole-number scale: null", assertThrows(IllegalStateException.class,
                () -> IndicatorReader.read("indicators: [{id: r, formula: ratio}]".getBytes())).getMessage());
    }
}
