package uk.gov.local.healthcheck.metrics.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorCalculator;
import uk.gov.local.healthcheck.metrics.indicators.WorkingDays;

/** Builds the pure calculator from configuration, keeping the indicators package free of CDI and config. */
public class CalculatorProducer {

    @Produces
    @ApplicationScoped
    IndicatorCalculator calculator(WorkingDaysConfig config) {
        return new IndicatorCalculator(new WorkingDays(config.defaultDays(), config.byYear()));
    }
}
