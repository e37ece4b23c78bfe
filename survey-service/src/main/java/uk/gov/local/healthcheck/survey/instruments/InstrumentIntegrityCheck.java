package uk.gov.local.healthcheck.survey.instruments;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import lombok.RequiredArgsConstructor;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start when the definition of an instrument version that a round already collects has changed (or is
 * no longer packaged): answers collected under one definition must never be re-read under another. A change is a
 * new version, in a new file. Runs once at start-up, after Flyway's migrations, through the reactive pool the
 * application reads every other row with (JDBC is Flyway's alone), waiting for the answer: start-up is not on an
 * event loop, and nothing may be served before the check has passed.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class InstrumentIntegrityCheck {

    private static final Logger LOG = Logger.getLogger(InstrumentIntegrityCheck.class);
    private static final String IN_USE = """
            select distinct instrument, instrument_version, instrument_sha256 from round where instrument_sha256 is not null""";

    private final Pool pool;
    private final InstrumentCatalog catalog;

    /** An instrument version some round collects, with the fingerprint recorded when the round was created. */
    record InUse(String instrument, int version, String fingerprint) {
    }

    void onStart(@Observes StartupEvent event) {
        List<InUse> inUse = new ArrayList<>();
        for (Row row : pool.query(IN_USE).execute().await().indefinitely()) {
            inUse.add(new InUse(row.getString(0), row.getInteger(1), row.getString(2)));
        }
        List<String> problems = problems(inUse, catalog);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Instrument definitions in use have changed: " + String.join("; ", problems));
        }
        LOG.debug("Instrument definitions in use are unchanged");
    }

    static List<String> problems(List<InUse> inUse, InstrumentCatalog catalog) {
        List<String> problems = new ArrayList<>();
        for (InUse used : inUse) {
            var instrument = catalog.find(used.instrument(), used.version());
            if (instrument.isEmpty()) {
                problems.add(used.instrument() + " v" + used.version() + " is collected by a round but no longer packaged");
            } else if (!used.fingerprint().equals(catalog.fingerprint(instrument.get()))) {
                problems.add(used.instrument() + " v" + used.version()
                        + " has changed since a round began collecting it; publish the change as a new version");
            }
        }
        return problems;
    }
}
