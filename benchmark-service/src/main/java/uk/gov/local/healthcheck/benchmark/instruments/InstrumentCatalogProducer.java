package uk.gov.local.healthcheck.benchmark.instruments;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Reads the packaged instruments once. */
public class InstrumentCatalogProducer {

    @Produces
    @Singleton
    InstrumentCatalog instrumentCatalog() {
        return InstrumentCatalog.fromClasspath();
    }
}
