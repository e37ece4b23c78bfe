package uk.gov.local.healthcheck.portal.forms;

import uk.gov.local.healthcheck.portal.api.FieldError;

import java.util.ArrayList;
import java.util.List;

/** A line of GOV.UK's error summary: the API's message, linking to the field it names. */
public record ErrorLink(String href, String text) {

    /**
     * @param pageHref the section page of each question for fields on other pages ({@code null} for this page only)
     */
    public static List<ErrorLink> of(InstrumentDefinition instrument, List<FieldError> errors, String thisSection,
                                     java.util.function.Function<String, String> pageHref) {
        List<ErrorLink> links = new ArrayList<>();
        for (FieldError e : errors) {
            var question = instrument.questionOf(e.field().startsWith("explanations.") ? e.field().substring("explanations.".length()) : e.field());
            if (question.isEmpty()) {
                links.add(new ErrorLink(null, e.message()));
                continue;
            }
            String anchor = "#" + FormFields.htmlId(question.get().id()) + (e.field().startsWith("explanations.") ? "-explain" : "");
            String section = instrument.sectionOf(question.get().id()).map(InstrumentDefinition.SectionDef::id).orElse(null);
            String href = section == null || section.equals(thisSection) || pageHref == null ? anchor : pageHref.apply(section) + anchor;
            links.add(new ErrorLink(href, question.get().label() + ": " + e.message()));
        }
        return links;
    }
}
