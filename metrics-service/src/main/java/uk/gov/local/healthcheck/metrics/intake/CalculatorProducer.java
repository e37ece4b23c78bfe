package uk.gov.local.healthcheck.metrics.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorCalculator;
import uk.gov.local.healthcheck.metrics.indicators.PractitionerRules;
import uk.gov.local.healthcheck.metrics.indicators.PractitionerScores;
import uk.gov.local.healthcheck.metrics.indicators.WorkingDays;

import java.math.BigDecimal;

/** Builds the pure calculators from configuration, keeping the indicators package free of CDI and config. */
public class CalculatorProducer {

    @Produces
    @ApplicationScoped
    IndicatorCalculator calculator(WorkingDaysConfig config) {
        return new IndicatorCalculator(new WorkingDays(config.defaultDays(), config.byYear()));
    }

    @Produces
    @ApplicationScoped
    PractitionerScores practitionerScores(
            @ConfigProperty(name = "indicators.practitioner.min-base", defaultValue = "10") int minBase,
            @ConfigProperty(name = "indicators.practitioner.band.good", defaultValue = "75") BigDecimal good,
            @ConfigProperty(name = "indicators.practitioner.band.moderate", defaultValue = "60") BigDecimal moderate) {
        return new PractitionerScores(new PractitionerRules(minBase, good, moderate));
    }
}
