package uk.gov.local.healthcheck.reference.instruments;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentIntegrityTest {

    private static List<String> problems(String questions) {
        return InstrumentIntegrity.problems(InstrumentReader.read(("""
                instrument: t
                version: 1
                unit: authority
                option_sets:
                  yes_no: [yes, no]
                sections:
                  - id: a
                    questions:
                """ + questions).getBytes()));
    }

    @Test
    void thePackagedInstrumentsAreConsistent() {
        PackagedInstruments.load().all().forEach(i -> assertEquals(List.of(), InstrumentIntegrity.problems(i), i.id()));
    }

    @Test
    void aConsistentInstrumentHasNoProblems() {
        assertEquals(List.of(), problems("""
                      - {id: a.n, type: integer}
                      - {id: a.m, type: decimal, rule: "<= a.n"}
                      - {id: a.yn, type: single, options: yes_no, specify: [yes]}
                      - {id: a.why, type: text, when: "a.yn == no"}
                      - {id: a.many, type: multi, options: [x, other, dont_know], specify: [other], exclusive: [dont_know]}
                """));
    }

    @Test
    void duplicateIdsAreProblems() {
        assertEquals(List.of("t v1 a.n is defined twice"), problems("""
                      - {id: a.n, type: integer}
                      - {id: a.n, type: decimal}
                """));
    }

    @Test
    void conditionsMustNameAnEarlierQuestionAndOneOfItsOptions() {
        List<String> problems = problems("""
                      - {id: a.yn, type: single, options: yes_no}
                      - {id: a.why, type: text, when: "a.yn == maybe"}
                      - {id: a.how, type: text, when: "a.later == yes"}
                      - {id: a.later, type: single, options: yes_no}
                      - {id: a.odd, type: text, when: "a.yn is yes"}
                """);
        assertEquals(List.of("a.why is conditional on a.yn being maybe, not one of its options",
                "a.how is conditional on a.later, not an earlier question",
                "a.odd has an unsupported condition: a.yn is yes"), problems);
    }

    @Test
    void rulesMustNameNumberQuestions() {
        assertEquals(List.of("a.m's rule names a.t, not a number question of the instrument",
                "a.m's rule names a.none, not a number question of the instrument",
                "a.k has an unsupported rule: >= a.m"), problems("""
                      - {id: a.t, type: text}
                      - {id: a.m, type: decimal, rule: "<= a.t + a.none"}
                      - {id: a.k, type: decimal, rule: ">= a.m"}
                """));
    }

    @Test
    void specifyAndExclusiveMustNameOptionsAndChoicesNeedOptions() {
        assertEquals(List.of("a.many specify names other, not one of its options",
                "a.many exclusive names none, not one of its options",
                "t v1 a.c is a counts question without bands"), problems("""
                      - {id: a.many, type: multi, options: [x, y], specify: [other], exclusive: [none]}
                      - {id: a.c, type: counts}
                """));
    }

    @Test
    void anUnknownOptionSetOrTypeIsRefusedOnReading() {
        assertTrue(assertThrows(IllegalStateException.class, () -> problems("""
                      - {id: a.x, type: single, options: nothing}
                """)).getMessage().contains("unknown option set nothing"));
        assertThrows(IllegalArgumentException.class, () -> problems("""
                      - {id: a.x, type: colour}
                """));
    }
}
