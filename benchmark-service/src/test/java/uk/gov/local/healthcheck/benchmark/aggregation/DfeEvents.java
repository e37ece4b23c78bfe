package uk.gov.local.healthcheck.benchmark.aggregation;

import org.apache.commons.csv.CSVRecord;
import uk.gov.local.healthcheck.events.AuthorityIndicators;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The DfE file as the ~1,370 indicator events metrics-service would publish, for tests in other packages. */
public final class DfeEvents {

    private DfeEvents() {
    }

    /** Every authority-year of 2017–2025 as one event, rounds {@code prefix + year}. */
    public static List<AuthorityIndicators> all(String prefix) throws IOException {
        DfePublishedRatesReconciliationTest.load();
        List<AuthorityIndicators> events = new ArrayList<>();
        for (int year : DfePublishedRatesReconciliationTest.years()) {
            for (CSVRecord row : DfePublishedRatesReconciliationTest.authorityRows(year).toList()) {
                AuthorityIndicators e = DfePublishedRatesThroughApiTest.event(year, row);
                events.add(new AuthorityIndicators(prefix + year, e.instrument(), e.period(), e.authorityCode(),
                        e.sourceRevision(), e.withdrawn(), e.computedAt(), e.indicators(), e.instrumentVersion(),
                        e.consentToNamedPublication(), e.answers(), e.words()));
            }
        }
        return events;
    }
}
