package uk.gov.local.healthcheck.benchmark.instruments;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The packaged instruments (see the pom: {@code ../instruments/*.yaml} → {@code instruments/}). Immutable.
 * Rounds name their instrument and version in the events; a round without a version uses the only (or newest)
 * version of its instrument.
 */
public final class InstrumentCatalog {

    /** The files packaged; a new instrument version is a new file and a new entry here. */
    public static final List<String> FILES = List.of("workforce-return.yaml", "employer-health-check-2018.yaml",
            "practitioner-survey.yaml");

    private final List<Instrument> instruments;

    public InstrumentCatalog(List<Instrument> instruments) {
        this.instruments = List.copyOf(instruments);
    }

    public static InstrumentCatalog fromClasspath() {
        List<Instrument> loaded = new ArrayList<>();
        for (String file : FILES) {
            String resource = "instruments/" + file;
            InputStream in = InstrumentCatalog.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("Instrument " + resource + " is not on the classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                loaded.add(parse(reader));
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
        return new InstrumentCatalog(loaded);
    }

    @SuppressWarnings("unchecked")
    public static Instrument parse(Reader yaml) {
        Map<String, Object> doc = (Map<String, Object>) InstrumentYaml.load(yaml);
        Map<String, Object> optionSets = (Map<String, Object>) doc.getOrDefault("option_sets", Map.of());
        List<Question> questions = new ArrayList<>();
        for (Object s : (List<Object>) doc.getOrDefault("sections", List.of())) {
            Map<String, Object> section = (Map<String, Object>) s;
            String sectionId = String.valueOf(section.get("id"));
            for (Object q : (List<Object>) section.getOrDefault("questions", List.of())) {
                Map<String, Object> question = (Map<String, Object>) q;
                String type = String.valueOf(question.get("type"));
                Object options = "likert".equals(type) ? optionSets.get("likert") : question.get("options");
                if (options instanceof String setName) {
                    options = optionSets.get(setName);
                }
                List<String> ids = options instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
                Object text = question.get("text");
                questions.add(new Question(String.valueOf(question.get("id")), sectionId, type,
                        text == null ? null : text.toString(), ids));
            }
        }
        Object title = doc.get("title");
        return new Instrument(String.valueOf(doc.get("instrument")), String.valueOf(doc.get("version")),
                String.valueOf(doc.get("unit")), title == null ? null : title.toString(), questions);
    }

    /** The instrument version a round collects; the newest version when the events do not say. */
    public Optional<Instrument> find(String instrument, Integer version) {
        List<Instrument> matching = instruments.stream().filter(i -> i.id().equals(instrument)).toList();
        if (version != null) {
            Optional<Instrument> exact = matching.stream().filter(i -> i.version().equals(version.toString())).findFirst();
            if (exact.isPresent()) {
                return exact;
            }
        }
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    public List<Instrument> all() {
        return instruments;
    }
}
