package uk.gov.local.healthcheck.metrics.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Map;

/**
 * {@code indicators.working-days.default} and {@code indicators.working-days.by-year.<year>}: the working days in a
 * reporting year used by the absence rate.
 */
@ConfigMapping(prefix = "indicators.working-days")
public interface WorkingDaysConfig {

    @WithName("default")
    @WithDefault("253")
    int defaultDays();

    /** Years whose working days differ from the default, e.g. {@code by-year.2024=254}. */
    @WithName("by-year")
    Map<Integer, Integer> byYear();
}
