package uk.gov.local.healthcheck.portal.forms;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.gov.local.healthcheck.portal.api.FieldError;
import uk.gov.local.healthcheck.portal.forms.InstrumentDefinition.SectionDef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of question rendered by {@code forms/field}, with and without the API's refusal: GOV.UK's pattern of a
 * labelled group, its hint and its error message, each named by the group's {@code aria-describedby}. The rendering of
 * every field is also written to {@code target/rendered/forms-field.html}, to compare the markup before and after a
 * change to the templates.
 */
@QuarkusTest
class FieldTemplateTest {

    /** One question of each type and format the instruments use, with a rule so that a figure can be explained. */
    static final String EVERY_KIND = """
            {"id":"kinds","version":1,"sections":[{"id":"a","title":"Every kind","questions":[
             {"id":"a.posts_fte","type":"DECIMAL","text":"Posts FTE","required":true,"rule":"a.posts_fte >= a.filled"},
             {"id":"a.filled","type":"INTEGER"},
             {"id":"a.ages","type":"COUNTS","required":true,"bands":["under_30","30_49","50_plus"]},
             {"id":"a.supported","type":"LIKERT","text":"I feel supported","required":true,"options":["agree","neutral","disagree"]},
             {"id":"a.kind","type":"SINGLE","options":["yes","no","other"],"specify":["other"]},
             {"id":"a.support","type":"MULTI","required":true,"options":["mentoring","training","none"],"exclusive":["none"],"specify":["training"]},
             {"id":"a.email","type":"TEXT","format":"email","required":true},
             {"id":"a.notes","type":"TEXT"},
             {"id":"a.changes","type":"LIST","maxItems":5}]}]}""";

    static final Set<String> FIELDSETS = Set.of("number", "counts", "radios", "checkboxes");

    @Inject
    @Location("forms/field.html")
    Template field;

    @Test
    void aQuestionOfSeveralInputsIsAFieldsetItsLegendHintAndErrorNamedByItsDescription() throws IOException {
        StringBuilder all = new StringBuilder();
        List<String> kinds = new ArrayList<>();
        for (FieldView f : everyField()) {
            String html = field.data("f", f).render();
            all.append(html);
            kinds.add(f.kind());
            if (FIELDSETS.contains(f.kind())) {
                assertTrue(html.startsWith("<div class=\"govuk-form-group" + (f.hasError() ? " govuk-form-group--error\">" : "\">")
                        + "\n  <fieldset class=\"govuk-fieldset\" aria-describedby=\"" + f.describedBy() + "\">"
                        + "\n    <legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">" + escaped(f.label())), html);
                assertTrue(html.contains("\n  </fieldset>\n") && html.endsWith("</div>\n"), html);
            } else {
                assertTrue(html.contains("<label class=\"govuk-label govuk-label--s\" for=\"" + f.htmlId() + "\">" + escaped(f.label()) + "</label>"), html);
            }
            assertTrue(html.contains("<div id=\"" + f.hintId() + "\" class=\"govuk-hint\"><span class=\"app-question-id\">" + f.id() + "</span>"), html);
            assertEquals(f.hasError(), html.contains("<p id=\"" + f.htmlId() + "-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> "
                    + escaped(f.error()) + "</p>"), html);
        }
        assertTrue(kinds.containsAll(List.of("number", "counts", "radios", "checkboxes", "input", "textarea")), kinds.toString());
        Path out = Path.of("target/rendered/forms-field.html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, all);
    }

    @Test
    void onlyAFigureSaysRequiredInItsLegendAsWellAsItsHint() throws IOException {
        FieldView figure = kinds(List.of()).get(0);
        assertTrue(field.data("f", figure).render().contains("Posts FTE <span class=\"govuk-visually-hidden\">(required)</span></legend>"));
        FieldView likert = kinds(List.of()).get(3);
        String html = field.data("f", likert).render();
        assertTrue(html.contains("I feel supported</legend>"), html);
        assertTrue(html.contains("a.supported</span> · required</div>"), html);
        FieldView counts = kinds(List.of()).get(2);
        assertTrue(field.data("f", counts).render().contains("a.ages</span> · headcount in each group</div>"));
    }

    /** As Qute writes a value into HTML. */
    private static String escaped(String text) {
        return text == null ? null : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** The employer questionnaire's fields and one of each kind, each once as asked and once refused by the API. */
    private static List<FieldView> everyField() throws IOException {
        List<FieldView> fields = new ArrayList<>();
        InstrumentDefinition employer = AnswerBinderTest.employer();
        JsonNode none = AnswerBinderTest.JSON.createObjectNode();
        for (SectionDef s : employer.sections()) {
            fields.addAll(FormFields.of(s, none, none, List.of(), 5000));
            List<FieldError> refused = s.questions().stream().map(q -> new FieldError(q.id(), "invalid", "Check " + q.id())).toList();
            fields.addAll(FormFields.of(s, none, none, refused, 5000));
        }
        fields.addAll(kinds(List.of()));
        List<FieldError> refused = new ArrayList<>();
        for (FieldView f : kinds(List.of())) {
            refused.add(new FieldError(f.id(), "invalid", "Check " + f.id()));
        }
        refused.add(new FieldError("explanations.a.posts_fte", "required", "Say why the figure breaks the rule"));
        fields.addAll(kinds(refused));
        return fields;
    }

    private static List<FieldView> kinds(List<FieldError> errors) throws IOException {
        InstrumentDefinition kinds = InstrumentDefinition.of(AnswerBinderTest.JSON.readTree(EVERY_KIND));
        JsonNode answers = AnswerBinderTest.JSON.readTree("{\"a.posts_fte\":12.5,\"a.kind\":\"other\",\"a.kind.specify\":\"Both\"}");
        return FormFields.of(kinds.section("a").orElseThrow(), answers, AnswerBinderTest.JSON.createObjectNode(), errors, 5000);
    }
}
