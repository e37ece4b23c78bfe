package uk.gov.local.healthcheck.metrics.instruments;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import uk.gov.local.healthcheck.metrics.indicators.IndicatorDictionary;

/**
 * Loads the instruments and the indicator dictionary when the service starts. Both are read once, statically, and
 * checked by the reference module as they load; without this, a bad packaged file would fail on the first event
 * instead, where the consumer would take it for that event's fault. Refusing to start names the bad entry at once.
 */
@ApplicationScoped
class ReferenceDataAtStart {

    private static final Logger LOG = Logger.getLogger(ReferenceDataAtStart.class);

    void onStart(@Observes StartupEvent event) {
        LOG.infof("Reference data loaded: %d instruments, %d indicators", InstrumentCatalog.all().size(),
                IndicatorDictionary.all().size());
    }
}
