package uk.gov.local.healthcheck.portal.forms;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.portal.api.FieldError;
import uk.gov.local.healthcheck.portal.forms.InstrumentDefinition.SectionDef;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A section's page, as a council's return and the practitioner survey both show it. */
class SectionFormsTest {

    private final SectionForms forms = new SectionForms(5000);

    @Test
    void aSectionKnowsItsPlaceAndWhereBackLeads() throws IOException {
        InstrumentDefinition employer = AnswerBinderTest.employer();
        JsonNode none = AnswerBinderTest.JSON.createObjectNode();
        List<SectionDef> all = employer.sections();
        SectionForm first = forms.of(employer, all.get(0), none, none, List.of(), "/survey/abc", "/questions/");
        assertEquals(1, first.number());
        assertEquals(all.size(), first.total());
        assertEquals("/survey/abc", first.back(), "back from the first section is the form's first page");
        SectionForm third = forms.of(employer, all.get(2), none, none, List.of(), "/survey/abc", "/questions/");
        assertEquals(3, third.number());
        assertEquals("/survey/abc/questions/" + all.get(1).id(), third.back());
    }

    @Test
    void theFieldsCarryTheLongestTextAndErrorsLinkToTheirPage() throws IOException {
        InstrumentDefinition employer = AnswerBinderTest.employer();
        JsonNode none = AnswerBinderTest.JSON.createObjectNode();
        SectionForm s2 = forms.of(employer, employer.section("s2").orElseThrow(), none, none,
                List.of(new FieldError("s2.posts_fte", "type", "must be a number"),
                        new FieldError("contact.name", "required", "contact.name is required")),
                "/rounds/workforce-2024/returns/E10000031", "/sections/");
        assertEquals(5000, s2.fields().get(s2.fields().size() - 1).maxLength());
        assertEquals("must be a number", s2.fields().get(0).error());
        assertEquals("#q-s2-posts_fte", s2.errors().get(0).href(), "a field on this page is linked by its id alone");
        assertEquals("/rounds/workforce-2024/returns/E10000031/sections/contact#q-contact-name", s2.errors().get(1).href());
    }
}
