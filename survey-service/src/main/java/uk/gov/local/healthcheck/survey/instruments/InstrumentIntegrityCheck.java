package uk.gov.local.healthcheck.survey.instruments;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start when the definition of an instrument version that a round already collects has changed (or is
 * no longer packaged): answers collected under one definition must never be re-read under another. A change is a
 * new version, in a new file. Runs once at start-up, on the JDBC connection Flyway uses.
 */
@ApplicationScoped
public class InstrumentIntegrityCheck {

    private static final Logger LOG = Logger.getLogger(InstrumentIntegrityCheck.class);
    private static final String IN_USE = """
            select distinct instrument, instrument_version, instrument_sha256 from round where instrument_sha256 is not null""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InstrumentCatalog catalog;

    /** An instrument version some round collects, with the fingerprint recorded when the round was created. */
    record InUse(String instrument, int version, String fingerprint) {
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        List<InUse> inUse = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(IN_USE)) {
            while (rs.next()) {
                inUse.add(new InUse(rs.getString(1), rs.getInt(2), rs.getString(3)));
            }
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
