package uk.gov.local.healthcheck.benchmark.instruments;

import uk.gov.local.healthcheck.reference.instruments.PackagedInstruments;
import uk.gov.local.healthcheck.reference.instruments.Section;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The instruments as tabulations read them: the reference module's packaged instruments (read and checked there).
 * Immutable. Rounds name their instrument and version in the events; a round without a version uses the only (or
 * newest) version of its instrument.
 */
public final class InstrumentCatalog {

    private final List<Instrument> instruments;

    public InstrumentCatalog(List<Instrument> instruments) {
        this.instruments = List.copyOf(instruments);
    }

    public static InstrumentCatalog fromClasspath() {
        return new InstrumentCatalog(PackagedInstruments.load().all().stream().map(InstrumentCatalog::view).toList());
    }

    static Instrument view(uk.gov.local.healthcheck.reference.instruments.Instrument instrument) {
        List<Question> questions = new ArrayList<>();
        for (Section section : instrument.sections()) {
            section.questions().forEach(q -> questions.add(new Question(q.id(), section.id(), q.type().spelling(), q.text(),
                    q.options())));
        }
        return new Instrument(instrument.id(), instrument.version(), instrument.unit(), instrument.title(), questions);
    }

    /** The instrument version a round collects; the newest version when the events do not say. */
    public Optional<Instrument> find(String instrument, Integer version) {
        List<Instrument> matching = instruments.stream().filter(i -> i.id().equals(instrument)).toList();
        if (version != null) {
            Optional<Instrument> exact = matching.stream().filter(i -> i.version() == version).findFirst();
            if (exact.isPresent()) {
                return exact;
            }
        }
        return matching.stream().max(Comparator.comparingInt(Instrument::version));
    }

    public List<Instrument> all() {
        return instruments;
    }
}
