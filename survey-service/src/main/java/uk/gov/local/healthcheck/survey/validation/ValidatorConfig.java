package uk.gov.local.healthcheck.survey.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the (pure) validator with the configured limits. */
@ApplicationScoped
public class ValidatorConfig {

    @Produces
    @ApplicationScoped
    AnswerValidator validator(@ConfigProperty(name = "survey.answers.max-text-length") int maxTextLength,
                              @ConfigProperty(name = "survey.answers.max-list-items") int maxListItems) {
        return new AnswerValidator(new AnswerLimits(maxTextLength, maxListItems));
    }
}
