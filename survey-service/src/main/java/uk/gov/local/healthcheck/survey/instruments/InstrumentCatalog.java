package uk.gov.local.healthcheck.survey.instruments;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.local.healthcheck.reference.instruments.Instrument;
import uk.gov.local.healthcheck.reference.instruments.PackagedInstruments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The questionnaires this platform collects, as the reference module reads and checks them (the files of
 * {@link PackagedInstruments#FILES}, whose question ids are the contract with councils' systems). Loaded once, at
 * start-up, so an inconsistent instrument stops the service rather than a submission.
 */
@ApplicationScoped
@Startup
public class InstrumentCatalog {

    private final PackagedInstruments packaged;

    @Inject
    public InstrumentCatalog() {
        this(PackagedInstruments.FILES);
    }

    /** Only these instrument files (names under {@code instruments/}). */
    public InstrumentCatalog(List<String> files) {
        this.packaged = PackagedInstruments.load(files);
    }

    /** Every instrument version, by id then version. */
    public List<Instrument> all() {
        List<Instrument> all = new ArrayList<>(packaged.all());
        all.sort(Comparator.comparing(Instrument::id).thenComparing(Instrument::version));
        return all;
    }

    public Optional<Instrument> find(String id, int version) {
        return packaged.find(id, version);
    }

    /** SHA-256 of the definition file: a version in use must never change, and this is how that is checked. */
    public String fingerprint(Instrument instrument) {
        return packaged.fingerprint(instrument.id(), instrument.version()).orElse(null);
    }

    /** The newest version of an instrument, used when a round does not name one. */
    public Optional<Instrument> latest(String id) {
        return packaged.latest(id);
    }
}
