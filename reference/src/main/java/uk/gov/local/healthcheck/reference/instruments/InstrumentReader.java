package uk.gov.local.healthcheck.reference.instruments;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one reader of instrument files. Option ids stay the strings they are written as: YAML 1.1 would read the
 * option ids {@code yes}, {@code no}, {@code on} and {@code off} as booleans (and dates as timestamps); here only
 * true/false are booleans, and numbers, nulls and everything else resolve as YAML 1.2 does. Option sets
 * ({@code option_sets}) are resolved: a question's {@code options} naming a set gets the set's ids, and a likert
 * question without options gets the {@code likert} set.
 */
public final class InstrumentReader {

    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    private InstrumentReader() {
    }

    /** Reads one instrument file (UTF-8 YAML). */
    public static Instrument read(byte[] yaml) {
        Object doc = yaml().load(new ByteArrayInputStream(yaml));
        if (!(doc instanceof Map<?, ?> root)) {
            throw new IllegalStateException("An instrument file is a YAML mapping");
        }
        return instrument(root);
    }

    private static Yaml yaml() {
        LoaderOptions loading = new LoaderOptions();
        DumperOptions dumping = new DumperOptions();
        return new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading, new OptionIdResolver());
    }

    private static Instrument instrument(Map<?, ?> root) {
        Map<?, ?> optionSets = root.get("option_sets") instanceof Map<?, ?> m ? m : Map.of();
        List<Section> sections = new ArrayList<>();
        for (Map<?, ?> s : maps(root.get("sections"))) {
            List<Question> questions = new ArrayList<>();
            for (Map<?, ?> q : maps(s.get("questions"))) {
                questions.add(question(q, optionSets));
            }
            sections.add(new Section(text(s, "id"), text(s, "title"), text(s, "note"), List.copyOf(questions)));
        }
        Object version = root.get("version");
        if (!(version instanceof Number number)) {
            throw new IllegalStateException("Instrument " + text(root, "instrument") + " has no numeric version: " + version);
        }
        return Instrument.of(text(root, "instrument"), number.intValue(), text(root, "unit"), text(root, "title"),
                List.copyOf(sections));
    }

    private static Question question(Map<?, ?> q, Map<?, ?> optionSets) {
        String id = text(q, "id");
        QuestionType type = QuestionType.parse(text(q, "type"));
        Object opt = q.get("options");
        List<String> options;
        if (opt instanceof String setName) {
            options = strings(optionSets.get(setName));
            if (options.isEmpty()) {
                throw new IllegalStateException("Question " + id + " names an unknown option set " + setName);
            }
        } else if (opt != null) {
            options = strings(opt);
        } else if (type == QuestionType.LIKERT) {
            options = strings(optionSets.get("likert"));
        } else {
            options = List.of();
        }
        Object maxItems = q.get("max_items");
        return new Question(id, type, text(q, "text"), Boolean.TRUE.equals(q.get("required")), options,
                strings(q.get("bands")), text(q, "when"), text(q, "rule"), strings(q.get("specify")),
                strings(q.get("exclusive")), decimal(q, "min"), decimal(q, "max"),
                maxItems instanceof Number n ? Integer.valueOf(n.intValue()) : null, text(q, "format"));
    }

    private static List<Map<?, ?>> maps(Object list) {
        List<Map<?, ?>> maps = new ArrayList<>();
        if (list instanceof Collection<?> c) {
            c.forEach(o -> {
                if (o instanceof Map<?, ?> m) {
                    maps.add(m);
                }
            });
        }
        return maps;
    }

    private static List<String> strings(Object list) {
        return list instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of();
    }

    private static String text(Map<?, ?> node, String field) {
        Object v = node.get(field);
        return v == null ? null : String.valueOf(v);
    }

    private static BigDecimal decimal(Map<?, ?> node, String field) {
        Object v = node.get(field);
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue());
        }
        return v instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    private static final class OptionIdResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+.0123456789");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
