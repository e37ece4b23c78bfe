package uk.gov.local.healthcheck.deadletters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

import uk.gov.local.healthcheck.events.DeadLetter;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code healthcheck_dead_letters_total{consumer,error_type}} (records set aside) and
 * {@code healthcheck_dead_letters_open{consumer}} (not yet replayed or dismissed; read from the table at start and
 * after every change).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class DeadLetterMetrics {

    private static final Logger LOG = Logger.getLogger(DeadLetterMetrics.class);

    private final MeterRegistry registry;
    private final DeadLetterStore store;

    private final AtomicLong open = new AtomicLong();
    private volatile Gauge openGauge;

    void onStop(@Observes io.quarkus.runtime.ShutdownEvent e) {
        Gauge registered = openGauge;
        if (registered != null) {
            registry.remove(registered);
        }
    }

    void onStart(@Observes StartupEvent e) {
        // strong, and removed at shutdown: see ConsumerPartitions' gauge
        openGauge = Gauge.builder("healthcheck.dead.letters.open", open, AtomicLong::get)
                .description("Dead letters not yet replayed or dismissed").strongReference(true)
                .tag("consumer", store.consumer()).register(registry);
        // Every kind is shown from the start at 0, so an alert on its increase has a series to compare with.
        for (String errorType : List.of(DeadLetter.UNDECODABLE, DeadLetter.INVALID, DeadLetter.UNSTORABLE)) {
            counter(errorType);
        }
        refreshOpen();
    }

    public void deadLettered(String errorType) {
        counter(errorType).increment();
    }

    private Counter counter(String errorType) {
        return Counter.builder("healthcheck.dead.letters").description("Records set aside on the dead-letter topic")
                .tag("consumer", store.consumer()).tag("error_type", errorType).register(registry);
    }

    /** Re-reads the open count (asynchronously; a failure leaves the last value). */
    public void refreshOpen() {
        store.countOpen().subscribe().with(open::set,
                f -> LOG.debugf("Could not count the open dead letters: %s", f.toString()));
    }
}
