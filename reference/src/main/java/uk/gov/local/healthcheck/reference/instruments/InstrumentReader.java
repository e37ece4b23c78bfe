package uk.gov.local.healthcheck.reference.instruments;

import uk.gov.local.healthcheck.reference.YamlFiles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static uk.gov.local.healthcheck.reference.YamlFiles.maps;
import static uk.gov.local.healthcheck.reference.YamlFiles.strings;
import static uk.gov.local.healthcheck.reference.YamlFiles.text;

/**
 * The one reader of instrument files. Option ids stay the strings they are written as ({@link YamlFiles}:
 * {@code yes} and {@code no} are not booleans). Option sets ({@code option_sets}) are resolved: a question's
 * {@code options} naming a set gets the set's ids, and a likert question without options gets the {@code likert} set.
 */
public final class InstrumentReader {

    private InstrumentReader() {
    }

    /** Reads one instrument file (UTF-8 YAML). */
    public static Instrument read(byte[] yaml) {
        return instrument(YamlFiles.mapping(yaml, "An instrument file"));
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

    private static BigDecimal decimal(Map<?, ?> node, String field) {
        Object v = node.get(field);
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue());
        }
        return v instanceof Number n ? new BigDecimal(n.toString()) : null;
    }
}
