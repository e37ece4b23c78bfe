package uk.gov.local.healthcheck.reference.instruments;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned questionnaire. A version, once a round uses it, never changes: a new version is a new definition file.
 *
 * @param unit      {@code authority} (one return per authority per round) or {@code respondent} (many anonymous responses)
 * @param questions every question by id, in the instrument's order (an index over {@code sections})
 */
public record Instrument(String id, int version, String unit, String title, List<Section> sections,
                         @JsonIgnore Map<String, Question> questions) {

    public static final String UNIT_AUTHORITY = "authority";
    public static final String UNIT_RESPONDENT = "respondent";

    /** The instrument with its question index built from the sections (a question id appearing twice keeps the last). */
    public static Instrument of(String id, int version, String unit, String title, List<Section> sections) {
        Map<String, Question> index = new LinkedHashMap<>();
        sections.forEach(s -> s.questions().forEach(q -> index.put(q.id(), q)));
        return new Instrument(id, version, unit, title, List.copyOf(sections), Collections.unmodifiableMap(index));
    }

    public Optional<Question> question(String id) {
        return Optional.ofNullable(questions.get(id));
    }

    @JsonIgnore
    public boolean isPerAuthority() {
        return UNIT_AUTHORITY.equals(unit);
    }

    @JsonIgnore
    public boolean isPerRespondent() {
        return UNIT_RESPONDENT.equals(unit);
    }
}
