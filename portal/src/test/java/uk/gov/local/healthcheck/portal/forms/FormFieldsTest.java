package uk.gov.local.healthcheck.portal.forms;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.portal.api.FieldError;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each answer type of the instruments gets its GOV.UK component, with the API's message beside the field it names. */
class FormFieldsTest {

    @Test
    void everyAnswerTypeHasItsComponent() throws IOException {
        InstrumentDefinition employer = AnswerBinderTest.employer();
        JsonNode none = AnswerBinderTest.JSON.createObjectNode();
        var contact = FormFields.of(employer.section("contact").orElseThrow(), none, none, List.of(), 5000);
        assertEquals("input", contact.get(2).kind(), "an email is a one-line input");
        assertEquals("email", contact.get(2).inputType());
        var s2 = FormFields.of(employer.section("s2").orElseThrow(), none, none, List.of(), 5000);
        assertEquals("number", s2.get(0).kind());
        assertEquals("decimal", s2.get(0).inputMode());
        assertEquals(5, s2.get(0).missingChoices().size(), "a figure, or one of the four reasons it is not given");
        assertEquals("textarea", s2.get(s2.size() - 1).kind());
        assertEquals(5000, s2.get(s2.size() - 1).maxLength());
        var s4 = FormFields.of(employer.section("s4").orElseThrow(), none, none, List.of(), 5000);
        FieldView support = s4.get(0);
        assertEquals("checkboxes", support.kind());
        assertTrue(support.choices().stream().anyMatch(c -> c.specify() && c.value().equals("other")));
        assertEquals("radios", s4.get(1).kind());
    }

    @Test
    void aConditionalQuestionOnTheSamePageSaysWhenToAnswerIt() throws IOException {
        InstrumentDefinition employer = AnswerBinderTest.employer();
        JsonNode none = AnswerBinderTest.JSON.createObjectNode();
        var s3 = FormFields.of(employer.section("s3").orElseThrow(), none, none, List.of(), 5000);
        FieldView assurance = s3.stream().filter(f -> f.id().equals("s3.safe_caseload_assurance")).findFirst().orElseThrow();
        assertTrue(assurance.hint().contains("Answer only if"), assurance.hint());
    }

    @Test
    void theApisMessageIsShownOnItsFieldAndTypedValuesComeBack() throws IOException {
        InstrumentDefinition employer = AnswerBinderTest.employer();
        JsonNode answers = AnswerBinderTest.JSON.readTree("{\"s2.posts_fte\":\"abc\"}");
        var s2 = FormFields.of(employer.section("s2").orElseThrow(), answers, null,
                List.of(new FieldError("s2.posts_fte", "type", "s2.posts_fte must be a JSON number, not a string")), 5000);
        assertEquals("abc", s2.get(0).value());
        assertEquals("s2.posts_fte must be a JSON number, not a string", s2.get(0).error());
        assertEquals("q-s2-posts_fte-hint q-s2-posts_fte-error", s2.get(0).describedBy());
        assertNull(s2.get(1).error());
        var links = ErrorLink.of(employer, List.of(new FieldError("s2.posts_fte", "type", "must be a number"),
                new FieldError("contact.name", "required", "contact.name is required")), "s2", s -> "/x/sections/" + s);
        assertEquals("#q-s2-posts_fte", links.get(0).href());
        assertEquals("/x/sections/contact#q-contact-name", links.get(1).href());
    }

    @Test
    void labelsSpellOutTheInstrumentsIds() {
        assertEquals("Less than once week", Labels.option("lt_once_week"));
        assertEquals("1 to 10", Labels.option("1_10"));
        assertEquals("60 plus", Labels.option("60_plus"));
        assertEquals("Don't know", Labels.option("dont_know"));
        assertEquals("Posts FTE", Labels.question("s2.posts_fte"));
        assertFalse(Labels.option("strongly_agree").contains("_"));
    }
}
