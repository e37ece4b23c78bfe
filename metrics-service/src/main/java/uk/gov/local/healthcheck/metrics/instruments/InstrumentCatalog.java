package uk.gov.local.healthcheck.metrics.instruments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instruments packaged with the service ({@code ../instruments/*.yaml} copied to {@code instruments/} on the
 * classpath). Loaded once; pure data afterwards.
 */
public final class InstrumentCatalog {

    public static final String WORKFORCE_RETURN = "workforce-return";
    public static final String EMPLOYER_HEALTH_CHECK = "employer-health-check";
    public static final String PRACTITIONER_SURVEY = "practitioner-survey";

    private static final List<String> FILES = List.of("workforce-return.yaml", "employer-health-check-2018.yaml",
            "practitioner-survey.yaml");
    private static final List<Instrument> ALL = FILES.stream().map(InstrumentCatalog::load).toList();

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

    private static Instrument load(String file) {
        String path = "instruments/" + file;
        try (InputStream in = InstrumentCatalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return parse((Map<?, ?>) InstrumentYaml.load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    static Instrument parse(Map<?, ?> doc) {
        Map<?, ?> optionSets = doc.get("option_sets") instanceof Map<?, ?> m ? m : Map.of();
        List<Question> questions = new ArrayList<>();
        for (Object s : (Collection<?>) doc.get("sections")) {
            Map<?, ?> section = (Map<?, ?>) s;
            String sectionId = String.valueOf(section.get("id"));
            String sectionTitle = section.get("title") == null ? sectionId : String.valueOf(section.get("title"));
            for (Object q : (Collection<?>) section.get("questions")) {
                Map<?, ?> question = (Map<?, ?>) q;
                String type = String.valueOf(question.get("type"));
                Object options = question.get("options");
                if (options == null && "likert".equals(type)) {
                    options = "likert";
                }
                if (options instanceof String setName) {
                    options = optionSets.get(setName);
                }
                questions.add(new Question(String.valueOf(question.get("id")), sectionId, sectionTitle, type,
                        question.get("text") == null ? null : String.valueOf(question.get("text")),
                        strings(options), strings(question.get("bands"))));
            }
        }
        return new Instrument(String.valueOf(doc.get("instrument")), ((Number) doc.get("version")).intValue(),
                String.valueOf(doc.get("unit")), questions);
    }

    private static List<String> strings(Object list) {
        if (!(list instanceof Collection<?> c)) {
            return List.of();
        }
        return c.stream().map(String::valueOf).toList();
    }
}
