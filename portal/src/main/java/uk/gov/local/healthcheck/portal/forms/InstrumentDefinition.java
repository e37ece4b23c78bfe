package uk.gov.local.healthcheck.portal.forms;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An instrument as survey-service serves it ({@code GET /api/v1/instruments/{id}/{version}}): the portal renders its
 * forms from this, never from a copy of the questions of its own.
 */
public record InstrumentDefinition(String id, int version, String title, String unit, List<SectionDef> sections) {

    public record SectionDef(String id, String title, String note, List<QuestionDef> questions) {
        /** A section without a title is named by its id. */
        public String heading() {
            return title != null && !title.isBlank() ? title : Labels.question(id);
        }
    }

    /** One question; {@code type} in lower case (text, list, decimal, integer, single, multi, likert, counts). */
    public record QuestionDef(String id, String type, String text, boolean required, List<String> options,
                              List<String> bands, String when, String rule, List<String> specify, List<String> exclusive,
                              BigDecimal min, BigDecimal max, Integer maxItems, String format) {

        public String label() {
            return text != null && !text.isBlank() ? text : Labels.question(id);
        }

        public boolean numeric() {
            return "integer".equals(type) || "decimal".equals(type);
        }

        public boolean choice() {
            return "single".equals(type) || "multi".equals(type) || "likert".equals(type);
        }

        public String specifyKey() {
            return id + ".specify";
        }
    }

    public static InstrumentDefinition of(JsonNode json) {
        List<SectionDef> sections = new ArrayList<>();
        for (JsonNode s : json.path("sections")) {
            List<QuestionDef> questions = new ArrayList<>();
            for (JsonNode q : s.path("questions")) {
                questions.add(new QuestionDef(q.path("id").asText(), q.path("type").asText().toLowerCase(Locale.ROOT),
                        text(q, "text"), q.path("required").asBoolean(false), strings(q, "options"), strings(q, "bands"),
                        text(q, "when"), text(q, "rule"), strings(q, "specify"), strings(q, "exclusive"),
                        q.hasNonNull("min") ? q.get("min").decimalValue() : null,
                        q.hasNonNull("max") ? q.get("max").decimalValue() : null,
                        q.hasNonNull("maxItems") ? q.get("maxItems").asInt() : null, text(q, "format")));
            }
            sections.add(new SectionDef(s.path("id").asText(), text(s, "title"), text(s, "note"), List.copyOf(questions)));
        }
        return new InstrumentDefinition(json.path("id").asText(), json.path("version").asInt(), text(json, "title"),
                text(json, "unit"), List.copyOf(sections));
    }

    public Optional<SectionDef> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    /** The section after this one, if any. */
    public Optional<SectionDef> after(String sectionId) {
        for (int i = 0; i < sections.size() - 1; i++) {
            if (sections.get(i).id().equals(sectionId)) {
                return Optional.of(sections.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** The question a refused field belongs to: the field itself, a band ({@code id.band}) or a specify text. */
    public Optional<QuestionDef> questionOf(String field) {
        QuestionDef best = null;
        for (SectionDef s : sections) {
            for (QuestionDef q : s.questions()) {
                if ((field.equals(q.id()) || field.startsWith(q.id() + ".")) && (best == null || q.id().length() > best.id().length())) {
                    best = q;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    public Optional<SectionDef> sectionOf(String questionId) {
        return sections.stream().filter(s -> s.questions().stream().anyMatch(q -> q.id().equals(questionId))).findFirst();
    }

    public String heading() {
        return title != null && !title.isBlank() ? title : Labels.question(id);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        node.path(field).forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }
}
