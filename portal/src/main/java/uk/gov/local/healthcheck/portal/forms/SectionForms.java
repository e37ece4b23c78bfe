package uk.gov.local.healthcheck.portal.forms;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.local.healthcheck.portal.api.FieldError;
import uk.gov.local.healthcheck.portal.forms.InstrumentDefinition.SectionDef;

import java.util.List;
import java.util.function.Function;

/**
 * Makes a section's page the same way for a council's return and for the practitioner survey, which differ only in
 * where their pages live. It holds the longest text survey-service takes, shown in each character count.
 */
@ApplicationScoped
public class SectionForms {

    private final int maxTextLength;

    public SectionForms(@ConfigProperty(name = "portal.forms.max-text-length") int maxTextLength) {
        this.maxTextLength = maxTextLength;
    }

    /**
     * @param base  the form's first page (the return's task list, the survey's start page): "Back" from the first section
     * @param pages what stands between {@code base} and a section's id in the path of that section's page
     */
    public SectionForm of(InstrumentDefinition instrument, SectionDef section, JsonNode answers, JsonNode explanations,
                          List<FieldError> errors, String base, String pages) {
        Function<String, String> page = sectionId -> base + pages + sectionId;
        List<SectionDef> all = instrument.sections();
        int number = all.indexOf(section) + 1;
        return new SectionForm(FormFields.of(section, answers, explanations, errors, maxTextLength),
                ErrorLink.of(instrument, errors, section.id(), page), number, all.size(),
                number == 1 ? base : page.apply(all.get(number - 2).id()));
    }
}
