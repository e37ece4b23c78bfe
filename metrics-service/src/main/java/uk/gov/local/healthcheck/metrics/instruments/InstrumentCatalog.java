package uk.gov.local.healthcheck.metrics.instruments;

import uk.gov.local.healthcheck.reference.instruments.PackagedInstruments;
import uk.gov.local.healthcheck.reference.instruments.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The instruments as indicators read them: the reference module's packaged instruments (read and checked there),
 * each seen as its questions in order with their section. Loaded once; pure data afterwards.
 */
public final class InstrumentCatalog {

    public static final String WORKFORCE_RETURN = "workforce-return";
    public static final String EMPLOYER_HEALTH_CHECK = "employer-health-check";
    public static final String PRACTITIONER_SURVEY = "practitioner-survey";

    private static final List<Instrument> ALL = PackagedInstruments.load().all().stream().map(InstrumentCatalog::view).toList();

    private InstrumentCatalog() {
    }

    public static List<Instrument> all() {
        return ALL;
    }

    /** The instrument with that id (each id has one version so far; the highest wins if there are more). */
    public static Optional<Instrument> byId(String id) {
        return ALL.stream().filter(i -> i.id().equals(id)).max((a, b) -> Integer.compare(a.version(), b.version()));
    }

    public static Optional<Instrument> byIdAndVersion(String id, int version) {
        return ALL.stream().filter(i -> i.id().equals(id) && i.version() == version).findFirst()
                .or(() -> byId(id));
    }

    public static Instrument require(String id) {
        return byId(id).orElseThrow(() -> new IllegalStateException("instrument " + id + " is not packaged"));
    }

    /** A section without a title is titled by its id. */
    static Instrument view(uk.gov.local.healthcheck.reference.instruments.Instrument instrument) {
        List<Question> questions = new ArrayList<>();
        for (Section section : instrument.sections()) {
            String sectionTitle = section.title() == null ? section.id() : section.title();
            section.questions().forEach(q -> questions.add(new Question(q.id(), section.id(), sectionTitle,
                    q.type().spelling(), q.text(), q.options(), q.bands())));
        }
        return new Instrument(instrument.id(), instrument.version(), instrument.unit(), questions);
    }
}
