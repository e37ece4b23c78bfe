package uk.gov.local.healthcheck.portal.forms;

import com.fasterxml.jackson.databind.JsonNode;
import uk.gov.local.healthcheck.portal.api.FieldError;
import uk.gov.local.healthcheck.portal.forms.FieldView.Band;
import uk.gov.local.healthcheck.portal.forms.FieldView.Choice;
import uk.gov.local.healthcheck.portal.forms.InstrumentDefinition.QuestionDef;
import uk.gov.local.healthcheck.portal.forms.InstrumentDefinition.SectionDef;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a section's fields from the instrument, the answers so far and the API's refusals. A conditional question
 * is offered when its condition holds on the answers given, or when it depends on a question on the same page (the
 * hint then says when to answer it; an answer given when it does not apply is dropped on saving).
 */
public final class FormFields {

    /** The typed missing values survey-service accepts instead of a figure, with the DfE's symbols. */
    public static final Map<String, String> MISSING = orderedMissing();

    private FormFields() {
    }

    public static List<FieldView> of(SectionDef section, JsonNode answers, JsonNode explanations, List<FieldError> errors,
                                     int maxTextLength) {
        Map<String, String> messages = new LinkedHashMap<>();
        errors.forEach(e -> messages.merge(e.field(), e.message(), (a, b) -> a + ". " + b));
        List<FieldView> fields = new ArrayList<>();
        for (QuestionDef q : section.questions()) {
            Condition when = Condition.parse(q.when());
            boolean samePage = when != null && section.questions().stream().anyMatch(o -> o.id().equals(when.questionId()));
            if (when != null && !samePage && !when.holds(answers)) {
                continue;
            }
            fields.add(field(q, answers, explanations, messages, maxTextLength, samePage ? when : null));
        }
        return fields;
    }

    public static String htmlId(String questionId) {
        return "q-" + questionId.replace('.', '-');
    }

    static FieldView field(QuestionDef q, JsonNode answers, JsonNode explanations, Map<String, String> messages,
                           int maxTextLength, Condition pageCondition) {
        String htmlId = htmlId(q.id());
        JsonNode answer = answers.get(q.id());
        String error = messages.get(q.id());
        List<String> hint = new ArrayList<>();
        if (pageCondition != null) {
            hint.add("Answer only if " + Labels.question(pageCondition.questionId()).toLowerCase() + " is "
                    + (pageCondition.equals() ? "" : "not ") + "'" + Labels.option(pageCondition.value()) + "'.");
        }
        if (q.rule() != null) {
            hint.add("Must be " + q.rule().replace("<=", "at most").replace(">=", "at least") + ".");
        }
        if (q.max() != null) {
            hint.add("At most " + q.max().stripTrailingZeros().toPlainString() + ".");
        }
        if (q.maxItems() != null) {
            hint.add("Up to " + q.maxItems() + ", one per line.");
        } else if ("list".equals(q.type())) {
            hint.add("One per line.");
        }
        if ("decimal".equals(q.type())) {
            hint.add("Up to 2 decimal places.");
        }
        String hintText = String.join(" ", hint);
        String explainValue = explanations != null && explanations.hasNonNull(q.id()) ? explanations.get(q.id()).asText() : "";
        boolean explain = q.rule() != null && (!explainValue.isEmpty() || messages.containsKey("explanations." + q.id())
                || (error != null && error.contains("explanations")));
        String explainError = messages.get("explanations." + q.id());
        List<Choice> choices = List.of();
        List<Band> bands = List.of();
        String value = "";
        String kind;
        String missingValue = "";
        List<Choice> missingChoices = List.of();
        switch (q.type()) {
            case "integer", "decimal" -> {
                kind = "number";
                if (answer != null && answer.isObject()) {
                    missingValue = answer.path("missing").asText("");
                } else if (answer != null) {
                    value = answer.isNumber() ? plain(answer.decimalValue()) : answer.asText();
                }
                missingChoices = missingChoices(htmlId, missingValue);
            }
            case "counts" -> {
                kind = "counts";
                List<Band> list = new ArrayList<>();
                for (String band : q.bands()) {
                    JsonNode v = answer == null ? null : answer.get(band);
                    String bandId = list.isEmpty() ? htmlId : htmlId + "-" + band.replace('_', '-');
                    String typed = v == null || v.isNull() ? "" : v.isNumber() ? plain(v.decimalValue()) : v.isObject() ? "" : v.asText();
                    list.add(new Band(q.id() + "." + band, Labels.option(band), bandId, typed));
                    error = error == null ? messages.get(q.id() + "." + band) : error;
                }
                bands = List.copyOf(list);
            }
            case "single", "likert", "multi" -> {
                kind = "multi".equals(q.type()) ? "checkboxes" : "radios";
                List<Choice> list = new ArrayList<>();
                String specifyText = answers.hasNonNull(q.specifyKey()) ? answers.get(q.specifyKey()).asText() : "";
                String specifyError = messages.get(q.specifyKey());
                for (int i = 0; i < q.options().size(); i++) {
                    String option = q.options().get(i);
                    String id = i == 0 ? htmlId : htmlId + "-" + (i + 1);
                    boolean specify = q.specify().contains(option);
                    list.add(new Choice(option, Labels.option(option), id, AnswerBinder.chosen(answer, List.of(option)), q.exclusive().contains(option),
                            specify, q.specifyKey(), specify ? specifyText : "", id + "-specify", specify ? specifyError : null));
                }
                choices = List.copyOf(list);
                if (error == null && specifyError != null) {
                    error = specifyError;
                }
            }
            case "list" -> {
                kind = "textarea";
                if (answer != null && answer.isArray()) {
                    List<String> items = new ArrayList<>();
                    answer.forEach(i -> items.add(i.asText()));
                    value = String.join("\n", items);
                }
            }
            default -> {
                kind = "email".equals(q.format()) ? "input" : "textarea";
                value = answer == null ? "" : answer.asText();
            }
        }
        String inputMode = "integer".equals(q.type()) ? "numeric" : "decimal".equals(q.type()) ? "decimal" : null;
        String inputType = "email".equals(q.format()) ? "email" : "text";
        return new FieldView(kind, q.id(), htmlId, q.id(),
                q.label(), hintText, q.required(), value, inputType, inputMode, q.numeric() ? "govuk-input--width-10" : "",
                maxTextLength, q.maxItems(), choices, bands, q.id() + AnswerBinder.MISSING, missingValue, missingChoices, error,
                explain, AnswerBinder.EXPLAIN + q.id(), explainValue, htmlId + "-explain", explainError);
    }

    private static List<Choice> missingChoices(String htmlId, String current) {
        List<Choice> list = new ArrayList<>();
        list.add(new Choice("", "I can give this figure", htmlId + "-missing", current.isEmpty(), false, false, null, null, null, null));
        MISSING.forEach((symbol, words) -> list.add(new Choice(symbol, words + " (" + symbol + ")", htmlId + "-missing-" + symbol,
                symbol.equals(current), false, false, null, null, null, null)));
        return List.copyOf(list);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static Map<String, String> orderedMissing() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("x", "Not available");
        m.put("c", "Suppressed to protect confidentiality");
        m.put("u", "Low reliability");
        m.put("z", "Not applicable");
        return m;
    }
}
