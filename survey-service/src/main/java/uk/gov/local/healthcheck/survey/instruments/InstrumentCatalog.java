package uk.gov.local.healthcheck.survey.instruments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The questionnaires this platform collects, loaded once from the instrument files packaged with the service
 * (copies of spec/instruments, whose question ids are the contract with councils' systems).
 */
@ApplicationScoped
@Startup
public class InstrumentCatalog {

    private final Map<String, TreeMap<Integer, Instrument>> byIdAndVersion = new TreeMap<>();
    private final Map<String, String> fingerprints = new TreeMap<>();

    public InstrumentCatalog(@ConfigProperty(name = "survey.instruments") List<String> files) {
        for (String file : files) {
            byte[] bytes = read("instruments/" + file);
            Instrument instrument = parse(new ObjectMapper().valueToTree(InstrumentYaml.load(new java.io.ByteArrayInputStream(bytes))));
            if (find(instrument.id(), instrument.version()).isPresent()) {
                throw new IllegalStateException(file + " defines " + instrument.id() + " v" + instrument.version() + " a second time");
            }
            byIdAndVersion.computeIfAbsent(instrument.id(), k -> new TreeMap<>()).put(instrument.version(), instrument);
            fingerprints.put(key(instrument.id(), instrument.version()), sha256(bytes));
        }
    }

    public List<Instrument> all() {
        List<Instrument> all = new ArrayList<>();
        byIdAndVersion.values().forEach(v -> all.addAll(v.values()));
        all.sort(Comparator.comparing(Instrument::id).thenComparing(Instrument::version));
        return all;
    }

    public Optional<Instrument> find(String id, int version) {
        return Optional.ofNullable(byIdAndVersion.get(id)).map(v -> v.get(version));
    }

    /** SHA-256 of the definition file: a version in use must never change, and this is how that is checked. */
    public String fingerprint(Instrument instrument) {
        return fingerprints.get(key(instrument.id(), instrument.version()));
    }

    private static String key(String id, int version) {
        return id + "@" + version;
    }

    /** The newest version of an instrument, used when a round does not name one. */
    public Optional<Instrument> latest(String id) {
        return Optional.ofNullable(byIdAndVersion.get(id)).map(v -> v.lastEntry().getValue());
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Instrument file not found on the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable instrument file " + resource, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    static Instrument parse(JsonNode root) {
        JsonNode optionSets = root.path("option_sets");
        List<Section> sections = new ArrayList<>();
        for (JsonNode s : root.path("sections")) {
            List<Question> questions = new ArrayList<>();
            for (JsonNode q : s.path("questions")) {
                questions.add(question(q, optionSets));
            }
            sections.add(new Section(s.path("id").asText(), text(s, "title"), text(s, "note"), List.copyOf(questions)));
        }
        return Instrument.of(root.path("instrument").asText(), root.path("version").asInt(), root.path("unit").asText(),
                text(root, "title"), List.copyOf(sections));
    }

    private static Question question(JsonNode q, JsonNode optionSets) {
        QuestionType type = QuestionType.parse(q.path("type").asText());
        List<String> options = List.of();
        JsonNode opt = q.get("options");
        if (opt != null && opt.isTextual()) {
            options = strings(optionSets.path(opt.asText()));
            if (options.isEmpty()) {
                throw new IllegalStateException("Question " + q.path("id").asText() + " names an unknown option set " + opt.asText());
            }
        } else if (opt != null) {
            options = strings(opt);
        } else if (type == QuestionType.LIKERT) {
            options = strings(optionSets.path("likert"));
        }
        return new Question(q.path("id").asText(), type, text(q, "text"), q.path("required").asBoolean(false),
                options, strings(q.path("bands")), text(q, "when"), text(q, "rule"), strings(q.path("specify")),
                strings(q.path("exclusive")), decimal(q, "min"), decimal(q, "max"),
                q.has("max_items") ? q.get("max_items").asInt() : null, text(q, "format"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? null : v.decimalValue();
    }
}
