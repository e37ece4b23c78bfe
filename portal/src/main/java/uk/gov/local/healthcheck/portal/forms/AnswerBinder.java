package uk.gov.local.healthcheck.portal.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import uk.gov.local.healthcheck.portal.forms.InstrumentDefinition.QuestionDef;
import uk.gov.local.healthcheck.portal.forms.InstrumentDefinition.SectionDef;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Turns one page's posted form into the answers JSON the API takes (the shapes documented on the instrument files),
 * merged into the answers already given on other pages. What the person typed is kept as typed: a figure that is
 * not a number travels as text, so the API's refusal names the field and the page shows it again unchanged.
 * Answers to a conditional question whose condition no longer holds are dropped (the API would refuse them).
 */
public final class AnswerBinder {

    /** Form field suffixes beside a question's own name. */
    public static final String MISSING = ".missing";
    public static final String SPECIFY = ".specify";
    public static final String EXPLAIN = "explain.";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnswerBinder() {
    }

    /** The answers and explanations after this page. */
    public record Bound(ObjectNode answers, ObjectNode explanations) {
    }

    public static Bound bind(SectionDef section, Map<String, List<String>> form, JsonNode previousAnswers, JsonNode previousExplanations) {
        ObjectNode answers = previousAnswers != null && previousAnswers.isObject() ? ((ObjectNode) previousAnswers).deepCopy() : NODES.objectNode();
        ObjectNode explanations = previousExplanations != null && previousExplanations.isObject()
                ? ((ObjectNode) previousExplanations).deepCopy() : NODES.objectNode();
        for (QuestionDef q : section.questions()) {
            answers.remove(q.id());
            answers.remove(q.specifyKey());
            explanations.remove(q.id());
            JsonNode answer = answer(q, form);
            if (answer != null) {
                answers.set(q.id(), answer);
                String specify = one(form, q.specifyKey());
                if (!specify.isEmpty() && chosen(answer, q.specify())) {
                    answers.put(q.specifyKey(), specify);
                }
            }
            String explanation = one(form, EXPLAIN + q.id());
            if (!explanation.isEmpty() && answer != null) {
                explanations.put(q.id(), explanation);
            }
        }
        // a condition may have changed on this page: drop what no longer applies, anywhere in the instrument
        for (QuestionDef q : section.questions()) {
            Condition when = Condition.parse(q.when());
            if (when != null && !when.holds(answers)) {
                answers.remove(q.id());
                answers.remove(q.specifyKey());
                explanations.remove(q.id());
            }
        }
        return new Bound(answers, explanations);
    }

    /** Drops every answer whose condition does not hold (e.g. after a controlling answer on another page changed). */
    public static void dropInapplicable(InstrumentDefinition instrument, ObjectNode answers) {
        for (SectionDef s : instrument.sections()) {
            for (QuestionDef q : s.questions()) {
                Condition when = Condition.parse(q.when());
                if (when != null && !when.holds(answers)) {
                    answers.remove(q.id());
                    answers.remove(q.specifyKey());
                }
            }
        }
    }

    static JsonNode answer(QuestionDef q, Map<String, List<String>> form) {
        switch (q.type()) {
            case "integer", "decimal" -> {
                String value = one(form, q.id());
                String missing = one(form, q.id() + MISSING);
                if (!value.isEmpty()) {
                    return number(value);
                }
                return missing.isEmpty() ? null : NODES.objectNode().put("missing", missing);
            }
            case "counts" -> {
                ObjectNode bands = NODES.objectNode();
                for (String band : q.bands()) {
                    String value = one(form, q.id() + "." + band);
                    if (!value.isEmpty()) {
                        bands.set(band, number(value));
                    }
                }
                return bands.isEmpty() ? null : bands;
            }
            case "multi" -> {
                ArrayNode chosen = NODES.arrayNode();
                form.getOrDefault(q.id(), List.of()).stream().map(String::trim).filter(v -> !v.isEmpty()).distinct().forEach(chosen::add);
                return chosen.isEmpty() ? null : chosen;
            }
            case "list" -> {
                ArrayNode items = NODES.arrayNode();
                for (String line : text(form, q.id()).split("\n")) {
                    if (!line.isBlank()) {
                        items.add(line.trim());
                    }
                }
                return items.isEmpty() ? null : items;
            }
            case "text" -> {
                String value = text(form, q.id());
                return value.isBlank() ? null : NODES.textNode(value.strip());
            }
            default -> {
                String value = one(form, q.id());
                return value.isEmpty() ? null : NODES.textNode(value);
            }
        }
    }

    /** A figure as a JSON number when it is one ("1,250" is: people write thousands so), else the text as typed. */
    static JsonNode number(String typed) {
        String plain = typed.replace(",", "").trim();
        try {
            return NODES.numberNode(new BigDecimal(plain));
        } catch (NumberFormatException e) {
            return NODES.textNode(typed);
        }
    }

    /** Whether an answer (an option id, or a list of them) is, or holds, one of {@code options}; false when absent. */
    static boolean chosen(JsonNode answer, List<String> options) {
        if (answer == null) {
            return false;
        }
        if (answer.isArray()) {
            for (JsonNode a : answer) {
                if (options.contains(a.asText())) {
                    return true;
                }
            }
            return false;
        }
        return options.contains(answer.asText());
    }

    /** One single-line value, trimmed; empty when absent. */
    static String one(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).trim();
    }

    /** A multi-line value with the browser's CRLF made LF, so lengths count as the person sees them. */
    static String text(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).replace("\r\n", "\n").replace('\r', '\n');
    }
}
