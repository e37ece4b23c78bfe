package uk.gov.local.healthcheck.portal.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.portal.forms.InstrumentDefinition.SectionDef;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The posted form of one page becomes the answers JSON the API takes, as the instrument files define it. */
class AnswerBinderTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static InstrumentDefinition employer() throws IOException {
        try (InputStream in = AnswerBinderTest.class.getResourceAsStream("/employer-health-check-2018.json")) {
            return InstrumentDefinition.of(JSON.readTree(in));
        }
    }

    @Test
    void figuresBecomeNumbersAndWhatIsNotANumberIsKeptAsTyped() throws IOException {
        SectionDef s2 = employer().section("s2").orElseThrow();
        var bound = AnswerBinder.bind(s2, Map.of("s2.posts_fte", List.of("1,250.5"), "s2.posts_headcount", List.of("twelve"),
                "s2.unfilled_fte", List.of(""), "s2.unfilled_fte.missing", List.of("x")), null, null);
        assertEquals(1250.5, bound.answers().get("s2.posts_fte").asDouble());
        assertTrue(bound.answers().get("s2.posts_fte").isNumber());
        assertEquals("twelve", bound.answers().get("s2.posts_headcount").asText(), "typed text is kept for the API to name");
        assertEquals("x", bound.answers().get("s2.unfilled_fte").get("missing").asText());
        assertFalse(bound.answers().has("s2.agency_fte"), "an empty field is no answer");
    }

    @Test
    void otherAnswersAreKeptAndThisPagesClearedAnswersAreDropped() throws IOException {
        SectionDef s2 = employer().section("s2").orElseThrow();
        JsonNode before = JSON.readTree("{\"contact.name\":\"A Person\",\"s2.posts_fte\":10}");
        var bound = AnswerBinder.bind(s2, Map.of(), before, null);
        assertEquals("A Person", bound.answers().get("contact.name").asText());
        assertFalse(bound.answers().has("s2.posts_fte"));
    }

    @Test
    void choicesSpecifyTextListsAndConditions() throws IOException {
        InstrumentDefinition employer = employer();
        SectionDef s4 = employer.section("s4").orElseThrow();
        var bound = AnswerBinder.bind(s4, Map.of("s4.safety_support", List.of("mobile_phones", "other"),
                "s4.safety_support.specify", List.of(" Body-worn cameras "), "s4.incidents", List.of("none"),
                "s4.incident_response", List.of("yes")), null, null);
        assertEquals(2, bound.answers().get("s4.safety_support").size());
        assertEquals("Body-worn cameras", bound.answers().get("s4.safety_support.specify").asText());
        assertFalse(bound.answers().has("s4.incident_response"), "asked only when there were incidents");

        SectionDef s3 = employer.section("s3").orElseThrow();
        var listed = AnswerBinder.bind(s3, Map.of("s3.safe_caseload_process", List.of("yes"),
                "s3.safe_caseload_assurance", List.of("Audits\r\n\r\n Supervision \r\n")), null, null);
        assertEquals(List.of("Audits", "Supervision"), List.of(listed.answers().get("s3.safe_caseload_assurance").get(0).asText(),
                listed.answers().get("s3.safe_caseload_assurance").get(1).asText()));
    }

    @Test
    void specifyTextIsSentOnlyWithItsOption() throws IOException {
        SectionDef s4 = employer().section("s4").orElseThrow();
        var bound = AnswerBinder.bind(s4, Map.of("s4.safety_support", List.of("mobile_phones"),
                "s4.safety_support.specify", List.of("left over")), null, null);
        assertFalse(bound.answers().has("s4.safety_support.specify"));
    }

    @Test
    void textKeepsItsLinesWithLfOnlySoItsLengthIsWhatThePersonSees() throws IOException {
        SectionDef s2 = employer().section("s2").orElseThrow();
        var bound = AnswerBinder.bind(s2, Map.of("s2.comments", List.of("one\r\ntwo")), null, null);
        assertEquals("one\ntwo", bound.answers().get("s2.comments").asText());
    }

    @Test
    void explanationsTravelOnlyWithAnAnswer() throws IOException {
        SectionDef s2 = employer().section("s2").orElseThrow();
        var bound = AnswerBinder.bind(s2, Map.of("s2.unfilled_fte", List.of("20"), "explain.s2.unfilled_fte", List.of("Restructure"),
                "explain.s2.agency_fte", List.of("orphan")), null, null);
        assertEquals("Restructure", bound.explanations().get("s2.unfilled_fte").asText());
        assertFalse(bound.explanations().has("s2.agency_fte"));
    }
}
