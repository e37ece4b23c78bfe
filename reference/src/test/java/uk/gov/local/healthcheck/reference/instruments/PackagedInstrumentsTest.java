package uk.gov.local.healthcheck.reference.instruments;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackagedInstrumentsTest {

    static final PackagedInstruments PACKAGED = PackagedInstruments.load();

    @Test
    void loadsEveryListedFileInOrderWithIntVersionsAndUnits() {
        assertEquals(List.of("workforce-return v1 authority", "employer-health-check v2018 authority",
                        "practitioner-survey v1 respondent"),
                PACKAGED.all().stream().map(i -> i.id() + " v" + i.version() + " " + i.unit()).toList());
        assertTrue(PACKAGED.find("practitioner-survey", 1).orElseThrow().isPerRespondent());
        assertTrue(PACKAGED.find("workforce-return", 1).orElseThrow().isPerAuthority());
        assertTrue(PACKAGED.find("workforce-return", 2).isEmpty());
        assertEquals(2018, PACKAGED.latest("employer-health-check").orElseThrow().version());
        assertTrue(PACKAGED.latest("nothing").isEmpty());
    }

    @Test
    void optionSetsResolveAndYesNoStayStrings() {
        Instrument employer = PACKAGED.find("employer-health-check", 2018).orElseThrow();
        assertEquals(List.of("yes", "no", "dont_know"), employer.question("s3.safe_caseload_process").orElseThrow().options());
        assertEquals(List.of("none", "1_10", "11_20", "21_30", "gt_30"), employer.question("s4.incidents").orElseThrow().options());
        Question likert = PACKAGED.latest("practitioner-survey").orElseThrow().question("std1.clear_framework").orElseThrow();
        assertEquals(QuestionType.LIKERT, likert.type());
        assertEquals(6, likert.options().size());
        assertTrue(likert.options().contains("not_applicable"));
        assertEquals(List.of("yes"), employer.question("s5.exit_interview_follow_up").orElseThrow().specify());
    }

    @Test
    void keepsTheQuestionsInOrderWithTheirRulesBandsAndConditions() {
        Instrument w = PACKAGED.latest("workforce-return").orElseThrow();
        assertEquals(22, w.questions().size());
        assertEquals("staff.headcount", w.questions().keySet().iterator().next());
        assertEquals("<= staff.fte + staff.agency_fte", w.question("caseload.case_holding_fte").orElseThrow().rule());
        assertEquals(List.of("female", "male", "other", "not_known"), w.question("diversity.gender").orElseThrow().bands());
        assertTrue(w.question("staff.headcount").orElseThrow().required());
        assertNull(w.sections().stream().filter(s -> s.id().equals("caseload")).findFirst().orElseThrow().title());
        Instrument employer = PACKAGED.find("employer-health-check", 2018).orElseThrow();
        assertEquals("s4.incidents != none", employer.question("s4.incident_response").orElseThrow().when());
    }

    @Test
    void fingerprintsAreTheSha256OfEachFile() {
        String fingerprint = PACKAGED.fingerprint("workforce-return", 1).orElseThrow();
        assertEquals(64, fingerprint.length());
        assertFalse(fingerprint.equals(PACKAGED.fingerprint("practitioner-survey", 1).orElseThrow()));
        assertTrue(PACKAGED.fingerprint("workforce-return", 7).isEmpty());
    }

    @Test
    void aFileListedTwiceOrMissingIsRefused() {
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> PackagedInstruments.load(List.of("workforce-return.yaml", "workforce-return.yaml")));
        assertTrue(twice.getMessage().contains("workforce-return v1 a second time"), twice.getMessage());
        assertThrows(IllegalStateException.class, () -> PackagedInstruments.load(List.of("absent.yaml")));
    }

    @Test
    void numbersAreDecimals() {
        Question q = InstrumentReader.read("""
                instrument: t
                version: 3
                unit: respondent
                sections:
                  - id: a
                    questions:
                      - {id: a.n, type: decimal, min: 0, max: 2.5, max_items: 4, required: true}
                """.getBytes()).question("a.n").orElseThrow();
        assertEquals(new BigDecimal("0"), q.min());
        assertEquals(new BigDecimal("2.5"), q.max());
        assertEquals(4, q.maxItems());
        assertTrue(q.required());
    }
}
