package uk.gov.local.healthcheck.survey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** One clock for the service, so tests can reason about time and every timestamp is UTC. */
@ApplicationScoped
public class SystemClock {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
