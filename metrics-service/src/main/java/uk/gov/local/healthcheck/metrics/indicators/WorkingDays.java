package uk.gov.local.healthcheck.metrics.indicators;

import java.util.Map;

/**
 * Working days in a reporting year, the absence rate's denominator factor. DfE uses 253 in most years and 254 in
 * years with an extra weekday (2020, 2024); both come from configuration so a new year needs no code change.
 */
public record WorkingDays(int defaultDays, Map<Integer, Integer> byYear) {

    public WorkingDays {
        if (defaultDays <= 0) {
            throw new IllegalArgumentException("working days must be positive: " + defaultDays);
        }
        byYear = Map.copyOf(byYear);
        byYear.forEach((year, days) -> {
            if (days <= 0) {
                throw new IllegalArgumentException("working days for " + year + " must be positive: " + days);
            }
        });
    }

    public int inYear(int year) {
        return byYear.getOrDefault(year, defaultDays);
    }
}
